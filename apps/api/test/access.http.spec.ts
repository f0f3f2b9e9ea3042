import type { INestApplication } from '@nestjs/common';
import type { AccessRule } from '../src/auth/access.decorator';
import type { Role } from '../src/auth/user.entity';
import { as, expectError, metricIdOf, ROLE_REFUSED, SIGN_IN_FIRST, signIn, signInDemo } from './support';
import { declaredRoutes } from './routes';
import { useTestApp } from './test-app';
import { PNG_1X1 } from './files';

interface RouteInfo {
  route: string;
  rule: AccessRule | undefined;
}

/** Every route the controllers declare, with its access rule. */
const routesWithRules = (app: INestApplication): RouteInfo[] =>
  declaredRoutes(app)
    .map(({ method, path, rule }) => ({ route: `${method} ${path}`, rule }))
    .sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));

/** What Express actually serves (Express 5 keeps its router on `router`), without the OpenAPI pages. */
function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as {
    router?: { stack: unknown[] };
    _router?: { stack: unknown[] };
  };
  const stack = (express.router ?? express._router)!.stack as Array<{
    route?: { path: string; methods: Record<string, boolean> };
  }>;
  return stack
    .filter((l) => l.route && !l.route.path.startsWith('/api/docs'))
    .flatMap((l) =>
      Object.keys(l.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${l.route!.path}`),
    )
    .sort();
}

type Caller = 'anonymous' | Role;
const CALLERS: Caller[] = ['anonymous', 'admin', 'leader', 'department'];
type Expected = [anonymous: number, admin: number, leader: number, department: number];

describe('access rules', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  const ids = { metric: 0, submission: 0, evidence: 0, user: 0 };

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    // 区司法局 (sfj) alone leads T051-1: its metric, its latest submission and a piece of evidence on it.
    ids.metric = await metricIdOf(t.app, tokens.sfj, 'T051-1');
    const submitted = await as(t.app, tokens.sfj)
      .post('/api/submissions')
      .send({
        metricId: ids.metric,
        departmentId: tokens.departmentOf.sfj,
        period: '2020-12',
        value: 99,
        reason: '访问规则测试',
      })
      .expect(201);
    ids.submission = submitted.body.submission.id;
    ids.evidence = (
      await as(t.app, tokens.sfj)
        .post(`/api/submissions/${ids.submission}/evidence`)
        .attach('file', PNG_1X1, 'a.png')
        .expect(201)
    ).body.id;
    ids.user = (
      (await as(t.app, tokens.admin).get('/api/users').expect(200)).body as Array<{ id: number; username: string }>
    ).find((u) => u.username === 'sfj')!.id;
  });

  it('declares an access rule on every route of the application, and the router serves exactly those routes', () => {
    const routes = routesWithRules(t.app);
    expect(routes.length).toBeGreaterThanOrEqual(34);
    expect(routes.filter((r) => !r.rule).map((r) => r.route)).toEqual([]);
    // A roles rule names at least one role (an empty list would lock everyone out silently).
    expect(routes.filter((r) => r.rule!.kind === 'roles' && r.rule!.roles.length === 0).map((r) => r.route)).toEqual(
      [],
    );
    // Nothing served escapes the list above (a route added outside a controller would).
    expect(servedRoutes(t.app)).toEqual(routes.map((r) => r.route));
  });

  // One request per route (bodies and queries chosen so that an allowed caller gets past the guard), and the status each caller gets.
  const matrix = (): Record<string, { path: string; body?: object; expected: Expected }> => ({
    'GET /api/health': { path: '/api/health', expected: [200, 200, 200, 200] },
    'POST /api/auth/login': { path: '/api/auth/login', body: {}, expected: [400, 400, 400, 400] },
    'POST /api/auth/logout': { path: '/api/auth/logout', expected: [401, 204, 204, 204] },
    'GET /api/auth/me': { path: '/api/auth/me', expected: [401, 200, 200, 200] },
    'GET /api/audit': { path: '/api/audit', expected: [401, 200, 403, 403] },
    'GET /api/audit/export': { path: '/api/audit/export', expected: [401, 200, 403, 403] },
    'GET /api/calendar/working-days/add': {
      path: '/api/calendar/working-days/add?start=2020-09-30&days=1',
      expected: [401, 200, 200, 200],
    },
    'GET /api/calendar/working-days/count': {
      path: '/api/calendar/working-days/count?start=2020-09-30&end=2020-10-12',
      expected: [401, 200, 200, 200],
    },
    'GET /api/calendar/years': { path: '/api/calendar/years', expected: [401, 200, 200, 200] },
    'PUT /api/calendar/years/:year': { path: '/api/calendar/years/2030', body: {}, expected: [401, 400, 403, 403] },
    'GET /api/calendar/status': { path: '/api/calendar/status', expected: [401, 200, 200, 200] },
    'GET /api/calendar/years/:year': { path: '/api/calendar/years/2027', expected: [401, 200, 200, 200] },
    'PUT /api/calendar/days/:date': { path: '/api/calendar/days/2030-01-02', body: {}, expected: [401, 400, 403, 403] },
    'POST /api/calendar/notices/preview': {
      path: '/api/calendar/notices/preview',
      body: { text: '国务院办公厅关于2030年部分节假日安排的通知' },
      expected: [401, 200, 403, 403],
    },
    'POST /api/calendar/notices/confirm': {
      path: '/api/calendar/notices/confirm',
      body: {},
      expected: [401, 400, 403, 403],
    },
    'GET /api/dashboard/summary': { path: '/api/dashboard/summary?planId=1', expected: [401, 200, 200, 403] },
    'GET /api/dashboard/trend': { path: '/api/dashboard/trend?planId=1', expected: [401, 200, 200, 403] },
    'GET /api/dashboard/departments': { path: '/api/dashboard/departments?planId=1', expected: [401, 200, 200, 403] },
    'GET /api/departments': { path: '/api/departments', expected: [401, 200, 200, 200] },
    'POST /api/departments': { path: '/api/departments', body: {}, expected: [401, 400, 403, 403] },
    'PATCH /api/departments/:id': {
      path: `/api/departments/${tokens.departmentOf.sfj}`,
      body: { unknownField: 1 },
      expected: [401, 400, 403, 403],
    },
    'GET /api/metrics': { path: '/api/metrics?planId=1', expected: [401, 200, 200, 200] },
    'GET /api/metrics/:id': { path: `/api/metrics/${ids.metric}`, expected: [401, 200, 200, 200] },
    'GET /api/metrics/:id/series': { path: `/api/metrics/${ids.metric}/series`, expected: [401, 200, 200, 200] },
    'GET /api/metrics/:id/evaluations': {
      path: `/api/metrics/${ids.metric}/evaluations`,
      expected: [401, 200, 200, 200],
    },
    'GET /api/metrics/:id/comments': {
      path: `/api/metrics/${ids.metric}/comments?period=2020-06`,
      expected: [401, 200, 200, 200],
    },
    'POST /api/metrics/:id/comments': {
      path: `/api/metrics/${ids.metric}/comments`,
      body: {},
      expected: [401, 403, 400, 400],
    },
    'POST /api/metrics/:id/preview': {
      path: `/api/metrics/${ids.metric}/preview`,
      body: { target: 'x' },
      expected: [401, 400, 403, 403],
    },
    'PATCH /api/metrics/:id': {
      path: `/api/metrics/${ids.metric}`,
      body: { target: 'x' },
      expected: [401, 400, 403, 403],
    },
    'GET /api/plans': { path: '/api/plans', expected: [401, 200, 200, 200] },
    'GET /api/plans/:id': { path: '/api/plans/1', expected: [401, 200, 200, 403] },
    'PATCH /api/plans/:id/settings': {
      path: '/api/plans/1/settings',
      body: { remindBeforeWorkingDays: 31 },
      expected: [401, 400, 403, 403],
    },
    // The plan editor (admin only); the admin's calls are refused (400, 404, 409) so that the plan stays as it is.
    'GET /api/plans/:id/outline': { path: '/api/plans/1/outline', expected: [401, 200, 403, 403] },
    'POST /api/plans/:id/indicators': { path: '/api/plans/1/indicators', body: {}, expected: [401, 400, 403, 403] },
    'PATCH /api/plans/:id/indicators/:indicatorId': {
      path: '/api/plans/1/indicators/1',
      body: { title: ' ' },
      expected: [401, 400, 403, 403],
    },
    'POST /api/plans/:id/indicators/:indicatorId/retire': {
      path: '/api/plans/1/indicators/999999/retire',
      body: {},
      expected: [401, 404, 403, 403],
    },
    'DELETE /api/plans/:id/indicators/:indicatorId': {
      path: '/api/plans/1/indicators/1',
      expected: [401, 409, 403, 403],
    },
    'POST /api/plans/:id/tasks': { path: '/api/plans/1/tasks', body: {}, expected: [401, 400, 403, 403] },
    'PATCH /api/plans/:id/tasks/:taskId': {
      path: '/api/plans/1/tasks/1',
      body: { position: -1 },
      expected: [401, 400, 403, 403],
    },
    'POST /api/plans/:id/tasks/:taskId/retire': {
      path: '/api/plans/1/tasks/999999/retire',
      body: {},
      expected: [401, 404, 403, 403],
    },
    'DELETE /api/plans/:id/tasks/:taskId': { path: '/api/plans/1/tasks/999999', expected: [401, 404, 403, 403] },
    'POST /api/plans/:id/metrics': { path: '/api/plans/1/metrics', body: {}, expected: [401, 400, 403, 403] },
    'PATCH /api/plans/:id/metrics/:metricId': {
      path: `/api/plans/1/metrics/${ids.metric}`,
      body: { target: 'x' },
      expected: [401, 400, 403, 403],
    },
    'POST /api/plans/:id/metrics/:metricId/retire': {
      path: '/api/plans/1/metrics/999999/retire',
      body: {},
      expected: [401, 404, 403, 403],
    },
    'DELETE /api/plans/:id/metrics/:metricId': {
      path: `/api/plans/1/metrics/${ids.metric}`,
      expected: [401, 409, 403, 403],
    },
    'POST /api/plans/:id/next-year': { path: '/api/plans/999999/next-year', body: {}, expected: [401, 404, 403, 403] },
    'POST /api/reports': { path: '/api/reports', body: {}, expected: [401, 400, 400, 403] },
    'GET /api/reports': { path: '/api/reports?planId=1', expected: [401, 200, 200, 200] },
    'GET /api/reports/:id/file': { path: '/api/reports/1/file?format=doc', expected: [401, 400, 400, 400] },
    'GET /api/notices': { path: '/api/notices', expected: [401, 200, 200, 200] },
    'POST /api/plans/import': { path: '/api/plans/import', body: {}, expected: [401, 400, 403, 403] },
    'POST /api/plans/import/confirm': { path: '/api/plans/import/confirm', body: {}, expected: [401, 400, 403, 403] },
    'GET /api/notices/:id': { path: '/api/notices/999999', expected: [401, 404, 404, 404] },
    'GET /api/notices/:id/attachments/:attachmentId': {
      path: '/api/notices/999999/attachments/1',
      expected: [401, 404, 404, 404],
    },
    'POST /api/notices': { path: '/api/notices', body: {}, expected: [401, 403, 400, 403] },
    'POST /api/notices/:id/acknowledge': {
      path: '/api/notices/999999/acknowledge',
      body: {},
      expected: [401, 403, 403, 404],
    },
    'POST /api/notices/:id/reply': { path: '/api/notices/999999/reply', body: {}, expected: [401, 403, 403, 400] },
    'POST /api/notices/:id/accept': { path: '/api/notices/999999/accept', body: {}, expected: [401, 403, 404, 403] },
    'POST /api/notices/:id/send-back': {
      path: '/api/notices/999999/send-back',
      body: {},
      expected: [401, 403, 400, 403],
    },
    'GET /api/notifications': { path: '/api/notifications', expected: [401, 200, 200, 200] },
    'POST /api/notifications/:id/read': {
      path: '/api/notifications/999999/read',
      body: {},
      expected: [401, 404, 404, 404],
    },
    'GET /api/deliveries/failed': { path: '/api/deliveries/failed', expected: [401, 200, 403, 403] },
    'GET /api/queue': {
      path: `/api/queue?planId=1&departmentId=${tokens.departmentOf.sfj}`,
      expected: [401, 200, 200, 200],
    },
    'POST /api/submissions': { path: '/api/submissions', body: {}, expected: [401, 403, 403, 400] },
    'GET /api/submissions': { path: `/api/submissions?metricId=${ids.metric}`, expected: [401, 200, 200, 200] },
    'GET /api/submissions/template': {
      path: `/api/submissions/template?planId=1&departmentId=${tokens.departmentOf.sfj}`,
      expected: [401, 200, 200, 200],
    },
    'POST /api/submissions/bulk': { path: '/api/submissions/bulk', expected: [401, 403, 403, 400] },
    'POST /api/submissions/:id/return': {
      path: `/api/submissions/${ids.submission}/return`,
      body: {},
      expected: [401, 403, 400, 403],
    },
    'GET /api/submissions/flagged': { path: '/api/submissions/flagged?planId=1', expected: [401, 200, 200, 403] },
    // Accepting is a leader's act; this revision tripped no soft rule, so the leader is answered 409.
    'POST /api/submissions/:id/accept': {
      path: `/api/submissions/${ids.submission}/accept`,
      body: {},
      expected: [401, 403, 409, 403],
    },
    'POST /api/submissions/:id/evidence': {
      path: `/api/submissions/${ids.submission}/evidence`,
      expected: [401, 403, 403, 400],
    },
    'GET /api/evidence/:id': { path: `/api/evidence/${ids.evidence}`, expected: [401, 200, 200, 200] },
    'GET /api/users': { path: '/api/users', expected: [401, 200, 403, 403] },
    'POST /api/users': { path: '/api/users', body: {}, expected: [401, 400, 403, 403] },
    'PATCH /api/users/:id': { path: `/api/users/${ids.user}`, body: { role: 'x' }, expected: [401, 400, 403, 403] },
  });

  it('answers every route for anonymous, admin, leader and department callers with exactly the expected status', async () => {
    const table = matrix();
    const routes = routesWithRules(t.app);
    // The table covers every route: a new route must be added here with its expected statuses.
    expect(Object.keys(table).sort()).toEqual(routes.map((r) => r.route));
    const password = { admin: 'taizhang-admin', leader: 'taizhang-leader', department: 'taizhang-dept' };
    const username = { admin: 'admin', leader: 'leader', department: 'sfj' };
    const actual: Record<string, number[]> = {};
    for (const [route, { path, body }] of Object.entries(table)) {
      const method = route.split(' ')[0].toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      actual[route] = [];
      for (const caller of CALLERS) {
        // Logging out ends the session: it gets a session of its own.
        const token =
          caller === 'anonymous'
            ? undefined
            : route.endsWith('logout')
              ? await signIn(t.app, username[caller], password[caller])
              : tokens[username[caller] as 'admin'];
        const req = as(t.app, token)[method](path);
        const res = await (body ? req.send(body) : req);
        actual[route].push(res.status);
        if (res.status === 401) expectError(res, 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
        if (res.status === 403) expectError(res, 403, 'FORBIDDEN', ...ROLE_REFUSED);
      }
    }
    expect(actual).toEqual(Object.fromEntries(Object.entries(table).map(([route, e]) => [route, e.expected])));

    // And the statuses agree with the rule each route declares: the allowed set is exactly the declared roles.
    for (const { route, rule } of routes) {
      const allowed = CALLERS.filter((_, i) => ![401, 403].includes(table[route].expected[i]));
      expect({ route, allowed }).toEqual({
        route,
        allowed:
          rule!.kind === 'public'
            ? CALLERS
            : CALLERS.filter((c) => c !== 'anonymous' && rule!.roles.includes(c as Role)),
      });
    }
  });
});
