import type { AuditEntryResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import { PNG_1X1 } from './files';
import {
  as,
  auditRowsAdded,
  countRows,
  expectError,
  http,
  metricIdOf,
  ROLE_REFUSED,
  SIGN_IN_FIRST,
  signIn,
  signInDemo,
} from './support';
import { useTestApp } from './test-app';

/** The audit trail, and the sign-in rules around it: who did what and when, never a secret, never rewritten. */
describe('audit trail and sign-in', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  /** Runs `act` and returns the audit rows it added, oldest first. */
  const added = (act: () => Promise<unknown>) => auditRowsAdded(t.app, tokens.admin, act);
  const recent = (row: AuditEntryResponse, since: number) =>
    expect(Date.parse(row.at)).toBeGreaterThanOrEqual(since - 1000);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('records each write with who, when and what: a submission, a return, evidence, a metric change and a new user', async () => {
    const since = Date.now();
    const sfj = tokens.departmentOf.sfj;
    const metricId = await metricIdOf(t.app, tokens.sfj, 'T051-1');
    let submissionId = 0;
    const [submitted] = await added(async () => {
      submissionId = (
        await as(t.app, tokens.sfj)
          .post('/api/submissions')
          .send({ metricId, departmentId: sfj, period: '2020-12', value: 99, reason: '审计测试' })
          .expect(201)
      ).body.submission.id;
    });
    expect(submitted).toMatchObject({
      kind: 'write',
      action: 'submit figures',
      username: 'sfj',
      userId: expect.any(Number),
      entity: 'submission',
      entityId: String(submissionId),
    });
    expect(JSON.parse(submitted.after!)).toMatchObject({
      metric: 'T051-1',
      period: '2020-12',
      figure: { type: 'value', value: 99 },
      reason: '审计测试',
    });
    expect(JSON.parse(submitted.before!)).toMatchObject({ revision: expect.any(Number) });
    recent(submitted, since);

    const [evidence] = await added(() =>
      as(t.app, tokens.sfj)
        .post(`/api/submissions/${submissionId}/evidence`)
        .attach('file', PNG_1X1, 'p.png')
        .expect(201),
    );
    expect(evidence).toMatchObject({ kind: 'write', action: 'attach evidence', username: 'sfj', entity: 'evidence' });
    expect(JSON.parse(evidence.after!)).toMatchObject({ submissionId, filename: 'p.png', size: PNG_1X1.length });

    const [returned] = await added(() =>
      as(t.app, tokens.leader).post(`/api/submissions/${submissionId}/return`).send({ comment: '请补充' }).expect(201),
    );
    expect(returned).toMatchObject({
      kind: 'write',
      action: 'return submission',
      username: 'leader',
      entity: 'submission',
      entityId: String(submissionId),
    });
    expect(JSON.parse(returned.after!)).toEqual({ state: 'returned', comment: '请补充' });

    const [patched] = await added(() =>
      as(t.app, tokens.admin).patch(`/api/metrics/${metricId}`).send({ tolerance: 3 }).expect(200),
    );
    expect(patched).toMatchObject({
      kind: 'write',
      action: 'update metric',
      username: 'admin',
      entity: 'metric',
      entityId: String(metricId),
    });
    expect([JSON.parse(patched.before!), JSON.parse(patched.after!)]).toEqual([{ tolerance: null }, { tolerance: 3 }]);

    const [created] = await added(() =>
      as(t.app, tokens.admin)
        .post('/api/users')
        .send({ username: 'clerk', password: 'Clerk-Secret-Pass-1', role: 'department', departmentId: sfj })
        .expect(201),
    );
    expect(created).toMatchObject({ kind: 'write', action: 'create user', username: 'admin', entity: 'user' });
    expect(JSON.parse(created.after!)).toMatchObject({ username: 'clerk', role: 'department', departmentId: sfj });
    for (const row of [submitted, evidence, returned, patched, created]) recent(row, since);
  });

  it('records each denial of a signed-in user with who, what and the status (anonymous ones are counted: hardening-auth.http.spec.ts)', async () => {
    const zfb = tokens.departmentOf.zfb;
    const rows = await added(async () => {
      await as(t.app).post('/api/submissions').send({}).expect(401);
      await as(t.app, tokens.leader).get('/api/audit').expect(403);
      // A department reaching into another department's queue: refused by the department scope, not the role.
      await as(t.app, tokens.sfj).get(`/api/queue?planId=1&departmentId=${zfb}`).expect(403);
    });
    expect(
      rows.map((r) => ({ kind: r.kind, username: r.username, action: r.action, statusCode: r.statusCode })),
    ).toEqual([
      { kind: 'denied', username: 'leader', action: 'GET /api/audit', statusCode: 403 },
      { kind: 'denied', username: 'sfj', action: 'GET /api/queue', statusCode: 403 },
    ]);
  });

  it('never stores a password or a token: not on user creation, password change, sign-in or a failed sign-in', async () => {
    const secrets = ['Another-Secret-Pw-2', 'Changed-Secret-Pw-3', 'Wrong-Guess-Pw-4'];
    let login = { accessToken: '', csrfToken: '' };
    const rows = await added(async () => {
      const user = (
        await as(t.app, tokens.admin)
          .post('/api/users')
          .send({ username: 'clerk2', password: secrets[0], role: 'leader' })
          .expect(201)
      ).body;
      await as(t.app, tokens.admin).patch(`/api/users/${user.id}`).send({ password: secrets[1] }).expect(200);
      login = (await http(t.app).post('/api/auth/login').send({ username: 'clerk2', password: secrets[1] }).expect(200))
        .body;
      await http(t.app).post('/api/auth/login').send({ username: 'clerk2', password: secrets[2] }).expect(401);
    });
    expect(rows.map((r) => [r.kind, r.action])).toEqual([
      ['write', 'create user'],
      ['write', 'update user'],
      ['login', 'POST /auth/login'],
      ['denied', 'POST /auth/login'],
    ]);
    expect(JSON.parse(rows[1].after!)).toMatchObject({ passwordChanged: true });
    const stored = JSON.stringify(await t.app.get(DataSource).query('SELECT * FROM audit_log'));
    for (const secret of [...secrets, login.accessToken, login.csrfToken]) expect(stored).not.toContain(secret);
    // Nor does the users table hold a password in clear.
    expect(JSON.stringify(await t.app.get(DataSource).query('SELECT * FROM users'))).not.toContain(secrets[1]);
  });

  it('is append-only in the database itself: UPDATE and DELETE on audit_log fail and change nothing', async () => {
    const ds = t.app.get(DataSource);
    const before = await countRows(t.app, 'audit_log');
    const first = JSON.stringify(await ds.query('SELECT * FROM audit_log ORDER BY id LIMIT 1'));
    await expect(ds.query("UPDATE audit_log SET action = 'rewritten'")).rejects.toThrow(/audit_log is append-only/);
    await expect(ds.query('DELETE FROM audit_log')).rejects.toThrow(/audit_log is append-only/);
    await expect(ds.query('DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)')).rejects.toThrow(
      /audit_log is append-only/,
    );
    expect(await countRows(t.app, 'audit_log')).toBe(before);
    expect(JSON.stringify(await ds.query('SELECT * FROM audit_log ORDER BY id LIMIT 1'))).toBe(first);
  });

  it('lists the trail to admins only (newest first, paged) and exports it as CSV with a BOM, formulas defused', async () => {
    for (const token of [tokens.leader, tokens.sfj]) {
      expectError(await as(t.app, token).get('/api/audit'), 403, 'FORBIDDEN', ...ROLE_REFUSED);
      expectError(await as(t.app, token).get('/api/audit/export'), 403, 'FORBIDDEN');
    }
    expectError(await as(t.app).get('/api/audit/export'), 401, 'UNAUTHORIZED');
    const page: AuditEntryResponse[] = (await as(t.app, tokens.admin).get('/api/audit?limit=3').expect(200)).body;
    expect(page).toHaveLength(3);
    expect(page.map((r) => r.id)).toEqual([...page.map((r) => r.id)].sort((a, b) => b - a));
    const next: AuditEntryResponse[] = (
      await as(t.app, tokens.admin).get(`/api/audit?limit=3&beforeId=${page[2].id}`).expect(200)
    ).body;
    expect(next[0].id).toBeLessThan(page[2].id);
    expectError(
      await as(t.app, tokens.admin).get('/api/audit?limit=0'),
      400,
      'INVALID_INPUT',
      'limit 应为 1 至 1000 的整数',
      'limit must be a whole number from 1 to 1000',
    );

    // A username Excel would read as a formula (-1+1) must come out as text.
    await as(t.app, tokens.admin)
      .post('/api/users')
      .send({ username: '-1-1', password: 'Formula-Pass-5', role: 'leader' })
      .expect(201);
    await as(t.app, await signIn(t.app, '-1-1', 'Formula-Pass-5'))
      .get('/api/audit')
      .expect(403);
    const csv = await as(t.app, tokens.admin)
      .get('/api/audit/export')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="taizhang-audit.csv"');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('id,at,atBeijing,userId,username,kind,action,entity,entityId,statusCode,before,after');
    expect(lines.length - 1).toBe(await countRows(t.app, 'audit_log'));
    expect(lines.some((l) => l.includes(",'-1-1,denied,GET /api/audit,"))).toBe(true);
    expect(lines.some((l) => /,-1-1,/.test(l))).toBe(false);
  });

  it('sets an httpOnly SameSite session cookie, and requires the CSRF token on writes made with it', async () => {
    const login = await http(t.app)
      .post('/api/auth/login')
      .send({ username: 'sfj', password: 'taizhang-dept' })
      .expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('tz_session='))!;
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    const session = cookie.split(';')[0];
    expect(session).toBe(`tz_session=${login.body.accessToken}`);
    // Reads with the cookie need no CSRF token.
    expect((await http(t.app).get('/api/auth/me').set('Cookie', session).expect(200)).body).toMatchObject({
      username: 'sfj',
      csrfToken: login.body.csrfToken,
    });

    const metricId = (
      (await http(t.app).get('/api/metrics?planId=1').set('Cookie', session).expect(200)).body as Array<{
        id: number;
        code: string;
      }>
    ).find((m) => m.code === 'T051-1')!.id;
    const body = { metricId, departmentId: tokens.departmentOf.sfj, period: '2020-11', value: 98, reason: 'CSRF 测试' };
    const before = await countRows(t.app, 'submissions');
    const csrfMessage = [
      '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
      'The request lacks a valid CSRF token; reload the page and try again',
    ] as const;
    expectError(
      await http(t.app).post('/api/submissions').set('Cookie', session).send(body),
      403,
      'FORBIDDEN',
      ...csrfMessage,
    );
    expectError(
      await http(t.app)
        .post('/api/submissions')
        .set('Cookie', session)
        .set('X-CSRF-Token', `${login.body.csrfToken}x`)
        .send(body),
      403,
      'FORBIDDEN',
      ...csrfMessage,
    );
    expect(await countRows(t.app, 'submissions')).toBe(before);
    await http(t.app)
      .post('/api/submissions')
      .set('Cookie', session)
      .set('X-CSRF-Token', login.body.csrfToken)
      .send(body)
      .expect(201);
    expect(await countRows(t.app, 'submissions')).toBe(before + 1);
  });

  it('ends the session on logout: the token is refused with 401 afterwards', async () => {
    const token = await signIn(t.app, 'zfb', 'taizhang-dept');
    await as(t.app, token).get('/api/auth/me').expect(200);
    const out = await as(t.app, token).post('/api/auth/logout').expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).some((c) => /^tz_session=;/.test(c))).toBe(true);
    expectError(await as(t.app, token).get('/api/auth/me'), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
    expectError(await as(t.app, token).post('/api/auth/logout'), 401, 'UNAUTHORIZED');
    // Other sessions of the same user stay valid.
    await as(t.app, tokens.zfb).get('/api/auth/me').expect(200);
  });

  // Last: the throttle counts failures per client address (and per username), and every test client shares one address.
  // clerk2's wrong password above is the address's first failure: other users' successful sign-ins since do not forgive it.
  it('answers the sign-in after the address’s 5th failure with 429 in both languages, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      expectError(
        await http(t.app)
          .post('/api/auth/login')
          .send({ username: 'sfj', password: `wrong-${i}` }),
        401,
        'UNAUTHORIZED',
        '用户名或密码错误',
        'Wrong username or password',
      );
    }
    const sessions = await countRows(t.app, 'sessions');
    expectError(
      await http(t.app).post('/api/auth/login').send({ username: 'sfj', password: 'taizhang-dept' }),
      429,
      'TOO_MANY_ATTEMPTS',
      /^此网络地址登录失败次数过多，请 1[45] 分钟后（北京时间 \d\d:\d\d 后）再试$/,
      /^Too many failed sign-ins from this address; try again in 1[45] minutes \(after \d\d:\d\d Beijing time\)$/,
    );
    expectError(
      await http(t.app).post('/api/auth/login').send({ username: 'SFJ', password: 'taizhang-dept' }),
      429,
      'TOO_MANY_ATTEMPTS',
    );
    expect(await countRows(t.app, 'sessions')).toBe(sessions);
    // Sessions already open are not affected.
    await as(t.app, tokens.sfj).get('/api/auth/me').expect(200);
  });
});
