import { ConsoleLogger } from '@nestjs/common';
import type { HealthResponse, PlanTreeResponse } from '@taizhang/contracts';
import { STALE_CHECK } from '../src/evaluation/evaluation.repository';
import type { EvaluationResponse, MetricResponse } from '../src/metrics/metrics.dto';
import { SMALL_LEDGER_ROWS } from './plan-import-files';
import { DataSource } from 'typeorm';
import {
  as,
  createUser,
  expectError,
  http,
  importLedger,
  nextScheduledRun as waitForScheduledRun,
  signInAdmin,
} from './support';
import { type TestApp, useTestApp } from './test-app';

// Six fields: every second, so that the real cron job drives the test.
const EVERY_SECOND = '*/1 * * * * *';
/** What the domain's parseIsoDate says of a date that does not exist, when the working-day count meets it. */
const CAUSE = 'Invalid date "2026-02-30": expected a real calendar date "YYYY-MM-DD"';
/** The case metric of the small ledger: 承诺办理时限不超过5个工作日, judged case by case in working days. */
const CASE_METRIC = { unit: 'working-days', comparator: 'lte', target: 5 } as const;

/** Nest's console logger, keeping what it is asked to log as an error so that the test can read it. */
class KeptErrors extends ConsoleLogger {
  readonly errors: string[] = [];
  error(message: unknown, ...rest: unknown[]): void {
    this.errors.push(String(message));
    super.error(message, ...rest);
  }
}

/** The HTTP steps both scenarios take, on one running application. */
function harness(get: () => TestApp, adminToken: () => string) {
  const api = () => as(get().app, adminToken());
  return {
    nextScheduledRun: () => waitForScheduledRun(get().app),
    /** A small ledger (two tasks, four metrics) imported as that year's plan, as an admin does it: preview, then confirm. */
    importPlan: async (year: number): Promise<number> => {
      const preview = importLedger(
        get().app,
        adminToken(),
        Buffer.from(SMALL_LEDGER_ROWS.flat().join('\n')),
        `ledger-${year}.txt`,
        {
          code: `hongqiao-${year}`,
          title: `红桥区${year}年法治政府建设年度计划`,
          year: String(year),
          district: '红桥区',
        },
      );
      const seed = (await preview.expect(200)).body.seed;
      return (await api().post('/api/plans/import/confirm').send({ seed }).expect(201)).body.planId;
    },
    metricsOf: async (planId: number): Promise<MetricResponse[]> =>
      (await api().get(`/api/metrics?planId=${planId}`).expect(200)).body,
    historyOf: async (metricId: number): Promise<EvaluationResponse[]> =>
      (await api().get(`/api/metrics/${metricId}/evaluations`).expect(200)).body,
    tree: async (planId: number): Promise<PlanTreeResponse> =>
      (await api().get(`/api/plans/${planId}`).expect(200)).body,
    departmentId: async (name: string): Promise<number> => {
      const departments: Array<{ id: number; name: string }> = (await api().get('/api/departments').expect(200)).body;
      return departments.find((d) => d.name === name)!.id;
    },
  };
}

/**
 * An evaluation that throws, for real: a row corrupted in the database by hand. Someone "fixes" a case record of
 * 区司法局's November figures with a manual SQL UPDATE and leaves a start date that does not exist (2026-02-30).
 * The database takes it (a text column); nothing notices until the engine next judges that period, when the
 * domain's working-day count (judgeCase → countWorkingDays → parseIsoDate) throws InvalidDateError. Here that is
 * when the lead department (区政务服务办) reports its December cases of the same metric: a new figure marks the
 * metric's periods due, the write evaluates it at once (that evaluation sets the failing period aside silently)
 * and the scheduled cycle meets it.
 *
 * The failing period is logged and named (with its plan) in the cycle's result, writes no evaluation (it keeps the
 * one it had before the corruption), stays due and is tried again on every tick; the metric's other periods, the
 * plan's other metrics and the plans after it are evaluated all the same; once the clerk submits a correction (a
 * new revision, with its reason) it is evaluated and the cycles report no error.
 */
