import type { RevisionResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import {
  as,
  auditRowsAdded,
  auditTrail,
  countRows,
  createUser,
  expectError,
  http,
  metricIdOf,
  ROLE_REFUSED,
  SIGN_IN_FIRST,
  signIn,
  signInAdmin,
  signInDemo,
  writeCounts,
} from './support';
import { TEST_ADMIN_PASSWORD, useTestApp } from './test-app';

const TODAY = '2021-02-01';
const MINUTE = 60_000;
/** The policy (README, login-throttle.ts): 5 failures per address in 15 minutes; 10 per username in 5. */
const LOGIN_THROTTLE = { addressLimit: 5 } as const;
/** Failed sign-ins itemised in the trail per hour; the rest are counted. */
const FAILED_SIGN_IN_ROWS_PER_HOUR = 100;
const DAY_COUNT_ACTION = 'anonymous requests (count of the day)';
/** "HH:MM" Beijing time of an instant, as the 429 messages give it. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(11, 16);

/**
 * Hardening (#15), items 4, 6, 7 and 9: who may return figures, sessions ended by an admin's change of access, the
 * sign-in throttle's policy (per address and per username, counted before the password check), and anonymous
 * requests counted instead of filling the append-only trail. TRUST_PROXY=1, so that X-Forwarded-For sets the client address.
 */
describe('hardening: returns, sessions, sign-in throttle, anonymous audit', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, TRUST_PROXY: '1' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let clock: Clock;
  const login = (username: string, password: string, address: string) =>
    http(t.app).post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
  const trail = () => auditTrail(t.app, tokens.admin);
  /** Runs `act` and returns the audit rows it added, oldest first. */
  const added = (act: () => Promise<unknown>) => auditRowsAdded(t.app, tokens.admin, act);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    clock = t.app.get(Clock);
  });
  afterEach(() => {
    clock.setNow(null);
    clock.setToday(TODAY);
  });

  describe('item 4: returning figures is a leader’s act', () => {
    /** The latest revision of a metric's figures from a department (the last one stored). */
    const latestSubmission = async (code: string, username: 'sfj' | 'zfb' | 'zwfwb') => {
      const metricId = await metricIdOf(t.app, tokens.leader, code);
      const [row] = await t.app
        .get(DataSource)
        .createQueryBuilder()
        .select('s.id', 'id')
        .from('submissions', 's')
        .where('s.metric_id = :metricId AND s.department_id = :departmentId', {
          metricId,
          departmentId: tokens.departmentOf[username],
        })
        .orderBy('s.id', 'DESC')
        .limit(1)
        .getRawMany();
      return { metricId, id: Number(row.id) };
    };
    /** The comments the submission was returned with, as its department's revisions show them. */
    const returns = async (username: 'sfj' | 'zfb' | 'zwfwb', s: { metricId: number; id: number }) => {
      const revisions: RevisionResponse[] = (
        await as(t.app, tokens[username]).get(`/api/submissions?metricId=${s.metricId}`).expect(200)
      ).body;
      return revisions.find((r) => r.id === s.id)!.returns.map((r) => r.comment);
    };

    it('refuses a department returning its own figures or another department’s on a metric it leads (403, bilingual), and writes nothing', async () => {
      // 区司法局 alone leads T051-1; 区政务服务办 leads T015-1, which 区司法局 reports too.
      const own = await latestSubmission('T051-1', 'sfj');
      const shared = await latestSubmission('T015-1', 'sfj');
      const before = await writeCounts(t.app);
      expectError(
        await as(t.app, tokens.sfj).post(`/api/submissions/${own.id}/return`).send({ comment: '自己退回' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );
      expectError(
        await as(t.app, tokens.zwfwb).post(`/api/submissions/${shared.id}/return`).send({ comment: '牵头单位退回' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );
      expectError(
        await as(t.app, tokens.admin).post(`/api/submissions/${own.id}/return`).send({ comment: '管理员退回' }),
        403,
        'FORBIDDEN',
        ...ROLE_REFUSED,
      );
      expect(await writeCounts(t.app)).toEqual(before);
      expect([await returns('sfj', own), await returns('sfj', shared)]).toEqual([[], []]);

      // The leader may.
      await as(t.app, tokens.leader)
        .post(`/api/submissions/${shared.id}/return`)
        .send({ comment: '请补充说明' })
        .expect(201, { returned: true });
      expect(await returns('sfj', shared)).toEqual(['请补充说明']);
    });
  });

  describe('item 6: an admin’s change of access ends the user’s sessions', () => {
    const userId = async (username: string) =>
      (
        (await as(t.app, tokens.admin).get('/api/users').expect(200)).body as Array<{ id: number; username: string }>
      ).find((u) => u.username === username)!.id;
    const alive = async (token: string) => (await as(t.app, token).get('/api/auth/me')).status;

    it('ends both sessions of a user whose password an admin resets; the new password signs in, the admin stays signed in', async () => {
      const first = await createUser(t.app, tokens.admin, 'reset-me', 'leader');
      const second = await signIn(t.app, 'reset-me', 'reset-me-password');
      expect([await alive(first), await alive(second)]).toEqual([200, 200]);
      const id = await userId('reset-me');
      const [row] = await added(() =>
        as(t.app, tokens.admin).patch(`/api/users/${id}`).send({ password: 'New-Password-1' }).expect(200),
      );
      for (const session of [first, second])
        expectError(await as(t.app, session).get('/api/auth/me'), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
      expect(JSON.parse(row.after!)).toMatchObject({ passwordChanged: true, sessionsEnded: true });
      expectError(
        await http(t.app).post('/api/auth/login').send({ username: 'reset-me', password: 'reset-me-password' }),
        401,
        'UNAUTHORIZED',
      );
      expect(await alive(await signIn(t.app, 'reset-me', 'New-Password-1'))).toBe(200);
      expect(await alive(tokens.admin)).toBe(200);
    });

    it('ends the sessions on a new role, a new department or deactivation; a change that changes nothing keeps them', async () => {
      const leader = await createUser(t.app, tokens.admin, 'role-change', 'leader');
      const clerk = await createUser(t.app, tokens.admin, 'dept-change', 'department', tokens.departmentOf.sfj);
      const leaving = await createUser(t.app, tokens.admin, 'leaving', 'leader');
      const admin = as(t.app, tokens.admin);
      const change = async (username: string, body: object) =>
        admin
          .patch(`/api/users/${await userId(username)}`)
          .send(body)
          .expect(200);

      await change('role-change', { role: 'leader' });
      await change('dept-change', { departmentId: tokens.departmentOf.sfj });
      await change('leaving', { disabled: false });
      expect([await alive(leader), await alive(clerk), await alive(leaving)]).toEqual([200, 200, 200]);

      await change('role-change', { role: 'department', departmentId: tokens.departmentOf.zfb });
      await change('dept-change', { departmentId: tokens.departmentOf.zfb });
      await change('leaving', { disabled: true });
      expect([await alive(leader), await alive(clerk), await alive(leaving)]).toEqual([401, 401, 401]);
      // Enabled again, the old sessions stay ended.
      await change('leaving', { disabled: false });
      expect(await alive(leaving)).toBe(401);
      expect(await countRows(t.app, 'sessions', `WHERE user_id = ${await userId('leaving')}`)).toBe(0);
    });
  });

  describe('item 7: the sign-in throttle', () => {
    it('lets at most the address limit of 40 parallel wrong attempts check a password; the rest get 429', async () => {
      clock.setNow(new Date());
      const statuses = (
        await Promise.all(Array.from({ length: 40 }, (_, i) => login('ghost-parallel', `wrong-${i}`, '203.0.113.40')))
      ).map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_THROTTLE.addressLimit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40 - LOGIN_THROTTLE.addressLimit);
    });

    it('does not let a successful sign-in reset the address’s count of other usernames’ failures', async () => {
      const now = Date.now();
      clock.setNow(new Date(now));
      const address = '203.0.113.1';
      for (let i = 0; i < 4; i++)
        expectError(
          await login('ghost-a', `wrong-${i}`, address),
          401,
          'UNAUTHORIZED',
          '用户名或密码错误',
          'Wrong username or password',
        );
      // A valid account signs in from the same address: its success forgives only its own failures (none).
      await login('sfj', 'taizhang-dept', address).expect(200);
      expectError(await login('ghost-b', 'wrong', address), 401, 'UNAUTHORIZED');
      expectError(
        await login('sfj', 'taizhang-dept', address),
        429,
        'TOO_MANY_ATTEMPTS',
        `此网络地址登录失败次数过多，请 15 分钟后（北京时间 ${beijing(now + 15 * MINUTE)} 后）再试`,
        `Too many failed sign-ins from this address; try again in 15 minutes (after ${beijing(now + 15 * MINUTE)} Beijing time)`,
      );
    });

    it('forgives a user’s own failures from an address once they sign in there', async () => {
      clock.setNow(new Date());
      const address = '203.0.113.2';
      for (let i = 0; i < 4; i++) expectError(await login('zfb', `typo-${i}`, address), 401, 'UNAUTHORIZED');
      await login('zfb', 'taizhang-dept', address).expect(200);
      // The four typos are forgiven: five more failures fit before the address is blocked.
      for (let i = 0; i < LOGIN_THROTTLE.addressLimit; i++)
        expectError(await login('ghost-c', `wrong-${i}`, address), 401, 'UNAUTHORIZED');
      expectError(await login('ghost-c', 'wrong', address), 429, 'TOO_MANY_ATTEMPTS');
    });

    it('locks a username attacked from several addresses for 5 minutes only, while the attacking addresses stay blocked for 15', async () => {
      const start = Date.now();
      clock.setNow(new Date(start));
      // Five wrong passwords for 区政务服务办’s account from each of two addresses: ten, the username's limit.
      for (const address of ['198.51.100.1', '198.51.100.2']) {
        for (let i = 0; i < 5; i++)
          expectError(await login('zwfwb', `guess-${address}-${i}`, address), 401, 'UNAUTHORIZED');
      }
      // Its owner, from the office's address, is locked out — for the username's shorter window.
      expectError(
        await login('zwfwb', 'taizhang-dept', '192.0.2.10'),
        429,
        'TOO_MANY_ATTEMPTS',
        `该用户名登录失败次数过多，已暂时锁定，请 5 分钟后（北京时间 ${beijing(start + 5 * MINUTE)} 后）再试`,
        `Too many failed sign-ins for this username; it is locked for now — try again in 5 minutes (after ${beijing(start + 5 * MINUTE)} Beijing time)`,
      );
      // Another user at the office is not.
      await login('sfj', 'taizhang-dept', '192.0.2.10').expect(200);

      clock.setNow(new Date(start + 5 * MINUTE + 1000));
      await login('zwfwb', 'taizhang-dept', '192.0.2.10').expect(200);
      // The attacking address is still blocked, for any username, until its own window passes.
      expectError(
        await login('sfj', 'taizhang-dept', '198.51.100.1'),
        429,
        'TOO_MANY_ATTEMPTS',
        /^此网络地址登录失败次数过多，请 10 分钟后/,
        /^Too many failed sign-ins from this address; try again in 10 minutes/,
      );
      clock.setNow(new Date(start + 15 * MINUTE + 1000));
      await login('sfj', 'taizhang-dept', '198.51.100.1').expect(200);
    });
  });

  describe('item 9: anonymous requests are counted, not written to the trail one by one', () => {
    it('adds no audit row for 20 anonymous requests, and writes the day’s counts as one row when the next day’s first comes', async () => {
      const before = await countRows(t.app, 'audit_log');
      for (let i = 0; i < 20; i++)
        expectError(await http(t.app).get('/api/notifications'), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
      expectError(await http(t.app).post('/api/notices').send({}), 401, 'UNAUTHORIZED');
      expect(await countRows(t.app, 'audit_log')).toBe(before);

      clock.setToday('2021-02-02');
      const rows = await added(() => http(t.app).get('/api/notifications').expect(401));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'denied', action: DAY_COUNT_ACTION, username: null, entityId: TODAY });
      const count = JSON.parse(rows[0].after!) as { day: string; counts: Record<string, number>; total: number };
      expect(count.counts).toMatchObject({ 'GET /api/notifications 401': 20, 'POST /api/notices 401': 1 });
      expect(count.total).toBe(Object.values(count.counts).reduce((a, b) => a + b, 0));
    });

    it('still records each failed sign-in with the username and address, counts throttled ones, and itemises at most the hourly budget', async () => {
      clock.setNow(new Date(Date.now() + 3 * 3600_000));
      const address = '203.0.113.9';
      const rows = await added(async () => {
        for (let i = 0; i < LOGIN_THROTTLE.addressLimit; i++) await login('leader', `wrong-${i}`, address).expect(401);
        await login('leader', 'taizhang-leader', address).expect(429);
      });
      // (A day's counts may be written on the way: the day moved back after the test before.)
      expect(
        rows
          .filter((r) => r.action !== DAY_COUNT_ACTION)
          .map((r) => [r.kind, r.action, r.statusCode, JSON.parse(r.after!)]),
      ).toEqual(
        Array.from({ length: LOGIN_THROTTLE.addressLimit }, () => [
          'denied',
          'POST /auth/login',
          401,
          { username: 'leader', address },
        ]),
      );

      // A spray from many addresses: rows up to the hour's budget, the rest counted.
      const addresses = 21;
      const sprayed = await added(async () => {
        for (let a = 0; a < addresses; a++) {
          for (let i = 0; i < LOGIN_THROTTLE.addressLimit; i++)
            await login(`spray-${a}-${i}`, 'wrong', `10.9.${a}.1`).expect(401);
        }
      });
      const itemised = FAILED_SIGN_IN_ROWS_PER_HOUR - LOGIN_THROTTLE.addressLimit;
      expect(sprayed).toHaveLength(itemised);
      clock.setToday('2021-02-03');
      const [count] = await added(() => http(t.app).get('/api/notifications').expect(401));
      expect(count.entityId).toBe(TODAY);
      expect(JSON.parse(count.after!).counts).toMatchObject({
        'POST /auth/login 429': 1,
        [`POST /auth/login (beyond ${FAILED_SIGN_IN_ROWS_PER_HOUR} rows an hour) 401`]:
          addresses * LOGIN_THROTTLE.addressLimit - itemised,
      });
    });

    it('writes the running day’s counts when the server stops', async () => {
      await http(t.app).get('/api/plans/1').expect(401);
      await t.restart();
      clock = t.app.get(Clock);
      tokens = { ...tokens, admin: await signIn(t.app, 'admin', 'taizhang-admin') };
      const [last] = (await trail()).filter((r) => r.action === DAY_COUNT_ACTION);
      expect(JSON.parse(last.after!).counts).toMatchObject({ 'GET /api/plans/:id 401': 1 });
    });
  });
});

describe('hardening: ADMIN_PASSWORD at start', () => {
  const t = useTestApp({ demo: false });

  it('keeps the admin’s sessions when the start sets the same password, and ends them when it sets a new one', async () => {
    const token = await signInAdmin(t.app);
    await t.restart();
    await as(t.app, token).get('/api/auth/me').expect(200);
    await t.restart({ demo: false, env: { ADMIN_PASSWORD: `${TEST_ADMIN_PASSWORD}-rotated` } });
    expectError(await as(t.app, token).get('/api/auth/me'), 401, 'UNAUTHORIZED');
    await as(t.app, await signIn(t.app, 'admin', `${TEST_ADMIN_PASSWORD}-rotated`))
      .get('/api/auth/me')
      .expect(200);
  });
});
