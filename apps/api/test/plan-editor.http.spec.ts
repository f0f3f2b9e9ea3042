import type {
  EditorMetric,
  MetricResponse,
  PlanOutlineResponse,
  PlanTreeResponse,
  QueueResponse,
} from '@taizhang/contracts';
import type { ImportPreview } from '@taizhang/contracts';
import { STATUSES } from '@taizhang/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { as, expectError, importLedger, signInDemo } from './support';
import { useTestApp } from './test-app';

const metricsOf = (o: PlanOutlineResponse): EditorMetric[] =>
  o.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)));
const treeMetrics = (tree: PlanTreeResponse) =>
  tree.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)));
const LEDGER_2020 = readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan-ledger.txt'), 'utf8');

/** The plan editor and "start next year from this plan", on the demo plan with its 2020 figures, as of 2020-07-15. */
describe('the plan editor over HTTP', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2020-07-15' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  const admin = () => as(t.app, tokens.admin);
  const outline = async (planId = 1): Promise<PlanOutlineResponse> =>
    (await admin().get(`/api/plans/${planId}/outline`).expect(200)).body;
  const metric = (o: PlanOutlineResponse, code: string) => metricsOf(o).find((m) => m.code === code)!;
  const audit = async (action: string) =>
    (await t.app.get(DataSource).query(`SELECT * FROM audit_log WHERE action = '${action}' ORDER BY id`)) as Array<{
      entity_id: string;
      before: string | null;
      after: string | null;
      username: string;
    }>;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('is for the admin only: leaders and departments get 403, anonymous callers 401', async () => {
    for (const token of [tokens.leader, tokens.sfj]) {
      expectError(await as(t.app, token).get('/api/plans/1/outline'), 403, 'FORBIDDEN');
      expectError(await as(t.app, token).post('/api/plans/1/indicators').send({ title: '新指标' }), 403, 'FORBIDDEN');
      expectError(await as(t.app, token).post('/api/plans/1/next-year').send({}), 403, 'FORBIDDEN');
    }
    expectError(await as(t.app).get('/api/plans/1/outline'), 401, 'UNAUTHORIZED');
    expect(metricsOf(await outline())).toHaveLength(50);
  });

  it('shows the whole plan: 9 / 33 / 94, 50 metrics with reporters, none with figures deletable', async () => {
    const o = await outline();
    expect(o.indicators).toHaveLength(9);
    expect(o.indicators.flatMap((f) => f.children)).toHaveLength(33);
    expect(o.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).map((t) => t.number)).toEqual(
      Array.from({ length: 94 }, (_, i) => i + 1),
    );
    const t7 = metric(o, 'T007-1');
    expect(t7).toMatchObject({ target: 80, comparator: 'gte', unit: 'percent', deletable: false, retiredAt: null });
    expect(t7.submissions).toBeGreaterThan(0);
    expect(t7.reportingDepartmentIds).toEqual([tokens.departmentOf.zwfwb]);
  });

  it('creates indicators, a task and a metric, numbered after the last, the metric judged at once; each audited', async () => {
    let o: PlanOutlineResponse = (
      await admin().post('/api/plans/1/indicators').send({ title: '十、数字政府' }).expect(201)
    ).body;
    const first = o.indicators.find((f) => f.title === '十、数字政府')!;
    expect(first.number).toBe(10);
    o = (await admin().post('/api/plans/1/indicators').send({ parentId: first.id, title: '政务数据共享' }).expect(201))
      .body;
    const second = o.indicators.find((f) => f.id === first.id)!.children[0];
    expect(second.number).toBe(34);
    await admin()
      .patch(`/api/plans/1/indicators/${second.id}`)
      .send({ leadDepartmentIds: [tokens.departmentOf.zfb], responsibleDepartmentIds: [tokens.departmentOf.sfj] })
      .expect(200);
    o = (
      await admin()
        .post('/api/plans/1/tasks')
        .send({ indicatorId: second.id, text: '政务数据共享率达到95%以上。' })
        .expect(201)
    ).body;
    const task = o.indicators.find((f) => f.id === first.id)!.children[0].tasks[0];
    expect(task.number).toBe(95);
    o = (
      await admin()
        .post('/api/plans/1/metrics')
        .send({
          taskId: task.id,
          name: '政务数据共享率',
          kind: 'value',
          comparator: 'gte',
          target: 95,
          unit: 'percent',
          period: 'year',
          deadline: null,
          source: '政务数据共享率达到95%以上',
        })
        .expect(201)
    ).body;
    const created = metric(o, 'T095-1');
    // Reported by the named lead and responsible departments by default; nothing stands on it, so it may be deleted.
    expect(created).toMatchObject({
      name: '政务数据共享率',
      target: 95,
      deletable: true,
      submissions: 0,
      reportingDepartmentIds: [tokens.departmentOf.sfj, tokens.departmentOf.zfb].sort((a, b) => a - b),
    });
    const tree: PlanTreeResponse = (await admin().get('/api/plans/1').expect(200)).body;
    const node = treeMetrics(tree).find((m) => m.id === created.id)!;
    expect(STATUSES).toContain(node.status);
    expect(
      Number(
        (await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM evaluations WHERE metric_id = ${created.id}`))[0]
          .n,
      ),
    ).toBeGreaterThan(0);
    expect((await audit('create indicator')).map((r) => r.username)).toEqual(['admin', 'admin']);
    expect(await audit('create task')).toHaveLength(1);
    expect(JSON.parse((await audit('create metric'))[0].after!)).toMatchObject({ code: 'T095-1', target: 95 });
    expect(JSON.parse((await audit('update indicator'))[0].before!)).toEqual({
      leadDepartmentIds: [],
      responsibleDepartmentIds: [],
    });
  });

  it('reorders a first level and renumbers the whole plan: what was tenth is first, its task is task 1', async () => {
    const before = await outline();
    const added = before.indicators.find((f) => f.title === '十、数字政府')!;
    const o: PlanOutlineResponse = (
      await admin().patch(`/api/plans/1/indicators/${added.id}`).send({ position: 0 }).expect(200)
    ).body;
    expect(o.indicators.map((f) => f.number)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(o.indicators[0]).toMatchObject({ id: added.id, number: 1 });
    expect(o.indicators[0].children[0]).toMatchObject({ number: 1 });
    expect(o.indicators[0].children[0].tasks[0]).toMatchObject({ number: 1, text: '政务数据共享率达到95%以上。' });
    expect(o.indicators[1]).toMatchObject({ id: before.indicators[0].id, number: 2 });
    expect(o.indicators[1].children[0].tasks.map((t) => t.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // Tasks move among their siblings as well: the old task 2 first under its indicator.
    const siblings = o.indicators[1].children[0].tasks;
    const moved: PlanOutlineResponse = (
      await admin().patch(`/api/plans/1/tasks/${siblings[1].id}`).send({ position: 0 }).expect(200)
    ).body;
    expect(moved.indicators[1].children[0].tasks.map((t) => t.id)).toEqual([
      siblings[1].id,
      siblings[0].id,
      ...siblings.slice(2).map((t) => t.id),
    ]);
    expect(moved.indicators[1].children[0].tasks.map((t) => t.number)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // Back where they were, so that the comparison below reads the ledger's order.
    await admin().patch(`/api/plans/1/tasks/${siblings[1].id}`).send({ position: 1 }).expect(200);
    await admin().patch(`/api/plans/1/indicators/${added.id}`).send({ position: 99 }).expect(200);
    expect((await outline()).indicators.map((f) => f.id)).toEqual(before.indicators.map((f) => f.id));
  });

  it('edits a target: the metric is judged again at once against the new target, the old evaluations kept, the change audited', async () => {
    const id = metric(await outline(), 'T007-1').id;
    const history = (await admin().get(`/api/metrics/${id}/evaluations`).expect(200)).body.length;
    const o: PlanOutlineResponse = (
      await admin()
        .patch(`/api/plans/1/metrics/${id}`)
        .send({ target: 85, name: '区政务服务事项网上可办率（全程）' })
        .expect(200)
    ).body;
    expect(metric(o, 'T007-1')).toMatchObject({ target: 85, name: '区政务服务事项网上可办率（全程）' });
    const m: MetricResponse = (await admin().get(`/api/metrics/${id}`).expect(200)).body;
    expect(m.target).toBe(85);
    expect(m.current?.target).toBe(85);
    expect((await admin().get(`/api/metrics/${id}/evaluations`).expect(200)).body.length).toBeGreaterThan(history);
    const [row] = await audit('edit metric');
    expect({ id: row.entity_id, before: JSON.parse(row.before!), after: JSON.parse(row.after!) }).toEqual({
      id: String(id),
      before: { target: 80, name: '区政务服务事项网上可办率' },
      after: { target: 85, name: '区政务服务事项网上可办率（全程）' },
    });
  });

  it("refuses bad terms in Chinese first (400), other plans' rows (404), a deadline that is no day of the year", async () => {
    const o = await outline();
    const taskId = o.indicators[0].children[0].tasks[0].id;
    const base = {
      taskId,
      name: '指标',
      kind: 'value',
      comparator: 'gte',
      target: 90,
      unit: 'percent',
      period: 'year',
      deadline: null,
      source: '原文',
    };
    expectError(
      await admin()
        .post('/api/plans/1/metrics')
        .send({ ...base, kind: 'ratio' }),
      400,
      'INVALID_INPUT',
      /^类型 kind 应为/,
      /kind must be one of/,
    );
    expectError(
      await admin()
        .post('/api/plans/1/metrics')
        .send({ ...base, target: 120 }),
      400,
      'INVALID_INPUT',
      '目标值 120% 超过 100%',
    );
    expectError(
      await admin()
        .post('/api/plans/1/metrics')
        .send({ ...base, kind: 'deadline', unit: 'date', target: null, deadline: '02-30' }),
      400,
      'INVALID_INPUT',
      '截止日期 02-30 不是 2020 年的日期',
    );
    expectError(
      await admin()
        .post('/api/plans/1/metrics')
        .send({ ...base, taskId: 999999 }),
      404,
      'NOT_FOUND',
      /没有编号为 999999 的任务/,
    );
    expectError(
      await admin()
        .post('/api/plans/1/metrics')
        .send({ ...base, surprise: 1 }),
      400,
      'INVALID_INPUT',
    );
    expectError(
      await admin().post('/api/plans/1/tasks').send({ indicatorId: o.indicators[0].id, text: '任务' }),
      400,
      'INVALID_INPUT',
      '任务须放在二级指标下',
    );
    expectError(
      await admin()
        .patch(`/api/plans/1/metrics/${metric(o, 'T007-1').id}`)
        .send({}),
      400,
      'INVALID_INPUT',
      /^没有要修改的内容/,
    );
    expectError(await admin().get('/api/plans/999/outline'), 404, 'NOT_FOUND', '找不到编号为 999 的计划');
  });

  it('deletes a metric on which nothing stands, refuses (409) one with figures, and deletes only an empty task or indicator', async () => {
    let o = await outline();
    const created = metric(o, 'T095-1');
    expectError(
      await admin().delete(`/api/plans/1/metrics/${metric(o, 'T007-1').id}`),
      409,
      'CONFLICT',
      /不能删除；请改为停用/,
      /retire it instead/,
    );
    const task = o.indicators.find((f) => f.title === '十、数字政府')!.children[0].tasks[0];
    expectError(await admin().delete(`/api/plans/1/tasks/${task.id}`), 409, 'CONFLICT', /下还有指标，不能删除/);
    o = (await admin().delete(`/api/plans/1/metrics/${created.id}`).expect(200)).body;
    expect(metricsOf(o).some((m) => m.id === created.id)).toBe(false);
    expect(
      Number(
        (await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM evaluations WHERE metric_id = ${created.id}`))[0]
          .n,
      ),
    ).toBe(0);
    await admin().delete(`/api/plans/1/tasks/${task.id}`).expect(200);
    const first = o.indicators.find((f) => f.title === '十、数字政府')!;
    expectError(await admin().delete(`/api/plans/1/indicators/${first.id}`), 409, 'CONFLICT');
    await admin().delete(`/api/plans/1/indicators/${first.children[0].id}`).expect(200);
    o = (await admin().delete(`/api/plans/1/indicators/${first.id}`).expect(200)).body;
    expect(o.indicators).toHaveLength(9);
    expect(JSON.parse((await audit('delete metric'))[0].before!)).toMatchObject({ code: 'T095-1' });
    expect(await audit('delete task')).toHaveLength(1);
    expect(await audit('delete indicator')).toHaveLength(2);
  });

  it('retires a metric with figures: gone from statuses, queue and metric list, its history readable, no more figures taken', async () => {
    const id = metric(await outline(), 'T007-1').id;
    const zwfwb = tokens.departmentOf.zwfwb;
    const queue = async (): Promise<QueueResponse> =>
      (await as(t.app, tokens.zwfwb).get(`/api/queue?planId=1&departmentId=${zwfwb}`).expect(200)).body;
    expect((await queue()).items.some((i) => i.metricId === id)).toBe(true);
    const history = (await admin().get(`/api/metrics/${id}/evaluations`).expect(200)).body.length;

    const res = (await admin().post(`/api/plans/1/metrics/${id}/retire`).expect(200)).body;
    // Retired on 2020-07-15: January to June keep their figures as history; July onwards are no longer due.
    expect(res.metrics).toEqual([
      {
        id,
        kept: ['2020-01', '2020-02', '2020-03', '2020-04', '2020-05', '2020-06'],
        dropped: ['2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12'],
      },
    ]);
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get('/api/plans/1').expect(200)).body;
    expect(treeMetrics(tree).some((m) => m.id === id)).toBe(false);
    expect(treeMetrics(tree)).toHaveLength(49);
    expect(
      ((await as(t.app, tokens.leader).get('/api/metrics?planId=1').expect(200)).body as MetricResponse[]).some(
        (m) => m.id === id,
      ),
    ).toBe(false);
    expect((await queue()).items.some((i) => i.metricId === id)).toBe(false);
    // Its page and history stay readable; nothing was deleted.
    expect((await as(t.app, tokens.leader).get(`/api/metrics/${id}`).expect(200)).body.code).toBe('T007-1');
    expect((await as(t.app, tokens.leader).get(`/api/metrics/${id}/evaluations`).expect(200)).body).toHaveLength(
      history,
    );
    expectError(
      await as(t.app, tokens.zwfwb)
        .post('/api/submissions')
        .send({ metricId: id, departmentId: zwfwb, period: '2020-07', numerator: 9, denominator: 10 }),
      409,
      'CONFLICT',
      /已停用/,
    );
    // A scheduled cycle leaves it alone.
    const evaluations = Number(
      (await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM evaluations WHERE metric_id = ${id}`))[0].n,
    );
    await t.app.get(EvaluationService).runCycle('all');
    expect(
      Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM evaluations WHERE metric_id = ${id}`))[0].n),
    ).toBe(evaluations);
    const o = await outline();
    expect(metric(o, 'T007-1').retiredAt).toEqual(res.retiredAt);
    expectError(
      await admin().patch(`/api/plans/1/metrics/${id}`).send({ target: 70 }),
      409,
      'CONFLICT',
      '指标已停用，不能修改',
    );
    expect(JSON.parse((await audit('retire metric'))[0].after!)).toMatchObject({ id, kept: expect.any(Array) });
  });

  it('starts next year from the plan: structure, departments and targets kept, no figures, statuses at once', async () => {
    const source = await outline();
    const res = await admin().post('/api/plans/1/next-year').send({}).expect(201);
    expect(res.body).toMatchObject({
      plan: {
        code: 'hongqiao-2021',
        title: '红桥区2021年法治政府建设年度计划',
        year: 2021,
        district: '天津市红桥区',
        demo: false,
      },
      indicators: 42,
      tasks: 94,
      metrics: 49,
    });
    const planId: number = res.body.plan.id;
    const copy = await outline(planId);
    const live = metricsOf(source).filter((m) => !m.retiredAt);
    const strip = (m: EditorMetric) => ({
      code: m.code,
      name: m.name,
      kind: m.kind,
      comparator: m.comparator,
      target: m.target,
      unit: m.unit,
      period: m.period,
      deadline: m.deadline,
      source: m.source,
      reportingDepartmentIds: m.reportingDepartmentIds,
    });
    expect(metricsOf(copy).map(strip)).toEqual(live.map(strip));
    expect(metricsOf(copy).every((m) => m.submissions === 0 && m.deletable && m.retiredAt === null)).toBe(true);
    expect(
      copy.indicators.flatMap((f) => f.children.map((s) => [s.title, s.leadDepartmentIds, s.responsibleDepartmentIds])),
    ).toEqual(
      source.indicators.flatMap((f) =>
        f.children.map((s) => [s.title, s.leadDepartmentIds, s.responsibleDepartmentIds]),
      ),
    );
    const data = t.app.get(DataSource);
    expect(
      Number(
        (
          await data.query(
            `SELECT COUNT(*) AS n FROM submissions s JOIN metrics m ON m.id = s.metric_id WHERE m.plan_id = ${planId}`,
          )
        )[0].n,
      ),
    ).toBe(0);
    // Judged in the same request: every metric has its status now (nothing of 2021 is due in July 2020).
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/${planId}`).expect(200)).body;
    expect(treeMetrics(tree)).toHaveLength(49);
    // Every metric was checked (its periods and the day each must be looked at again), so no cycle finds it "never evaluated".
    const checked = Number(
      (
        await data.query(
          `SELECT COUNT(DISTINCT c.metric_id) AS n FROM evaluation_checks c JOIN metrics m ON m.id = c.metric_id WHERE m.plan_id = ${planId}`,
        )
      )[0].n,
    );
    expect(checked).toBe(49);
    expect(treeMetrics(tree).every((m) => m.status === 'grey' && m.periodKey === null)).toBe(true);
    expect(JSON.parse((await audit('start next year'))[0].after!)).toEqual({
      code: 'hongqiao-2021',
      year: 2021,
      indicators: 42,
      tasks: 94,
      metrics: 49,
    });
    expectError(await admin().post('/api/plans/1/next-year').send({}), 409, 'CONFLICT', /hongqiao-2021 已存在/);
    expectError(
      await admin().post('/api/plans/1/next-year').send({ code: 'Bad Code' }),
      400,
      'INVALID_INPUT',
      /^计划代码为/,
    );
  });

  it('compares the published 2021 ledger with the copy: the raised figure shows as a changed target', async () => {
    const ledger = LEDGER_2020.replace('专题培训不少于40学时', '专题培训不少于60学时');
    const req = importLedger(t.app, tokens.admin, Buffer.from(ledger), 'ledger-2021.txt', {
      code: 'hongqiao-2021-published',
      title: '红桥区2021年法治政府建设年度计划',
      year: '2021',
      district: '天津市红桥区',
    });
    const preview: ImportPreview = (await req.expect(200)).body;
    expect(preview.comparison.basePlan).toMatchObject({ code: 'hongqiao-2021', year: 2021 });
    const changed = preview.comparison.items.filter((i) => i.change === 'target-changed');
    expect(changed.map((i) => [i.before!.target, i.after!.target])).toContainEqual([40, 60]);
    // The metric retired before the copy is not in it: the ledger's target reads as new.
    expect(
      preview.comparison.items.filter((i) => i.change === 'new').map((i) => [i.after!.target, i.after!.unit]),
    ).toContainEqual([80, 'percent']);
  });

  it('retires a task and a second level with what is under them; retired rows keep their numbers, the live ones are not renumbered', async () => {
    const before = await outline();
    const second = before.indicators[8].children.at(-1)!;
    const task = second.tasks.find((t) => t.metrics.length > 0)!;
    const res = (await admin().post(`/api/plans/1/tasks/${task.id}/retire`).expect(200)).body;
    expect(res.metrics.map((m: { id: number }) => m.id)).toEqual(task.metrics.map((m) => m.id));
    let o = await outline();
    const numbers = o.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.map((t) => t.number)));
    expect(numbers).toEqual(before.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.map((t) => t.number))));
    expect(
      o.indicators[8].children
        .at(-1)!
        .tasks.find((t) => t.id === task.id)!
        .metrics.every((m) => m.retiredAt !== null),
    ).toBe(true);
    expectError(await admin().delete(`/api/plans/1/tasks/${task.id}`), 409, 'CONFLICT');
    expectError(
      await admin().patch(`/api/plans/1/tasks/${task.id}`).send({ text: '改' }),
      409,
      'CONFLICT',
      '任务已停用，不能修改',
    );
    await admin().post(`/api/plans/1/indicators/${second.id}/retire`).expect(200);
    o = await outline();
    expect(o.indicators[8].children.at(-1)!.tasks.every((t) => t.retiredAt !== null)).toBe(true);
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get('/api/plans/1').expect(200)).body;
    expect(tree.indicators[8].children.some((s) => s.id === second.id)).toBe(false);
    expect(treeMetrics(tree).some((m) => task.metrics.some((x) => x.id === m.id))).toBe(false);
    expect(await audit('retire task')).toHaveLength(1);
    expect(await audit('retire indicator')).toHaveLength(1);
  });
});