describe('an evaluation that throws', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2026-12-10', EVALUATION_CRON: EVERY_SECOND } });
  let admin: string;
  let sfj: string; // a clerk of 区司法局, responsible for the case metric
  let zwfwb: string; // a clerk of 区政务服务办, its lead department
  const departments = { sfj: 0, zwfwb: 0 };
  const logger = new KeptErrors('', { logLevels: ['error', 'warn'] });
  const plans: Record<2025 | 2026, number> = { 2025: 0, 2026: 0 };
  let caseMetric: MetricResponse;
  let corruptedId = 0;
  /** The case metric's November evaluations (every row, superseded ones too) as they stood before the corruption. */
  let novemberBefore: EvaluationResponse[] = [];
  const h = harness(
    () => t,
    () => admin,
  );
  const failuresLogged = () =>
    logger.errors.filter((e) => e.includes('Evaluation of plan hongqiao-2026 failed in part')).length;
  const query = <T = Record<string, unknown>>(sql: string): Promise<T[]> => t.app.get(DataSource).query(sql);
  /** The engine's own bookkeeping for the case metric: when each period is to be evaluated next (STALE_CHECK: at the next cycle). */
  const checks = async (): Promise<Record<string, string | null>> =>
    Object.fromEntries(
      (
        await query<{ period_key: string; check_on: string | null }>(
          `SELECT period_key, check_on FROM evaluation_checks WHERE metric_id = ${caseMetric.id}`,
        )
      ).map((r) => [r.period_key, r.check_on]),
    );
  const november = async () => (await h.historyOf(caseMetric.id)).filter((e) => e.period === '2026-11');
  const cases = (...c: Array<[reference: string, startDate: string, completedOn: string]>) =>
    c.map(([reference, startDate, completedOn]) => ({ reference, startDate, completedOn }));

  beforeAll(async () => {
    t.app.useLogger(logger);
    admin = await signInAdmin(t.app);
    // The failing plan first: a cycle that evaluates the healthy plan has met the failing one before it.
    plans[2026] = await h.importPlan(2026);
    caseMetric = (await h.metricsOf(plans[2026])).find((m) => m.unit === CASE_METRIC.unit)!;
    departments.sfj = await h.departmentId('区司法局');
    departments.zwfwb = await h.departmentId('区政务服务办');
    sfj = await createUser(t.app, admin, 'fault-sfj', 'department', departments.sfj);
    zwfwb = await createUser(t.app, admin, 'fault-zwfwb', 'department', departments.zwfwb);
  });

  it('takes valid case figures, then a manual SQL "fix" corrupts one; the database takes it and nothing notices yet', async () => {
    expect(caseMetric).toMatchObject(CASE_METRIC);
    expect((await h.nextScheduledRun()).error).toBeNull();
    const submitted = await as(t.app, sfj)
      .post('/api/submissions')
      .send({
        metricId: caseMetric.id,
        departmentId: departments.sfj,
        period: '2026-11',
        cases: cases(
          ['红桥审批〔2026〕101号', '2026-11-02', '2026-11-05'],
          ['红桥审批〔2026〕102号', '2026-11-16', '2026-11-20'],
        ),
      })
      .expect(201);
    expect(submitted.body.evaluation.department).toMatchObject({ status: 'green', basis: 'met', value: 100 });
    novemberBefore = await november();
    expect(novemberBefore.filter((e) => e.departmentId === departments.sfj && e.supersededAt === null)).toEqual([
      expect.objectContaining({ status: 'green' }),
    ]);

    // As an operator would type it: the second case's start date, botched.
    const [row] = await query<{ id: number }>(
      `SELECT c.id FROM submission_cases c JOIN submissions s ON s.id = c.submission_id WHERE s.id = ${Number(submitted.body.submission.id)} AND c.reference = '红桥审批〔2026〕102号'`,
    );
    corruptedId = Number(row.id);
    await query(`UPDATE submission_cases SET start_date = '2026-02-30' WHERE id = ${corruptedId}`);
    expect(await query(`SELECT start_date FROM submission_cases WHERE id = ${corruptedId}`)).toEqual([
      { start_date: '2026-02-30' },
    ]);

    // Nothing made November due again: the cycles have nothing to judge and report no error.
    expect((await h.nextScheduledRun()).error).toBeNull();
    expect(failuresLogged()).toBe(0);
    expect(await november()).toEqual(novemberBefore);
  });

  it('meets it once another figure makes the metric due: names the plan and the cause, logs it, evaluates everything else and marks nothing of that period', async () => {
    // The lead department reports its December cases: accepted and judged at once.
    const december = await as(t.app, zwfwb)
      .post('/api/submissions')
      .send({
        metricId: caseMetric.id,
        departmentId: departments.zwfwb,
        period: '2026-12',
        cases: cases(['红桥审批〔2026〕120号', '2026-12-01', '2026-12-04']),
      })
      .expect(201);
    expect(december.body.evaluation.department).toMatchObject({
      status: 'green',
      basis: 'met',
      value: 100,
      reasonZh: '1 件中 1 件符合 ≤ 5 个工作日（100%）',
    });
    // Another plan arrives, never evaluated: the next cycle meets the failing plan first, then evaluates this one.
    plans[2025] = await h.importPlan(2025);

    const run = await h.nextScheduledRun();
    expect(run).toMatchObject({ scope: 'due', error: `hongqiao-2026: ${CAUSE}` });
    expect(logger.errors).toContainEqual(
      expect.stringContaining(`Evaluation of plan hongqiao-2026 failed in part: ${CAUSE}`),
    );
    // What an operator sees: the health check reports the failed run.
    const health: HealthResponse = (await http(t.app).get('/api/health').expect(200)).body;
    expect(health.evaluation.lastRun?.error).toBe(`hongqiao-2026: ${CAUSE}`);

    // The 2025 plan, evaluated after the failing one in the same cycle: every metric red, nothing reported.
    expect((await h.tree(plans[2025])).counts).toEqual({ red: 4, amber: 0, green: 0, grey: 0 });
    // The failing period wrote nothing: November keeps exactly the evaluations it had before the corruption.
    expect(await november()).toEqual(novemberBefore);
    // The metric's other periods were judged: December by its lead department's new figure, the months nobody reported overdue.
    const history = await h.historyOf(caseMetric.id);
    const current = (period: string, departmentId: number | null) =>
      history.filter((e) => e.period === period && e.departmentId === departmentId && e.supersededAt === null);
    expect(current('2026-12', departments.zwfwb)).toEqual([expect.objectContaining({ status: 'green', basis: 'met' })]);
    expect(current('2026-12', null)).toEqual([
      expect.objectContaining({
        status: 'green',
        basis: 'met',
        reasonZh: '区政务服务办：1 件中 1 件符合 ≤ 5 个工作日（100%）',
      }),
    ]);
    expect(current('2026-10', null)).toEqual([expect.objectContaining({ status: 'red', basis: 'overdue' })]);
    // And the engine's bookkeeping agrees: of every period of every metric of both plans, that one alone is left due.
    const leftDue = await query<{ metric_id: number; period_key: string }>(
      `SELECT metric_id, period_key FROM evaluation_checks WHERE check_on = '${STALE_CHECK}'`,
    );
    expect(leftDue.map((r) => [Number(r.metric_id), r.period_key])).toEqual([[caseMetric.id, '2026-11']]);
  });

  it('stays due: the next ticks try it again, and fail again, while the cause remains', async () => {
    const failuresBefore = failuresLogged();
    for (let tick = 0; tick < 2; tick++) expect((await h.nextScheduledRun()).error).toBe(`hongqiao-2026: ${CAUSE}`);
    expect(failuresLogged()).toBeGreaterThanOrEqual(failuresBefore + 2);
    expect((await checks())['2026-11']).toBe(STALE_CHECK);
    expect(await november()).toEqual(novemberBefore);
  });

  it('is evaluated once the clerk submits a correction (a new revision with its reason), and the cycles report no error again', async () => {
    const corrected = cases(
      ['红桥审批〔2026〕101号', '2026-11-02', '2026-11-05'],
      ['红桥审批〔2026〕102号', '2026-11-16', '2026-11-23'],
    );
    const correction = { metricId: caseMetric.id, departmentId: departments.sfj, period: '2026-11', cases: corrected };
    // A correction without its reason is refused, and writes nothing.
    const submissionsBefore = Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM submissions'))[0].n);
    expectError(
      await as(t.app, sfj).post('/api/submissions').send(correction),
      400,
      'INVALID_INPUT',
      /更正理由/,
      /needs a reason/,
    );
    expect(Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM submissions'))[0].n)).toBe(submissionsBefore);

    const res = await as(t.app, sfj)
      .post('/api/submissions')
      .send({ ...correction, reason: '102号开始日期误改，按原始登记更正；办结日期 11-23' })
      .expect(201);
    expect(res.body.submission).toMatchObject({
      revision: 2,
      reason: '102号开始日期误改，按原始登记更正；办结日期 11-23',
    });
    // 16 → 23 November is 5 working days: still within the limit.
    expect(res.body.evaluation.department).toMatchObject({
      status: 'green',
      basis: 'met',
      value: 100,
      reasonZh: '2 件中 2 件符合 ≤ 5 个工作日（100%）',
    });

    expect((await h.nextScheduledRun()).error).toBeNull();
    const failuresAfter = failuresLogged();
    expect((await h.nextScheduledRun()).error).toBeNull();
    expect(failuresLogged()).toBe(failuresAfter);
    expect(
      (await h.historyOf(caseMetric.id)).filter(
        (e) => e.period === '2026-11' && e.departmentId === departments.sfj && e.supersededAt === null,
      ),
    ).toEqual([expect.objectContaining({ status: 'green', reasonZh: '2 件中 2 件符合 ≤ 5 个工作日（100%）' })]);
    expect((await checks())['2026-11']).not.toBe(STALE_CHECK);
    // The corrupted row stays as it was, in the superseded revision: the history is never rewritten.
    expect(await query(`SELECT start_date FROM submission_cases WHERE id = ${corruptedId}`)).toEqual([
      { start_date: '2026-02-30' },
    ]);
    const health: HealthResponse = (await http(t.app).get('/api/health').expect(200)).body;
    expect(health.evaluation.lastRun?.error).toBeNull();
  });
});

