import { EVALUATION_BASES, STATUSES } from '@taizhang/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import type { EvaluationResponse, MetricResponse } from '../src/metrics/metrics.dto';
import { as, countRows, duplicateCurrentEvaluations, expectError, metricsByCode, signInDemo } from './support';
import { useTestApp } from './test-app';

const seed = JSON.parse(readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan.json'), 'utf8'));
// Every 2020 period has ended: each metric shows its last period (2020-12, 2020-Q4 or 2020).
const TODAY = '2021-02-01';
const LAST_PERIODS = ['2020-12', '2020-Q4', '2020'];

describe('metrics over HTTP (demo history)', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let all: MetricResponse[];
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  // A leader reads every metric and department; the admin changes metrics; departments submit their own figures.
  const leader = () => as(t.app, tokens.leader);
  const admin = () => as(t.app, tokens.admin);
  const list = async (query = ''): Promise<MetricResponse[]> =>
    (await leader().get(`/api/metrics?planId=1${query}`).expect(200)).body;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    all = await list();
  });

  it('lists the 50 metrics of the plan, each with its current overall status, basis and reasons', () => {
    expect(all).toHaveLength(50);
    expect(all.map((m) => m.code)).toEqual(seed.metrics.map((m: { code: string }) => m.code).sort());
    for (const m of all) {
      expect(m.current).toEqual(expect.objectContaining({ departmentId: null, supersededAt: null }));
      expect(STATUSES).toContain(m.current!.status);
      expect(EVALUATION_BASES).toContain(m.current!.basis);
      expect(LAST_PERIODS).toContain(m.current!.period);
      expect(m.current!.reasonZh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.current!.reasonEn).toMatch(/[A-Za-z]{3,}/);
      expect(m.departments.length).toBeGreaterThan(0);
      for (const d of m.departments) expect(d.period).toBe(m.current!.period);
    }
    // The demo history is built to show every colour.
    expect(new Set(all.map((m) => m.current!.status))).toEqual(new Set(['red', 'amber', 'green']));
  });

  it('filters by status: ?status=red returns exactly the red ones', async () => {
    for (const status of STATUSES) {
      const filtered = await list(`&status=${status}`);
      expect(filtered.map((m) => m.code)).toEqual(all.filter((m) => m.current?.status === status).map((m) => m.code));
      for (const m of filtered) expect(m.current!.status).toBe(status);
    }
    expect((await list('&status=red')).length).toBeGreaterThan(0);
    expectError(
      await leader().get('/api/metrics?planId=1&status=purple'),
      400,
      'INVALID_INPUT',
      '状态 status 应为 red、amber、green 或 grey',
      'status must be red, amber, green or grey',
    );
    expectError(
      await leader().get('/api/metrics'),
      400,
      'INVALID_INPUT',
      '计划编号 planId 应为正整数',
      'planId must be a positive whole number',
    );
  });

  it('filters by department: only that department’s metrics, each showing the department’s own status', async () => {
    const mine = await list('&departmentId=9');
    const expected = all.filter((m) => m.departments.some((d) => d.departmentId === 9));
    expect(mine.map((m) => m.code)).toEqual(expected.map((m) => m.code));
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.length).toBeLessThan(50);
    for (const m of mine) {
      const own = all.find((x) => x.id === m.id)!.departments.find((d) => d.departmentId === 9);
      expect(m.current).toEqual(own);
    }
    const redOfMine = await list('&departmentId=9&status=red');
    expect(redOfMine.map((m) => m.code)).toEqual(mine.filter((m) => m.current!.status === 'red').map((m) => m.code));
    expect(await list('&departmentId=999')).toEqual([]);
  });

  it('shows a department user only their own metrics and their own evaluations, as a leader sees them filtered', async () => {
    const sfj = tokens.departmentOf.sfj;
    const own: MetricResponse[] = (await as(t.app, tokens.sfj).get('/api/metrics?planId=1').expect(200)).body;
    expect(own.length).toBeGreaterThan(5);
    const filtered = await list(`&departmentId=${sfj}`);
    expect(own.map((m) => [m.code, m.current])).toEqual(filtered.map((m) => [m.code, m.current]));
    // Other departments' evaluations are not theirs to see.
    for (const m of own)
      expect(m.departments).toEqual(
        filtered.find((f) => f.id === m.id)!.departments.filter((d) => d.departmentId === sfj),
      );
    expect((await as(t.app, tokens.sfj).get(`/api/metrics?planId=1&departmentId=${sfj}`).expect(200)).body).toEqual(
      own,
    );
    expectError(
      await as(t.app, tokens.sfj).get(`/api/metrics?planId=1&departmentId=${tokens.departmentOf.zfb}`),
      403,
      'FORBIDDEN',
      '只能查看和报送本单位的数据',
      'You may only see and report your own department’s figures',
    );
  });

  it('serves one metric: its definition and the current evaluation of each department', async () => {
    const listed = all.find((m) => m.code === 'T015-1')!;
    const metric: MetricResponse = (await leader().get(`/api/metrics/${listed.id}`).expect(200)).body;
    expect(metric).toMatchObject({
      id: listed.id,
      planId: 1,
      code: 'T015-1',
      kind: 'value',
      comparator: 'gte',
      target: 100,
      unit: 'percent',
      deadline: null,
      frequency: 'monthly',
      tolerance: null,
      dueWorkingDays: 5,
      warnWorkingDays: 5,
      consolidated: false,
    });
    expect(metric.current).toEqual(listed.current);
    expect(metric.departments.map((d) => d.departmentId).sort((a, b) => a! - b!)).toEqual([1, 4, 5, 6, 8, 9]);
    for (const d of metric.departments)
      expect(d).toMatchObject({ period: '2020-12', periodEnd: '2020-12-31', supersededAt: null });
    expectError(
      await leader().get('/api/metrics/9999'),
      404,
      'NOT_FOUND',
      '找不到编号为 9999 的指标',
      'No metric with id 9999',
    );
    expectError(
      await leader().get('/api/metrics/abc'),
      400,
      'INVALID_INPUT',
      '指标编号应为正整数',
      'metric id must be a positive whole number',
    );
  });

  it('serves the history of evaluations: one current row per department and period, oldest first', async () => {
    const id = all.find((m) => m.code === 'T015-1')!.id;
    const history: EvaluationResponse[] = (await leader().get(`/api/metrics/${id}/evaluations`).expect(200)).body;
    // 12 months × (6 departments + the overall row) are current.
    expect(history.filter((e) => e.supersededAt === null)).toHaveLength(12 * 7);
    expect(history.map((e) => e.evaluatedAt)).toEqual([...history.map((e) => e.evaluatedAt)].sort());
    const one: EvaluationResponse[] = (await leader().get(`/api/metrics/${id}/evaluations?departmentId=4`).expect(200))
      .body;
    expect(one.length).toBeGreaterThanOrEqual(12);
    expect(new Set(one.map((e) => e.departmentId))).toEqual(new Set([4]));
    expect(
      one
        .filter((e) => e.supersededAt === null)
        .map((e) => e.period)
        .sort(),
    ).toEqual(Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`));
    expectError(await leader().get('/api/metrics/9999/evaluations'), 404, 'NOT_FOUND');
  });

  it('re-evaluates on a change of target or tolerance, keeping the old evaluation in the history as superseded', async () => {
    const metric = (await metricsByCode(t.app, tokens.leader)).get('T064-1')!;
    // 区政府办 (zfb) and 区司法局 (sfj) report T064-1; the demo history already holds their December figures, so these are corrections.
    for (const user of ['zfb', 'sfj'] as const) {
      await as(t.app, tokens[user])
        .post('/api/submissions')
        .send({
          metricId: metric.id,
          departmentId: tokens.departmentOf[user],
          period: '2020-12',
          value: 93,
          reason: '复核更正',
        })
        .expect(201);
    }
    const amber: MetricResponse = (await leader().get(`/api/metrics/${metric.id}`).expect(200)).body;
    expect(amber.current).toMatchObject({
      period: '2020-12',
      status: 'amber',
      basis: 'within-band',
      value: 93,
      target: 95,
    });

    const lowered: MetricResponse = (await admin().patch(`/api/metrics/${metric.id}`).send({ target: 93 }).expect(200))
      .body;
    expect(lowered.target).toBe(93);
    expect(lowered.current).toMatchObject({
      period: '2020-12',
      status: 'green',
      basis: 'met',
      value: 93,
      target: 93,
      reasonZh: expect.stringContaining('93% 达到目标（≥ 93%）'),
      supersededAt: null,
    });
    for (const d of lowered.departments) expect(d).toMatchObject({ status: 'green', basis: 'met', target: 93 });

    const history: EvaluationResponse[] = (
      await leader().get(`/api/metrics/${metric.id}/evaluations?departmentId=${tokens.departmentOf.zfb}`).expect(200)
    ).body;
    const december = history.filter((e) => e.period === '2020-12');
    const old = december.find((e) => e.basis === 'within-band')!;
    const now = december.find((e) => e.supersededAt === null)!;
    expect(old).toMatchObject({ status: 'amber', target: 95, value: 93 });
    expect(now).toMatchObject({ status: 'green', basis: 'met', target: 93 });
    expect(old.supersededAt).toBe(now.evaluatedAt);
    expect(december.filter((e) => e.supersededAt === null)).toHaveLength(1);

    const tight: MetricResponse = (
      await admin().patch(`/api/metrics/${metric.id}`).send({ target: 95, tolerance: 1 }).expect(200)
    ).body;
    expect(tight).toMatchObject({ target: 95, tolerance: 1 });
    expect(tight.current).toMatchObject({
      status: 'red',
      basis: 'missed',
      value: 93,
      target: 95,
      reasonZh: expect.stringContaining('93% 未达目标（≥ 95%），超出 1 个百分点预警带'),
    });
    const wide: MetricResponse = (await admin().patch(`/api/metrics/${metric.id}`).send({ tolerance: 2 }).expect(200))
      .body;
    expect(wide.current).toMatchObject({
      status: 'amber',
      basis: 'within-band',
      reasonZh: expect.stringContaining('在 2 个百分点预警带内'),
    });
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
  });

  it('refuses bad changes of a metric with 400 and changes nothing', async () => {
    const byCode = await metricsByCode(t.app, tokens.admin);
    const metric = byCode.get('T007-1')!;
    const before = await countRows(t.app, 'evaluations');
    expectError(
      await admin().patch(`/api/metrics/${metric.id}`).send({ target: 'high' }),
      400,
      'INVALID_INPUT',
      '目标值 target 应为数字',
      'target must be a number',
    );
    expectError(
      await admin().patch(`/api/metrics/${metric.id}`).send({ tolerance: -1 }),
      400,
      'INVALID_INPUT',
      '预警带 tolerance 应为不小于 0 的数字',
      'tolerance must be a number of 0 or more',
    );
    expectError(
      await admin().patch(`/api/metrics/${metric.id}`).send({ dueWorkingDays: 61 }),
      400,
      'INVALID_INPUT',
      /dueWorkingDays 应为 0 至 60 的整数/,
    );
    expectError(
      await admin().patch(`/api/metrics/${metric.id}`).send({ code: 'X' }),
      400,
      'INVALID_INPUT',
      '不接受字段 code，请删除',
    );
    expectError(
      await admin()
        .patch(`/api/metrics/${byCode.get('T049-1')!.id}`)
        .send({ target: 5 }),
      400,
      'INVALID_INPUT',
      '期限类指标没有目标数值，请修改期限',
      'A deadline metric has no target figure; change its deadline instead',
    );
    expectError(await admin().patch('/api/metrics/9999').send({ target: 5 }), 404, 'NOT_FOUND');
    expect((await leader().get(`/api/metrics/${metric.id}`).expect(200)).body).toMatchObject({
      target: 80,
      tolerance: null,
      dueWorkingDays: 5,
    });
    // Only the admin changes a metric: a leader or a department user is refused, an anonymous caller asked to sign in.
    for (const user of ['leader', 'sfj'] as const)
      expectError(
        await as(t.app, tokens[user]).patch(`/api/metrics/${metric.id}`).send({ target: 50 }),
        403,
        'FORBIDDEN',
        '您的角色无权执行此操作',
      );
    expectError(await as(t.app).patch(`/api/metrics/${metric.id}`).send({ target: 50 }), 401, 'UNAUTHORIZED');
    expect((await leader().get(`/api/metrics/${metric.id}`).expect(200)).body).toMatchObject({ target: 80 });
    expect(await countRows(t.app, 'evaluations')).toBe(before);
  });

  it('writes nothing when a full cycle re-evaluates unchanged data', async () => {
    const engine = t.app.get(EvaluationService);
    const before = await countRows(t.app, 'evaluations');
    const result = await engine.runCycle('full');
    expect(result).toMatchObject({ changed: 0, error: null });
    // Every metric, department and period that has begun is evaluated: the current rows, no more.
    expect(result.evaluated).toBe(await countRows(t.app, 'evaluations', 'WHERE superseded_at IS NULL'));
    expect(await countRows(t.app, 'evaluations')).toBe(before);
    expect((await engine.runCycle('full')).changed).toBe(0);
    expect(await countRows(t.app, 'evaluations')).toBe(before);
    expect(await engine.runCycle()).toMatchObject({ scope: 'due', evaluated: 0, changed: 0 });
  });
});
