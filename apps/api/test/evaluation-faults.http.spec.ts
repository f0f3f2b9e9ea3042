import { ConsoleLogger } from '@nestjs/common';
import type { HealthResponse, PlanTreeResponse } from '@taizhang/contracts';
import type { EvaluationResponse, MetricResponse } from '../src/metrics/metrics.dto';
import { SMALL_LEDGER_ROWS } from './plan-import-files';
import { DataSource } from 'typeorm';
import { nextScheduledRun as waitForScheduledRun, as, createUser, expectError, http, signInAdmin } from './support';
import { freshDatabase, startTestApp, type TestApp, type TestDatabase } from './test-app';

// Six fields: every second, so that the real cron job drives the test.
const EVERY_SECOND = '*/1 * * * * *';
const CAUSE = 'Date 2027-01-01 is outside the years the working-day calendar knows (2020–2026)';

/** Nest's console logger, keeping what it is asked to log as an error so that the test can read it. */
class KeptErrors extends ConsoleLogger {
  readonly errors: string[] = [];
  error(message: unknown, ...rest: unknown[]): void {
    this.errors.push(String(message));
    super.error(message, ...rest);
  }
}

/**
 * An evaluation that throws, for real: on 10 December 2026 the December figures of a 2026 plan are due on the 5th
 * working day of January 2027, a year the working-day calendar does not know until the admin adds the State
 * Council's notice for it. The failing period is logged and named (with its plan) in the cycle's result, marks
 * nothing, stays due and is tried again on every tick; the plan's other periods and the plans after it are evaluated
 * all the same; once the year is added it is evaluated.
 */