/**
 * What replaced the old fault (December figures due in January of a year the calendar did not know): every year
 * 2000–2101 has at least a provisional calendar, so December is judged at once and says it rests on a provisional
 * year; when the admin confirms that year's notice, the next tick judges it again on the official calendar. No
 * cycle fails on the way.
 */
describe('December figures due in a year known only provisionally', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2026-12-10', EVALUATION_CRON: EVERY_SECOND } });
  let admin: string;
  let plan = 0;
  const logger = new KeptErrors('', { logLevels: ['error', 'warn'] });
  const h = harness(
    () => t,
    () => admin,
  );
  /** Every metric's current evaluations of the period ending on 31 December 2026 (a month, a quarter or the year). */
  const december = async () => {
    const out: Array<{ code: string; rows: EvaluationResponse[] }> = [];
    for (const metric of await h.metricsOf(plan))
      out.push({
        code: metric.code,
        rows: (await h.historyOf(metric.id)).filter((e) => e.periodEnd === '2026-12-31' && e.supersededAt === null),
      });
    return out;
  };
  /** The 司法局's queue: each period's due date and whether it is counted on a provisional year. */
  const dueDates = async () => {
    const departments: Array<{ id: number; name: string }> = (
      await as(t.app, admin).get('/api/departments').expect(200)
    ).body;
    const departmentId = departments.find((d) => d.name === '区司法局')!.id;
    const queue = (await as(t.app, admin).get(`/api/queue?planId=${plan}&departmentId=${departmentId}`).expect(200))
      .body;
    return new Map<string, { dueDate: string; dueDateProvisional: boolean }>(
      queue.items.map((i: { metricCode: string; period: string; dueDate: string; dueDateProvisional: boolean }) => [
        `${i.metricCode} ${i.period}`,
        { dueDate: i.dueDate, dueDateProvisional: i.dueDateProvisional },
      ]),
    );
  };
  const NOTICE_2027 =
    '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦:1月1日(周五)至3日(周日)放假,共3天。\n二、春节:2月6日(周六)至13日(周六)放假调休,共8天。2月20日(周六)上班。';

  beforeAll(async () => {
    t.app.useLogger(logger);
    admin = await signInAdmin(t.app);
    plan = await h.importPlan(2026);
  });

  it('judges December at once on the provisional 2027 calendar, due 2027-01-08, and says so', async () => {
    expect((await as(t.app, admin).get('/api/calendar/years/2027').expect(200)).body.source).toBe('provisional');
    expect((await h.nextScheduledRun()).error).toBeNull();
    const rows = await december();
    for (const { code, rows: r } of rows) {
      expect({ code, evaluated: r.length > 0 }).toEqual({ code, evaluated: true });
      for (const e of r) {
        expect(e).toMatchObject({ status: 'grey', basis: 'not-due' });
        expect(e.reasonZh).toMatch(/报送截止 2027-01-08（按暂定日历计算）$/);
        expect(e.reasonEn).toMatch(/due by 2027-01-08 \(on the provisional calendar\)$/);
      }
    }
    // The clerk's queue says so too: December's due date may move when the notice comes, November's cannot.
    const due = await dueDates();
    expect(due.get('T001-1 2026-12')).toEqual({ dueDate: '2027-01-08', dueDateProvisional: true });
    expect(due.get('T001-1 2026-11')).toEqual({ dueDate: '2026-12-07', dueDateProvisional: false });
    expect(logger.errors).toEqual([]);
  });

  it('judges it again on the official calendar at the next tick once the admin confirms the 2027 notice', async () => {
    const confirmed = (
      await as(t.app, admin).post('/api/calendar/notices/confirm').send({ text: NOTICE_2027 }).expect(201)
    ).body;
    expect(confirmed).toMatchObject({ year: 2027 });
    expect((await as(t.app, admin).get('/api/calendar/years/2027').expect(200)).body.source).not.toBe('provisional');
    expect((await h.nextScheduledRun()).error).toBeNull();
    for (const { code, rows } of await december()) {
      expect({ code, evaluated: rows.length > 0 }).toEqual({ code, evaluated: true });
      for (const e of rows) {
        expect(e).toMatchObject({ status: 'grey', basis: 'not-due' });
        // 1–3 January off, as the provisional year had it: the same due date, no longer provisional.
        expect(e.reasonZh).toMatch(/报送截止 2027-01-08$/);
        expect(e.reasonEn).toMatch(/due by 2027-01-08$/);
        expect(e.reasonZh).not.toContain('按暂定日历计算');
      }
    }
    expect((await dueDates()).get('T001-1 2026-12')).toEqual({ dueDate: '2027-01-08', dueDateProvisional: false });
    expect((await h.nextScheduledRun()).error).toBeNull();
    expect(logger.errors).toEqual([]);
  });
});
