import type { DashboardSummaryResponse, FirstLevelNode, MetricNode, PlanTreeResponse } from '@taizhang/contracts';
import { roundForDisplay, STATUSES, worstStatus, type StatusCounts } from '@taizhang/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { as, expectError, ROLE_REFUSED, rowCounts, SIGN_IN_FIRST, signInAdmin, signInDemo } from './support';
import { useTestApp } from './test-app';

const seed = JSON.parse(readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan.json'), 'utf8'));
const total = (c: StatusCounts) => STATUSES.reduce((n, s) => n + c[s], 0);
const metricsOf = (indicators: FirstLevelNode[]): MetricNode[] =>
  indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)));

describe('plans and dashboard over HTTP', () => {
  const t = useTestApp();
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  // The plan tree and the dashboard are for leaders (and admins).
  const http = () => as(t.app, tokens.leader);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('answers health with the database it uses', async () => {
    // Public: no sign-in needed.
    const res = await request(t.app.getHttpServer()).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: t.db.databaseUrl ? 'postgres' : 'sqlite', demo: true });
  });

  it('lists the 2020 Hongqiao plan as demo data', async () => {
    const res = await http().get('/api/plans').expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: 1,
        code: 'hongqiao-2020',
        title: '红桥区2020年法治政府建设年度计划',
        year: 2020,
        demo: true,
      }),
    ]);
    // Any signed-in user lists the plans; an anonymous caller does not.
    expect((await as(t.app, tokens.sfj).get('/api/plans').expect(200)).body).toEqual(res.body);
    expectError(await as(t.app).get('/api/plans'), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
  });

  it('shows the plan tree and the dashboard to admins and leaders only: a department user gets 403, an anonymous caller 401', async () => {
    for (const path of ['/api/plans/1', '/api/dashboard/summary?planId=1']) {
      await as(t.app, tokens.admin).get(path).expect(200);
      expectError(await as(t.app, tokens.sfj).get(path), 403, 'FORBIDDEN', ...ROLE_REFUSED);
      expectError(await as(t.app).get(path), 401, 'UNAUTHORIZED');
    }
  });

  it('lists the departments of one plan (what pickers show), 400 for a malformed plan id', async () => {
    const all: Array<{ id: number; name: string; isGroup: boolean }> = (
      await http().get('/api/departments').expect(200)
    ).body;
    const ofPlan: Array<{ id: number; name: string }> = (await http().get('/api/departments?planId=1').expect(200))
      .body;
    // The 2020 ledger names 22 departments and one group, every one of them lead or responsible somewhere.
    expect(ofPlan.map((d) => d.name).sort()).toEqual(all.map((d) => d.name).sort());
    expect(ofPlan).toHaveLength(23);
    expect((await http().get('/api/departments?planId=999').expect(200)).body).toEqual([]);
    expectError(await http().get('/api/departments?planId=x'), 400, 'INVALID_INPUT', /planId/, /planId/);
  });

  it('serves the whole plan tree: 9 first-level, 33 second-level indicators, 94 tasks and every seeded metric', async () => {
    const tree: PlanTreeResponse = (await http().get('/api/plans/1').expect(200)).body;
    expect(tree.indicators.map((f) => f.title)).toEqual(seed.indicators.map((f: { title: string }) => f.title));
    expect(tree.indicators.flatMap((f) => f.children)).toHaveLength(33);
    expect(tree.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).map((t) => t.number)).toEqual(
      Array.from({ length: 94 }, (_, i) => i + 1),
    );
    expect(
      metricsOf(tree.indicators)
        .map((m) => m.code)
        .sort(),
    ).toEqual(seed.metrics.map((m: { code: string }) => m.code).sort());
    expect(total(tree.counts)).toBe(seed.metrics.length);
  });

  it('names lead and responsible departments, with generic groups marked as groups', async () => {
    const tree: PlanTreeResponse = (await http().get('/api/plans/1').expect(200)).body;
    const first = tree.indicators[0].children[0];
    expect(first.title).toBe('全面推行行政审批制度改革');
    expect(first.leadDepartments.map((d) => d.name)).toEqual(['区政务服务办']);
    expect(first.responsibleDepartments).toEqual([
      expect.objectContaining({ name: '其他部门、各街道按职责分别负责', isGroup: true }),
    ]);
  });

  it('rolls statuses up: every node counts the metrics beneath it and takes the worst status', async () => {
    const tree: PlanTreeResponse = (await http().get('/api/plans/1?period=2020-06').expect(200)).body;
    for (const first of tree.indicators) {
      const metrics = first.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics));
      for (const s of STATUSES) expect(first.counts[s]).toBe(metrics.filter((m) => m.status === s).length);
      expect(first.status).toBe(worstStatus(metrics.map((m) => m.status)));
      for (const second of first.children) expect(second.status).toBe(worstStatus(second.tasks.map((t) => t.status)));
    }
  });

  it('judges each department figure against the target: a percent at or above a ≥ target is green, far below is red', async () => {
    const tree: PlanTreeResponse = (await http().get('/api/plans/1').expect(200)).body;
    const judged = metricsOf(tree.indicators)
      .filter((m) => m.kind === 'value' && m.unit === 'percent' && m.comparator === 'gte')
      .flatMap((m) => m.departments.filter((d) => d.value !== null).map((d) => ({ m, d })));
    expect(judged.length).toBeGreaterThan(10);
    for (const { m, d } of judged) {
      const expected = d.value! >= m.target! ? 'green' : m.target! - d.value! <= 5 + 1e-9 ? 'amber' : 'red';
      expect({ code: m.code, department: d.code, status: d.status }).toEqual({
        code: m.code,
        department: d.code,
        status: expected,
      });
      expect(d.reasonZh).toContain(`${roundForDisplay(d.value!)}%`);
    }
    // The demo history is built to show every colour.
    expect(new Set(judged.map((j) => j.d.status))).toEqual(new Set(['green', 'amber', 'red']));
  });

  it('summarises the latest month with data by default, and any month of the plan on request', async () => {
    const latest: DashboardSummaryResponse = (await http().get('/api/dashboard/summary?planId=1').expect(200)).body;
    expect(latest.period).toBe('2020-12');
    expect(latest.periods).toHaveLength(12);
    expect(latest.metricCount).toBe(seed.metrics.length);
    expect(total(latest.counts)).toBe(latest.metricCount);
    const tree: PlanTreeResponse = (await http().get('/api/plans/1?period=2020-12').expect(200)).body;
    expect(latest.counts).toEqual(tree.counts);
    expect(latest.indicators.map((i) => i.counts)).toEqual(tree.indicators.map((i) => i.counts));

    const march: DashboardSummaryResponse = (
      await http().get('/api/dashboard/summary?planId=1&period=2020-03').expect(200)
    ).body;
    expect(march.period).toBe('2020-03');
    expect(total(march.counts)).toBe(seed.metrics.length);
  });

  it('shows a metric grey in a month when none of its reporting periods had ended by then', async () => {
    const tree: PlanTreeResponse = (await http().get('/api/plans/1?period=2020-01').expect(200)).body;
    // The first quarter ends in March and the 3月31日 report is due then: in January neither has anything to show.
    const quarterly = metricsOf(tree.indicators).filter((m) => m.period === 'quarter' || m.deadline === '03-31');
    expect(quarterly.length).toBeGreaterThan(0);
    for (const m of quarterly)
      expect({ code: m.code, status: m.status, periodKey: m.periodKey }).toEqual({
        code: m.code,
        status: 'grey',
        periodKey: null,
      });
    const january: DashboardSummaryResponse = (
      await http().get('/api/dashboard/summary?planId=1&period=2020-01').expect(200)
    ).body;
    expect(january.counts.grey).toBe(quarterly.length);
  });

  it('answers bad input with 400 and a message in Chinese and English, never 500', async () => {
    const notMonth = await http().get('/api/dashboard/summary?planId=1&period=2020-13').expect(400);
    expect(notMonth.body).toMatchObject({
      code: 'INVALID_INPUT',
      messageZh: expect.stringContaining('YYYY-MM'),
      messageEn: expect.stringContaining('YYYY-MM'),
    });
    const outside = await http().get('/api/dashboard/summary?planId=1&period=2021-01').expect(400);
    expect(outside.body).toMatchObject({
      code: 'PERIOD_OUTSIDE_PLAN',
      messageZh: expect.stringContaining('不在 2020 年计划内'),
    });
    const noPlan = await http().get('/api/dashboard/summary?planId=abc').expect(400);
    expect(noPlan.body.messageZh).toContain('planId');
    const unknownField = await http().get('/api/dashboard/summary?planId=1&foo=bar').expect(400);
    expect(unknownField.body.messageEn).toMatch(/foo/);
    await http().get('/api/plans/x').expect(400);
  });

  it('answers 404 with a message for a plan or route that does not exist', async () => {
    const res = await http().get('/api/plans/999').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', messageZh: expect.stringContaining('999') });
    await http().get('/api/nothing-here').expect(404);
    await request(t.app.getHttpServer()).get('/api/nothing-here').expect(404);
  });

  it('serves the OpenAPI document', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/docs/json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/plans', '/api/plans/{id}', '/api/dashboard/summary']),
    );
  });

  it('loads the seed once: starting again on the same database creates nothing twice', async () => {
    const counts = () => rowCounts(t.app, ['plans', 'tasks', 'metrics', 'departments', 'submissions']);
    const before = await counts();
    expect(before).toMatchObject({ plans: 1, tasks: 94, metrics: seed.metrics.length });
    await t.restart();
    expect(await counts()).toEqual(before);
  });
});

describe('the plan without demo history (DEMO=0)', () => {
  const t = useTestApp({ demo: false });

  it('shows every metric red as overdue: a missing figure after its due date is never green or blank', async () => {
    const admin = await signInAdmin(t.app);
    const summary: DashboardSummaryResponse = (
      await as(t.app, admin).get('/api/dashboard/summary?planId=1').expect(200)
    ).body;
    expect(summary).toMatchObject({
      period: '2020-12',
      demo: false,
      counts: { red: seed.metrics.length, amber: 0, green: 0, grey: 0 },
    });
    const tree: PlanTreeResponse = (await as(t.app, admin).get('/api/plans/1').expect(200)).body;
    // Without demo mode no demo account exists: only the ADMIN_PASSWORD admin.
    expectError(
      await request(t.app.getHttpServer())
        .post('/api/auth/login')
        .send({ username: 'leader', password: 'taizhang-leader' }),
      401,
      'UNAUTHORIZED',
      '用户名或密码错误',
      'Wrong username or password',
    );
    for (const m of metricsOf(tree.indicators)) expect(m.reasonZh).toMatch(/逾期未报送|已过，尚未完成/);
  });
});