describe('an evaluation that throws', () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: string;
  const logger = new KeptErrors('', { logLevels: ['error', 'warn'] });
  const plans: Record<2025 | 2026, number> = { 2025: 0, 2026: 0 };

  const nextScheduledRun = () => waitForScheduledRun(t.app);
  /** A small ledger (two tasks, four metrics) imported as that year's plan, as an admin does it: preview, then confirm. */
  const importPlan = async (year: number): Promise<number> => {
    const preview = as(t.app, admin).post('/api/plans/import').attach('file', Buffer.from(SMALL_LEDGER_ROWS.flat().join('\n')), `ledger-${year}.txt`);
    for (const [k, v] of Object.entries({ code: `hongqiao-${year}`, title: `红桥区${year}年法治政府建设年度计划`, year: String(year), district: '红桥区' })) preview.field(k, v);
    const seed = (await preview.expect(200)).body.seed;
    return (await as(t.app, admin).post('/api/plans/import/confirm').send({ seed }).expect(201)).body.planId;
  };
  const metricsOf = async (planId: number): Promise<MetricResponse[]> => (await as(t.app, admin).get(`/api/metrics?planId=${planId}`).expect(200)).body;
  const historyOf = async (metricId: number): Promise<EvaluationResponse[]> => (await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations`).expect(200)).body;
  const tree = async (planId: number): Promise<PlanTreeResponse> => (await as(t.app, admin).get(`/api/plans/${planId}`).expect(200)).body;

  beforeAll(async () => {
    db = await freshDatabase();
    t = await startTestApp(db, { demo: false, env: { FIXED_TODAY: '2026-12-10', EVALUATION_CRON: EVERY_SECOND } });
    t.app.useLogger(logger);
    admin = await signInAdmin(t.app);
    // The failing plan first: every tick that evaluates the healthy plan has met the failing one before it.
    plans[2026] = await importPlan(2026);
    plans[2025] = await importPlan(2025);
  });
  afterAll(async () => {
    await t.stop();
    await db.drop();
  });

  it('names the failing plan and its cause, logs it, evaluates the other plans and periods and marks nothing of the failing period', async () => {
    const run = await nextScheduledRun();
    expect(run).toMatchObject({ scope: 'due', error: `hongqiao-2026: ${CAUSE}` });
    expect(logger.errors).toContainEqual(expect.stringContaining(`Evaluation of plan hongqiao-2026 failed in part: ${CAUSE}`));
    // What an operator sees: the health check reports the failed run.
    const health: HealthResponse = (await http(t.app).get('/api/health').expect(200)).body;
    expect(health.evaluation.lastRun?.error).toContain('hongqiao-2026: ');

    // The 2025 plan, evaluated after the failing one in the same cycles: every metric red, nothing reported.
    expect((await tree(plans[2025])).counts).toEqual({ red: 4, amber: 0, green: 0, grey: 0 });
    // The 2026 plan: the periods whose due dates the calendar knows are judged (overdue: nobody reported);
    // December, due in January 2027, has no evaluation at all, so nothing green (nor any other colour) stands for it.
    for (const metric of await metricsOf(plans[2026])) {
      const history = await historyOf(metric.id);
      expect({ code: metric.code, december: history.filter((e) => e.period === '2026-12') }).toEqual({ code: metric.code, december: [] });
      if (metric.code === 'T001-1') expect(history.filter((e) => e.period === '2026-11' && e.departmentId === null)).toEqual([expect.objectContaining({ status: 'red', basis: 'overdue' })]);
    }
    expect((await tree(plans[2026])).counts.green).toBe(0);
  });

  it('stays due: the next ticks try it again, and fail again, while the cause remains', async () => {
    const failuresBefore = logger.errors.filter((e) => e.includes('Evaluation of plan hongqiao-2026 failed in part')).length;
    for (let tick = 0; tick < 2; tick++) expect((await nextScheduledRun()).error).toBe(`hongqiao-2026: ${CAUSE}`);
    expect(logger.errors.filter((e) => e.includes('Evaluation of plan hongqiao-2026 failed in part')).length).toBeGreaterThanOrEqual(failuresBefore + 2);
  });

  it('takes a figure for a period it can judge (201, evaluated), refuses one whose due date it cannot know (400), saving nothing then', async () => {
    const metric = (await metricsOf(plans[2026])).find((m) => m.code === 'T001-1')!;
    const departments: Array<{ id: number; name: string }> = (await as(t.app, admin).get('/api/departments').expect(200)).body;
    const departmentId = departments.find((d) => d.name === '区司法局')!.id;
    const clerk = await createUser(t.app, admin, 'gap-clerk', 'department', departmentId);
    const count = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM submissions'))[0].n);
    const before = await count();
    const november = await as(t.app, clerk).post('/api/submissions').send({ metricId: metric.id, departmentId, period: '2026-11', numerator: 10, denominator: 10 });
    expect(november.status).toBe(201);
    expect(november.body.evaluation.department).toMatchObject({ status: 'green', value: 100 });
    expect(await count()).toBe(before + 1);
    expectError(await as(t.app, clerk).post('/api/submissions').send({ metricId: metric.id, departmentId, period: '2026-12', numerator: 9, denominator: 10 }), 400, 'DATE_OUTSIDE_CALENDAR', /2027-01-01/, /2027-01-01/);
    expect(await count()).toBe(before + 1);
  });

  it('is evaluated by the next tick once the admin adds 2027 to the calendar, with due dates from the new year', async () => {
    await as(t.app, admin).put('/api/calendar/years/2027').send({ holidays: ['2027-01-01'], makeUpWorkdays: [], source: '国办发明电〔2026〕测试' }).expect(200);
    expect((await nextScheduledRun()).error).toBeNull();
    const metrics = await metricsOf(plans[2026]);
    for (const metric of metrics) expect({ code: metric.code, evaluated: (await historyOf(metric.id)).length > 0 }).toEqual({ code: metric.code, evaluated: true });
    // December runs until the 31st; its figures are due on the 5th working day after it, 1 January 2027 being a holiday.
    const december = (await historyOf(metrics.find((m) => m.code === 'T001-1')!.id)).filter((e) => e.period === '2026-12' && e.supersededAt === null);
    // Two departments report it (区政务服务办 leads, 区司法局 is responsible), and the overall row.
    expect(december).toHaveLength(3);
    for (const e of december) {
      expect(e).toMatchObject({ status: 'grey', basis: 'not-due', reasonZh: expect.stringMatching(/2026-12 尚未结束，报送截止 2027-01-08$/), reasonEn: expect.stringMatching(/2026-12 is still running; figures due by 2027-01-08$/) });
    }
    // Nobody reported anything: nothing is green now either.
    expect((await tree(plans[2026])).counts.green).toBe(0);
    expect((await nextScheduledRun()).error).toBeNull();
  });
});
