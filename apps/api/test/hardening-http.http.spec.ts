import { as, expectError, http, metricIdOf, SIGN_IN_FIRST, signIn, signInDemo } from './support';
import { useTestApp, useWebBuild } from './test-app';
import { PNG_1X1 } from './files';

/**
 * What a probe of every route found at the HTTP layer (#15, items 1, 2 and 11): cookies cookie-parser reads as JSON,
 * bodies that are not JSON objects or nest without end, oversized bodies, caches, and ids written the way Number() reads.
 * The app serves a web build here, as in production: its static serving is what turned body errors into 404.
 */
describe('HTTP hardening', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01', WEB_DIST: useWebBuild() } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let evidenceId = 0;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    const metricId = await metricIdOf(t.app, tokens.sfj, 'T051-1');
    const submitted = await as(t.app, tokens.sfj)
      .post('/api/submissions')
      .send({ metricId, departmentId: tokens.departmentOf.sfj, period: '2020-12', value: 99, reason: '加固测试' })
      .expect(201);
    evidenceId = (
      await as(t.app, tokens.sfj)
        .post(`/api/submissions/${submitted.body.submission.id}/evidence`)
        .attach('file', PNG_1X1, 'a.png')
        .expect(201)
    ).body.id;
  });

  const postJson = (route: string, text: string, token?: string) =>
    as(t.app, token).post(route).set('Content-Type', 'application/json').send(text);

  describe('a session cookie cookie-parser read as JSON (j:…)', () => {
    const cookies = ['j:{"a":1}', 'j:123', 'j:[1]', 'j:null', 'j:{"__proto__":{"x":1}}'];

    it.each(cookies)(
      'counts %s as no session: health answers, sign-in works, a protected route asks to sign in',
      async (cookie) => {
        const withCookie = <T extends { set(name: string, value: string): T }>(req: T) =>
          req.set('Cookie', `tz_session=${cookie}`);
        expect((await withCookie(http(t.app).get('/api/health')).expect(200)).body.status).toBe('ok');
        const login = await withCookie(http(t.app).post('/api/auth/login')).send({
          username: 'leader',
          password: 'taizhang-leader',
        });
        expect(login.status).toBe(200);
        expect(login.body.user.username).toBe('leader');
        expectError(await withCookie(http(t.app).get('/api/auth/me')), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
        expectError(
          await withCookie(http(t.app).post('/api/submissions')).send({}),
          401,
          'UNAUTHORIZED',
          ...SIGN_IN_FIRST,
        );
        // The bearer token still decides when both come.
        expect((await withCookie(as(t.app, tokens.admin).get('/api/auth/me')).expect(200)).body.username).toBe('admin');
      },
    );
  });

  describe('request bodies', () => {
    const DEEP = 2000;
    const deepArray = '['.repeat(DEEP) + ']'.repeat(DEEP);
    const deepObject = '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP);
    const deepField = `{"username":${deepArray},"password":"x"}`;
    const routes = ['/api/auth/login', '/api/submissions', '/api/plans/import/confirm'];

    it.each(routes)('refuses a body nested 2,000 levels deep on %s with 400, without signing in', async (route) => {
      for (const body of [deepObject, deepField, `{"cases":[${'{"a":['.repeat(DEEP / 2)}${']}'.repeat(DEEP / 2)}]}`]) {
        expectError(
          await postJson(route, body),
          400,
          'INVALID_INPUT',
          '请求内容嵌套超过 32 层，已拒绝',
          'The request body nests deeper than 32 levels; refused',
        );
      }
      // At the top, an array is refused for what it is before its depth is looked at.
      expectError(await postJson(route, deepArray), 400, 'INVALID_INPUT', '请求内容应为 JSON 对象（以 { 开头）');
    });

    it('draws the line at 32 levels: a body as deep goes on to validation, one level more is refused', async () => {
      const nested = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
      expectError(
        await postJson('/api/auth/login', nested(32)),
        400,
        'INVALID_INPUT',
        /不接受字段 a/,
        /property a should not exist/,
      );
      expectError(
        await postJson('/api/auth/login', nested(33)),
        400,
        'INVALID_INPUT',
        /嵌套超过 32 层/,
        /deeper than 32 levels/,
      );
      expectError(
        await postJson('/api/submissions', nested(33), tokens.sfj),
        400,
        'INVALID_INPUT',
        /嵌套超过 32 层/,
        /deeper than 32 levels/,
      );
    });

    it.each([
      ['truncated', '{"username":"admin",'],
      ['a NaN literal', '{"username":"admin","password":NaN}'],
      ['an Infinity literal', '{"value":Infinity}'],
      ['a single quote', "{'username':'admin'}"],
    ])('answers 400 in both languages to JSON that does not parse (%s)', async (_label, body) => {
      for (const route of routes) {
        expectError(
          await postJson(route, body),
          400,
          'INVALID_INPUT',
          /^请求内容不是有效的 JSON/,
          /^The request body is not valid JSON/,
        );
      }
    });

    it.each([
      ['a string', '"admin"'],
      ['a number', '42'],
      ['null', 'null'],
      ['true', 'true'],
      ['an array', '[{"username":"admin"}]'],
    ])('answers 400 in both languages when the JSON is not an object (%s)', async (_label, body) => {
      for (const route of routes) {
        expectError(
          await postJson(route, body),
          400,
          'INVALID_INPUT',
          '请求内容应为 JSON 对象（以 { 开头）',
          'The request body must be a JSON object (starting with {)',
        );
      }
    });

    it.each([
      ['a NUL in a value', '{"username":"ad\\u0000min","password":"x"}'],
      ['a lone high surrogate', '{"username":"\\ud800","password":"x"}'],
      ['a lone low surrogate in a key', '{"\\udc00":"x"}'],
    ])('refuses text PostgreSQL cannot store (%s) with 400, on every database alike', async (_label, body) => {
      expectError(await postJson('/api/auth/login', body), 400, 'INVALID_INPUT', /无法保存的字符/, /cannot be stored/);
      expectError(
        await postJson('/api/submissions', body, tokens.sfj),
        400,
        'INVALID_INPUT',
        /无法保存的字符/,
        /cannot be stored/,
      );
    });

    it('still takes a character outside the basic plane written as a surrogate pair', async () => {
      expectError(
        await postJson('/api/auth/login', '{"username":"\\ud83d\\ude00","password":"wrong-password"}'),
        401,
        'UNAUTHORIZED',
      );
    });

    it('answers 413 in both languages to a body over 5 MB, signed in or not', async () => {
      const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(6 * 1024 * 1024) });
      for (const [route, token] of [
        ['/api/auth/login', undefined],
        ['/api/plans/import/confirm', undefined],
        ['/api/plans/import/confirm', tokens.admin],
      ] as const) {
        expectError(
          await postJson(route, big, token),
          413,
          'PAYLOAD_TOO_LARGE',
          '请求内容超过 5 MB 上限，请分批提交',
          'The request body exceeds the 5 MB limit; send it in smaller parts',
        );
      }
    });

    it('does not read bodies other than JSON (a form is an empty body to the validation)', async () => {
      const form = await http(t.app)
        .post('/api/auth/login')
        .type('form')
        .send('username=admin&password=taizhang-admin');
      expectError(form, 400, 'INVALID_INPUT');
      expect(form.body.accessToken).toBeUndefined();
    });
  });

  describe('caches', () => {
    it('tells caches to keep no copy of sign-ins, the caller, the users and evidence files', async () => {
      const login = await http(t.app)
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'taizhang-admin' })
        .expect(200);
      const failed = await http(t.app)
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'wrong-password' })
        .expect(401);
      const me = await as(t.app, tokens.admin).get('/api/auth/me').expect(200);
      const users = await as(t.app, tokens.admin).get('/api/users').expect(200);
      const sfj = (users.body as Array<{ id: number; username: string }>).find((u) => u.username === 'sfj')!;
      const patched = await as(t.app, tokens.admin).patch(`/api/users/${sfj.id}`).send({ disabled: false }).expect(200);
      const evidence = await as(t.app, tokens.sfj).get(`/api/evidence/${evidenceId}`).expect(200);
      expect(evidence.headers['content-type']).toBe('image/png');
      for (const res of [login, failed, me, users, patched, evidence])
        expect(`${res.req.path} ${res.headers['cache-control']}`).toBe(`${res.req.path} no-store`);
    });
  });

  describe('ids in the path', () => {
    it.each(['0x1', '%201', '1e0', '+1', '%20%201', '1%20', '01', '1.0', '0', '-1', '%EF%BC%91'])(
      'does not read %s as an id: 400 in both languages',
      async (id) => {
        expect(evidenceId).toBe(1);
        expectError(
          await as(t.app, tokens.sfj).get(`/api/evidence/${id}`),
          400,
          'INVALID_INPUT',
          '材料编号应为正整数',
          'evidence id must be a positive whole number',
        );
      },
    );

    it("reads a plain decimal id, and refuses one beyond the database's integers instead of failing on it", async () => {
      await as(t.app, tokens.sfj).get(`/api/evidence/${evidenceId}`).expect(200);
      expectError(await as(t.app, tokens.sfj).get('/api/evidence/2147483647'), 404, 'NOT_FOUND');
      expectError(
        await as(t.app, tokens.sfj).get('/api/evidence/2147483648'),
        400,
        'INVALID_INPUT',
        '材料编号超出范围（最大 2147483647）',
        'evidence id is out of range (at most 2147483647)',
      );
      expectError(
        await as(t.app, tokens.admin).get('/api/metrics/99999999999999999999999'),
        400,
        'INVALID_INPUT',
        /^指标编号超出范围/,
        /^metric id is out of range/,
      );
      expectError(
        await as(t.app, tokens.admin).get('/api/calendar/years/0x7e3'),
        400,
        'INVALID_INPUT',
        '年份应为正整数',
        'year must be a positive whole number',
      );
    });
  });

  describe('ids and whole numbers in the query string', () => {
    it.each(['0x1', '%201', '1e0', '+1', '01', '1.0', '0', '-1', '', '%EF%BC%91'])(
      'does not read planId=%s as plan 1: 400 in both languages',
      async (id) => {
        expectError(
          await as(t.app, tokens.sfj).get(`/api/queue?planId=${id}`),
          400,
          'INVALID_INPUT',
          '计划编号 planId 应为正整数',
          'planId must be a positive whole number',
        );
      },
    );

    it("reads plain decimals, and refuses an id beyond the database's integers instead of failing on it", async () => {
      await as(t.app, tokens.sfj).get('/api/queue?planId=1&pageSize=5&page=1').expect(200);
      await as(t.app, tokens.leader).get(`/api/metrics?planId=1&departmentId=${tokens.departmentOf.sfj}`).expect(200);
      expectError(
        await as(t.app, tokens.leader).get('/api/metrics?planId=2147483648'),
        400,
        'INVALID_INPUT',
        '计划编号 planId 超出范围（最大 2147483647）',
        'planId is out of range (at most 2147483647)',
      );
      expectError(
        await as(t.app, tokens.leader).get('/api/metrics?planId=1&departmentId=0x2'),
        400,
        'INVALID_INPUT',
        '单位编号 departmentId 应为正整数',
        'departmentId must be a positive whole number',
      );
      expectError(
        await as(t.app, tokens.sfj).get('/api/queue?planId=1&pageSize=1e1'),
        400,
        'INVALID_INPUT',
        /^每页条数 pageSize 应为 1 至 \d+ 的整数$/,
        /^pageSize must be a whole number from 1 to \d+$/,
      );
      expectError(
        await as(t.app, tokens.admin).get('/api/audit?limit=0x10'),
        400,
        'INVALID_INPUT',
        'limit 应为 1 至 1000 的整数',
        'limit must be a whole number from 1 to 1000',
      );
    });
  });

  it('still answers the web app for paths outside /api', async () => {
    const page = await http(t.app).get('/dashboard').expect(200);
    expect(page.text).toContain('台账');
  });

  it('signs in as before', async () => {
    expect(await signIn(t.app, 'zfb', 'taizhang-dept')).toMatch(/\S{20,}/);
  });
});
