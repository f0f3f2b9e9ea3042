import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { loadConfig } from '../src/config/app-config';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, expectError, signInAdmin, webhookReceiver } from './support';
import { useTestApp } from './test-app';

/**
 * Webhook URLs set by an admin reach public addresses only (issue #15, item 10): loopback, link-local, private and
 * unspecified hosts are refused when set (400) and again when sending, after DNS, unless WEBHOOK_ALLOW_HOSTS names them.
 * On 2020-10-10 the 2020-09 figures call for "due soon" reminders to 区政务服务办 (1) and 区委编办 (2).
 */

describe('webhook addresses (SSRF)', () => {
  const t = useTestApp({
    demo: false,
    env: {
      FIXED_TODAY: '2020-10-09',
      EVALUATION_CRON: '0 0 1 1 *',
      WEBHOOK_ALLOW_HOSTS: 'hooks.intranet, 192.168.50.0/24, fd00:1::7',
    },
  });
  let admin: string;
  let hook: Awaited<ReturnType<typeof webhookReceiver>>;
  const webhookOf = async (id: number) =>
    (await as(t.app, admin).get('/api/departments').expect(200)).body.find((d: { id: number }) => d.id === id)
      .webhookUrl;

  beforeAll(async () => {
    hook = await webhookReceiver();
    admin = await signInAdmin(t.app);
  });
  t.beforeStop((app) => app.get(Clock).setToday(null));
  afterAll(() => hook.close());

  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1 是本机回环地址', '127.0.0.1 is a loopback address'],
    ['http://localhost/hook', 'localhost 是本机回环地址', 'localhost is a loopback address'],
    ['http://app.localhost/hook', 'app.localhost 是本机回环地址', 'app.localhost is a loopback address'],
    ['http://[::1]/hook', '::1 是本机回环地址', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/hook', '::ffff:7f00:1 是本机回环地址', '::ffff:7f00:1 is a loopback address'],
    [
      'http://169.254.169.254/latest/meta-data',
      '169.254.169.254 是链路本地地址',
      '169.254.169.254 is a link-local address',
    ],
    ['http://[fe80::1]/hook', 'fe80::1 是链路本地地址', 'fe80::1 is a link-local address'],
    ['http://10.1.2.3/hook', '10.1.2.3 是内网地址', '10.1.2.3 is a private address'],
    ['http://user:pw@172.31.255.255/hook', '172.31.255.255 是内网地址', '172.31.255.255 is a private address'],
    ['https://192.168.51.7/hook', '192.168.51.7 是内网地址', '192.168.51.7 is a private address'],
    ['http://[fd12:3456::1]/hook', 'fd12:3456::1 是内网地址', 'fd12:3456::1 is a private address'],
    ['http://0.0.0.0/hook', '0.0.0.0 是未指定地址', '0.0.0.0 is an unspecified address'],
    ['http://[::]/hook', ':: 是未指定地址', ':: is an unspecified address'],
  ])('refuses %s with a bilingual 400 and keeps the webhook as it was', async (webhookUrl, zh, en) => {
    const res = await as(t.app, admin).patch('/api/departments/1').send({ webhookUrl });
    expectError(
      res,
      400,
      'INVALID_INPUT',
      new RegExp(`^webhookUrl 不能指向本机、内网或保留地址（${zh.replace(/[.[\]]/g, '\\$&')}）.*WEBHOOK_ALLOW_HOSTS`),
      new RegExp(`\\(${en.replace(/[.[\]]/g, '\\$&')}\\).*WEBHOOK_ALLOW_HOSTS`),
    );
    expect(await webhookOf(1)).toBeNull();
  });

  it.each([
    'https://hooks.example.com/taizhang?token=abc',
    'http://203.0.113.5/hook',
    'http://172.32.0.1/hook',
    // WEBHOOK_ALLOW_HOSTS: a name as written, an address inside an allowed range, an allowed address.
    'http://hooks.intranet:8080/hook',
    'http://192.168.50.7/hook',
    'http://[fd00:1::7]/hook',
  ])('accepts %s', async (webhookUrl) => {
    await as(t.app, admin).patch('/api/departments/1').send({ webhookUrl }).expect(200);
    expect(await webhookOf(1)).toBe(webhookUrl);
  });

  it('checks again when sending: a name resolving to a loopback address, or an address stored before the rule, fails at once and posts nothing', async () => {
    // As if set before this rule existed (or re-pointed in DNS since): localhost resolves to 127.0.0.1 / ::1.
    const ds = t.app.get(DataSource);
    const byName = `http://localhost:${hook.port}/hook`;
    const byAddress = `http://127.0.0.1:${hook.port}/hook`;
    await ds.query(`UPDATE departments SET webhook_url = '${byName}' WHERE id = 1`);
    await ds.query(`UPDATE departments SET webhook_url = '${byAddress}' WHERE id = 2`);
    t.app.get(Clock).setToday('2020-10-10');
    await t.app.get(SupervisionService).runCycle();
    expect(hook.got).toEqual([]);
    const rows: Array<{ target: string; status: string; attempts: number; last_error: string }> = await ds.query(
      `SELECT target, status, attempts, last_error FROM deliveries WHERE channel = 'webhook' ORDER BY id`,
    );
    expect(rows.map((r) => r.target).sort()).toEqual([...Array(5).fill(byName), ...Array(3).fill(byAddress)].sort());
    for (const r of rows) {
      // Failed after one attempt, not retried: the address will not change by waiting.
      expect({ status: r.status, attempts: Number(r.attempts) }).toEqual({ status: 'failed', attempts: 1 });
      expect(r.last_error).toMatch(
        r.target === byName
          ? /localhost → (127\.0\.0\.1|::1) 是本机回环地址.*localhost → (127\.0\.0\.1|::1) is a loopback address/
          : /127\.0\.0\.1 是本机回环地址.*127\.0\.0\.1 is a loopback address/,
      );
    }
    const failed = (await as(t.app, admin).get('/api/deliveries/failed').expect(200)).body;
    expect(failed).toHaveLength(8);
    expect(failed.every((d: { lastError: string }) => /WEBHOOK_ALLOW_HOSTS/.test(d.lastError))).toBe(true);
  });

  it('refuses to start with an allow-list entry that is no host name, address or range', () => {
    expect(() => loadConfig({ WEBHOOK_ALLOW_HOSTS: '10.0.0.0/40, ok.example, http://x/' })).toThrow(
      /WEBHOOK_ALLOW_HOSTS[^\n]*"10\.0\.0\.0\/40"[\s\S]*WEBHOOK_ALLOW_HOSTS[^\n]*"http:\/\/x\/"/,
    );
    expect(loadConfig({ WEBHOOK_ALLOW_HOSTS: ' 10.0.0.0/8 , hooks.intranet,::1 ' }).webhookAllowHosts).toEqual([
      '10.0.0.0/8',
      'hooks.intranet',
      '::1',
    ]);
  });
});
