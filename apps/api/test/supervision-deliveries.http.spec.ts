import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { DeliveryService } from '../src/supervision/delivery.service';
import { SupervisionService } from '../src/supervision/supervision.service';
import {
  as,
  createUser,
  type Delivered,
  expectError,
  http,
  metricsByCode,
  signInAdmin,
  webhookReceiver,
} from './support';
import { useTestApp } from './test-app';

/**
 * Email and webhook deliveries against a real SMTP server and real HTTP receivers started here.
 * On Saturday 2020-10-10 the 2020-09 figures (due 10-14) call for "due soon" reminders:
 * 区政务服务办 (1) has five monthly metrics, 区委编办 (2) three (T009-1 for 2020-Q3, T050-1, T050-2).
 */

interface Mail {
  to: string[];
  subject: string;
}
type Hook = Delivered<{
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  link: string;
  department: string;
  data: Record<string, unknown>;
}>;

/** Decodes an RFC 2047 header ("=?UTF-8?B?…?=" words, folded over lines). */
function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head
    .split(/\r?\n/)
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))!
    .slice(name.length + 1)
    .trim();
  return line.replace(/(=\?utf-8\?[bq]\?[^?]*\?=\s*)+/gi, (words) => {
    const bytes = [...words.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}

type Receiver = Awaited<ReturnType<typeof webhookReceiver<Hook['body']>>>;

const MINUTE = 60_000;

describe('supervision deliveries: email, webhooks, retries', () => {
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  let ok: Receiver;
  let failing: Receiver;
  // The mail server and the receivers start first: SMTP_URL names the mail server's port.
  const t = useTestApp(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: headerOf(Buffer.concat(chunks).toString('utf8'), 'Subject'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    ok = await webhookReceiver<Hook['body']>(200);
    failing = await webhookReceiver<Hook['body']>(500);
    // The receivers listen on 127.0.0.1, which webhooks may reach only because WEBHOOK_ALLOW_HOSTS says so.
    return {
      demo: false,
      env: {
        FIXED_TODAY: '2020-10-09',
        EVALUATION_CRON: '0 0 1 1 *',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SMTP_FROM: 'taizhang@hongqiao.example',
        WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      },
    };
  });
  let admin: string;
  let leader: string;
  let zwfwb: string;
  let metrics: Awaited<ReturnType<typeof metricsByCode>>;
  // "Now" is pinned near the real time (sessions last 12 hours) and moved by the test.
  const T0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const at = (offset: number) => new Date(T0.getTime() + offset);
  const deliveries = async (
    where: string,
  ): Promise<
    Array<{ channel: string; status: string; attempts: number; last_error: string | null; next_attempt_at: string }>
  > =>
    (
      await t.app
        .get(DataSource)
        .query(
          `SELECT channel, status, attempts, last_error, next_attempt_at FROM deliveries WHERE ${where} ORDER BY channel, id`,
        )
    ).map((r: { attempts: unknown }) => ({ ...r, attempts: Number(r.attempts) }));

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'leader-1', 'leader');
    zwfwb = await createUser(t.app, admin, 'zwfwb-user', 'department', 1);
    metrics = await metricsByCode(t.app, admin);
    const ds = t.app.get(DataSource);
    await ds.query(`UPDATE departments SET email = 'zwfwb@hongqiao.example', webhook_url = '${ok.url}' WHERE id = 1`);
    await ds.query(`UPDATE departments SET webhook_url = '${failing.url}' WHERE id = 2`);
  });
  t.beforeStop((app) => app.get(Clock).setNow(null));
  afterAll(async () => {
    await ok.close();
    await failing.close();
    await new Promise((r) => smtp.close(r));
  });

  it('nothing was emailed or posted before a department had an address', async () => {
    expect(await deliveries('1 = 1')).toEqual([]);
    expect(mails).toEqual([]);
  });

  it('emails each reminder with a Chinese subject and posts it as JSON to the department’s webhook', async () => {
    const clock = t.app.get(Clock);
    clock.setToday('2020-10-10');
    clock.setNow(T0);
    await t.app.get(SupervisionService).runCycle();
    const codes = ['T004-1', 'T007-1', 'T007-2', 'T007-3', 'T015-1'];
    expect(mails.map((m) => m.to)).toEqual(codes.map(() => ['zwfwb@hongqiao.example']));
    expect(mails.map((m) => m.subject).sort()).toEqual(
      codes.map((c) => `【台账】即将到期：${metrics.get(c)!.name} 2020-09 请于 2020-10-14 前报送`).sort(),
    );
    expect(ok.got).toHaveLength(5);
    const t007 = ok.got.find((h) => h.body.data.metric === 'T007-1')!;
    expect(t007).toEqual({
      contentType: 'application/json',
      body: {
        titleZh: `即将到期：${metrics.get('T007-1')!.name} 2020-09 请于 2020-10-14 前报送`,
        titleEn: `Due soon: ${metrics.get('T007-1')!.nameEn} 2020-09, due 2020-10-14`,
        bodyZh: `区政务服务办：指标「${metrics.get('T007-1')!.name}」2020-09 的数据即将到期，截止日期 2020-10-14。`,
        link: '/?q=T007-1',
        department: '区政务服务办',
        data: { kind: 'reminder', stage: 'due-soon', metric: 'T007-1', period: '2020-09', dueDate: '2020-10-14' },
      },
    });
    expect(ok.got.map((h) => h.body.data.kind)).toEqual(codes.map(() => 'reminder'));
    expect(await deliveries(`target IN ('zwfwb@hongqiao.example', '${ok.url}')`)).toEqual(
      [...codes.map(() => 'email'), ...codes.map(() => 'webhook')]
        .sort()
        .map((channel) => expect.objectContaining({ channel, status: 'sent', attempts: 1, last_error: null })),
    );
  });

  it('retries a webhook that answers 500 after 1, 2, 4 and 8 minutes, then records it as failed for admins', async () => {
    const clock = t.app.get(Clock);
    const flush = () => t.app.get(DeliveryService).flush();
    const target = `target = '${failing.url}'`;
    // 区委编办's three reminders were tried once in the cycle above.
    expect(failing.got.map((h) => h.body.data)).toEqual([
      { kind: 'reminder', stage: 'due-soon', metric: 'T009-1', period: '2020-Q3', dueDate: '2020-10-14' },
      { kind: 'reminder', stage: 'due-soon', metric: 'T050-1', period: '2020-09', dueDate: '2020-10-14' },
      { kind: 'reminder', stage: 'due-soon', metric: 'T050-2', period: '2020-09', dueDate: '2020-10-14' },
    ]);
    const pending = (attempts: number, next: Date) =>
      [1, 2, 3].map(() => ({
        channel: 'webhook',
        status: 'pending',
        attempts,
        last_error: 'HTTP 500',
        next_attempt_at: next.toISOString(),
      }));
    expect(await deliveries(target)).toEqual(pending(1, at(MINUTE)));
    // Attempt n+1 is due 2^(n-1) minutes after attempt n: at T0+1, +3, +7 and +15 minutes.
    const schedule = [1, 3, 7, 15].map((m) => m * MINUTE);
    for (const [i, due] of schedule.entries()) {
      clock.setNow(at(due - 1000));
      expect(await flush()).toEqual({ sent: 0, failed: 0 });
      expect(failing.got).toHaveLength(3 * (i + 1));
      clock.setNow(at(due));
      const attempts = i + 2;
      if (attempts < 5) {
        expect(await flush()).toEqual({ sent: 0, failed: 0 });
        expect(await deliveries(target)).toEqual(pending(attempts, at(due + 2 ** (attempts - 1) * MINUTE)));
      } else {
        expect(await flush()).toEqual({ sent: 0, failed: 3 });
        expect(await deliveries(target)).toEqual(
          pending(5, at(due + 16 * MINUTE)).map((d) => ({ ...d, status: 'failed' })),
        );
      }
      expect(failing.got).toHaveLength(3 * (i + 2));
    }
    // Failed is final: no sixth attempt, however late.
    clock.setNow(at(2 * 60 * MINUTE));
    expect(await flush()).toEqual({ sent: 0, failed: 0 });
    expect(failing.got).toHaveLength(15);

    const failed = (await as(t.app, admin).get('/api/deliveries/failed').expect(200)).body;
    expect(failed).toHaveLength(3);
    for (const d of failed)
      expect(d).toMatchObject({
        channel: 'webhook',
        target: failing.url,
        status: 'failed',
        attempts: 5,
        lastError: 'HTTP 500',
      });
    expect(failed.map((d: { payload: string }) => JSON.parse(d.payload).data.metric).sort()).toEqual([
      'T009-1',
      'T050-1',
      'T050-2',
    ]);
    expectError(await as(t.app, leader).get('/api/deliveries/failed'), 403, 'FORBIDDEN');
    expectError(await as(t.app, zwfwb).get('/api/deliveries/failed'), 403, 'FORBIDDEN');
    expect((await http(t.app).get('/api/deliveries/failed')).status).toBe(401);
  });

  it('a failing channel never blocks evaluation nor the loop: with the mail server gone, figures still turn red and notices still go out', async () => {
    await new Promise((r) => smtp.close(r));
    const clock = t.app.get(Clock);
    clock.setToday('2020-10-15');
    clock.setNow(at(3 * 60 * MINUTE));
    const hooks = ok.got.length;
    const evaluation = await t.app.get(EvaluationService).runCycle();
    expect(evaluation.error).toBeNull();
    expect(evaluation.changed).toBeGreaterThan(0);
    const run = await t.app.get(SupervisionService).runCycle();
    expect(run.reminders).toBeGreaterThan(0);
    expect(run.issued).toBeGreaterThan(0);
    const history = (
      await as(t.app, zwfwb)
        .get(`/api/metrics/${metrics.get('T007-1')!.id}/evaluations?departmentId=1`)
        .expect(200)
    ).body;
    expect(
      history.find(
        (e: { period: string; supersededAt: string | null }) => e.period === '2020-09' && e.supersededAt === null,
      ),
    ).toMatchObject({ status: 'red', basis: 'overdue' });
    // Every new email is waiting for a retry with the connection error…
    const emails = await deliveries(`channel = 'email' AND status = 'pending'`);
    expect(emails.length).toBeGreaterThan(0);
    for (const e of emails)
      expect(e).toMatchObject({
        attempts: 1,
        last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
        next_attempt_at: at(3 * 60 * MINUTE + MINUTE).toISOString(),
      });
    // …while the webhook of the same messages went out: the T007-1 notice, 挂牌督办 because the figures are overdue.
    const notice = ok.got.slice(hooks).find((h) => h.body.data.kind === 'notice' && h.body.data.metric === 'T007-1');
    expect(notice?.body.data).toEqual({
      kind: 'notice',
      notice: expect.any(Number),
      level: 'listed',
      metric: 'T007-1',
      period: '2020-09',
      replyDue: '2020-10-22',
    });
    expect(notice?.body.titleZh).toBe(`挂牌督办：${metrics.get('T007-1')!.name} 2020-09`);
    expect(ok.got.length - hooks).toBe(emails.length);
  });
});
