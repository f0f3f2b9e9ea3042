import type { HealthResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../src/auth/current-user';
import { Clock } from '../src/clock/clock';
import { EvaluationRepository } from '../src/evaluation/evaluation.repository';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import type { EvaluationResponse } from '../src/metrics/metrics.dto';
import { CreateSubmissionDto } from '../src/submissions/submissions.dto';
import { SubmissionsService } from '../src/submissions/submissions.service';
import {
  nextScheduledRun as waitForScheduledRun,
  as,
  countRows,
  createUser,
  duplicateCurrentEvaluations,
  http,
  metricsByCode,
  signInAdmin,
  waitFor,
} from './support';
import { useTestApp } from './test-app';

// Six fields: every second, so that the real cron job drives the test.
const EVERY_SECOND = '*/1 * * * * *';

/**
 * The scheduled evaluation on a real database and a real cron: time alone turns a missing figure
 * from "not yet due" to "overdue". 2020-09 ends on a Wednesday before the National Day holiday
 * (1–8 October), so its figures are due on the 5th working day after it: Wednesday 14 October.
 */
describe('scheduled evaluation', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2020-10-09', EVALUATION_CRON: EVERY_SECOND } });
  let metricId: number;
  let admin: string;
  // 区政务服务办 (department 1) reports T007-1.
  let department1: string;
  const CORRECTED = '核对后更正 / corrected after checking';
  /** Writes department 1's figures of T007-1, and only writes them: as if the writer died before evaluating them. */
  const writeOnly = async (figures: { period: string; numerator: number; denominator: number; reason?: string }) => {
    const submissions = t.app.get(SubmissionsService);
    const user: CurrentUser = { id: 1, username: 'admin', role: 'admin', departmentId: null };
    const prepared = await submissions.prepare(
      user,
      Object.assign(new CreateSubmissionDto(), { metricId, departmentId: 1, ...figures }),
    );
    await t.app.get(DataSource).transaction((m) => submissions.persist(m, user, prepared));
  };
  const health = async (): Promise<HealthResponse> => (await http(t.app).get('/api/health').expect(200)).body;
  const september = async (departmentId: number | null): Promise<EvaluationResponse> => {
    const history: EvaluationResponse[] = (
      await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations`).expect(200)
    ).body;
    const current = history.filter(
      (e) => e.period === '2020-09' && e.departmentId === departmentId && e.supersededAt === null,
    );
    expect(current).toHaveLength(1);
    return current[0];
  };
  const nextScheduledRun = () => waitForScheduledRun(t.app);

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    department1 = await createUser(t.app, admin, 'dept-1', 'department', 1);
    metricId = (await metricsByCode(t.app, admin)).get('T007-1')!.id;
  });

  it('reports the schedule in /api/health: the cron, the last run with its duration and counts, and the next run', async () => {
    const h = await health();
    expect(h).toMatchObject({ status: 'ok', demo: false, today: '2020-10-09', evaluation: { cron: EVERY_SECOND } });
    const last = h.evaluation.lastRun!;
    expect(last).toEqual({
      scope: 'due',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      durationMs: expect.any(Number),
      evaluated: expect.any(Number),
      changed: expect.any(Number),
      error: null,
    });
    expect(last.durationMs).toBe(Date.parse(last.finishedAt) - Date.parse(last.startedAt));
    expect(last.durationMs).toBeGreaterThanOrEqual(0);
    // The start evaluated everything; a scheduled cycle on the same day finds nothing due.
    expect(await nextScheduledRun()).toMatchObject({ scope: 'due', evaluated: 0, changed: 0, error: null });
    // 2020-01 to 2020-10 have begun for the monthly metrics: a full cycle evaluates thousands, and changes nothing.
    expect(await t.app.get(EvaluationService).runCycle('full')).toMatchObject({
      scope: 'full',
      evaluated: expect.any(Number),
      changed: 0,
      error: null,
    });
    expect(t.app.get(EvaluationService).lastRun!.evaluated).toBeGreaterThan(1000);
    const next = Date.parse(h.evaluation.nextRun!);
    expect(next).toBeGreaterThan(Date.now() - 1000);
    expect(next).toBeLessThanOrEqual(Date.now() + 2000);
  });

  it('shows September grey "awaiting figures" before the due date, and the cron job alone turns it red overdue after it', async () => {
    const waiting = {
      status: 'grey',
      basis: 'not-due',
      value: null,
      target: 80,
      reasonZh: '待报送，截止 2020-10-14',
      reasonEn: 'Awaiting figures, due by 2020-10-14',
    };
    expect(await september(1)).toMatchObject(waiting);
    expect(await september(null)).toMatchObject(waiting);
    const submissions = await countRows(t.app, 'submissions');
    const clock = t.app.get(Clock);

    // On the due date itself the figures are not late yet.
    clock.setToday('2020-10-14');
    const onDueDate = await nextScheduledRun();
    expect(onDueDate.error).toBeNull();
    expect(await september(1)).toMatchObject(waiting);
    const greyAt = (await september(1)).evaluatedAt;

    clock.setToday('2020-10-15');
    const red = await waitFor(async () => {
      const e = await september(1);
      return e.status === 'red' ? e : undefined;
    }, 5000);
    expect(red).toMatchObject({
      status: 'red',
      basis: 'overdue',
      value: null,
      target: 80,
      reasonZh: '逾期未报送：2020-09 的数据应于 2020-10-14 前报送',
      reasonEn: 'Overdue: the figures for 2020-09 were due by 2020-10-14',
    });
    expect(await september(null)).toMatchObject({
      status: 'red',
      basis: 'overdue',
      reasonZh: expect.stringMatching(/逾期未报送 2020-09 的数据$/),
    });
    // The grey evaluation stays in the history, superseded when the job saw the due date pass.
    const history: EvaluationResponse[] = (
      await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations?departmentId=1`).expect(200)
    ).body;
    expect(
      history
        .filter((e) => e.period === '2020-09')
        .map((e) => [e.basis, e.evaluatedAt === greyAt, e.supersededAt === red!.evaluatedAt]),
    ).toEqual([
      ['not-due', true, true],
      ['overdue', false, false],
    ]);
    expect(await countRows(t.app, 'submissions')).toBe(submissions);
    expect((await health()).today).toBe('2020-10-15');
  });

  it('never runs cycles over each other: concurrent runs and a submission all finish, one after another, with no duplicate current evaluation', async () => {
    const engine = t.app.get(EvaluationService);
    t.app.get(Clock).setToday('2020-11-20');
    const [a, posted, b] = await Promise.all([
      engine.runCycle(),
      as(t.app, department1)
        .post('/api/submissions')
        .send({ metricId, departmentId: 1, period: '2020-10', numerator: 9, denominator: 10 }),
      engine.runCycle(),
    ]);
    expect(posted.status).toBe(201);
    expect(posted.body.evaluation.department).toMatchObject({ status: 'green', basis: 'met', value: 90 });
    for (const r of [a, b]) expect(r.error).toBeNull();
    // Serialised: one cycle ends before the other begins.
    const [first, second] = [a, b].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
    expect(second.startedAt >= first.finishedAt).toBe(true);
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
    // The scheduled job keeps running alongside and still finds nothing to change.
    expect(await nextScheduledRun()).toMatchObject({ changed: 0, error: null });
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
    const october: EvaluationResponse[] = (
      await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations?departmentId=1`).expect(200)
    ).body;
    expect(october.filter((e) => e.period === '2020-10' && e.supersededAt === null)).toEqual([
      expect.objectContaining({ status: 'green', basis: 'met', value: 90 }),
    ]);
  });

  it('a scheduled cycle evaluates only what is due, yet decides day after day what a full cycle would', async () => {
    const engine = t.app.get(EvaluationService);
    const clock = t.app.get(Clock);
    let dueEvaluated = 0;
    let fullEvaluated = 0;
    // Seven weeks across a month end, due dates, a deadline (T049-1, 31 January) and the New Year holiday.
    for (
      let day = new Date('2020-12-10T00:00:00Z');
      day <= new Date('2021-01-28T00:00:00Z');
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      clock.setToday(day.toISOString().slice(0, 10));
      const due = await engine.runCycle();
      expect(due).toMatchObject({ scope: 'due', error: null });
      const full = await engine.runCycle('full');
      // Had the scheduled cycle missed anything time moved, the full one would change it.
      expect({ day: clock.today(), changed: full.changed, error: full.error }).toEqual({
        day: clock.today(),
        changed: 0,
        error: null,
      });
      dueEvaluated += due.evaluated;
      fullEvaluated += full.evaluated;
    }
    expect(dueEvaluated).toBeGreaterThan(0);
    expect(dueEvaluated).toBeLessThan(fullEvaluated / 5);
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
  });

  it('a figure written by a process that died before evaluating it is evaluated by the next scheduled cycle', async () => {
    const clock = t.app.get(Clock);
    clock.setToday('2021-01-28');
    await t.app.get(EvaluationService).runCycle();
    const december = async () =>
      (await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations?departmentId=1`).expect(200)).body.filter(
        (e: EvaluationResponse) => e.period === '2020-12' && e.supersededAt === null,
      );
    expect(await december()).toEqual([expect.objectContaining({ status: 'red', basis: 'overdue' })]);
    // The write alone, as if the process died before the evaluation that follows it.
    await writeOnly({ period: '2020-12', numerator: 10, denominator: 10 });
    // Nothing here evaluates it: the cron job (every second in this test) does.
    await nextScheduledRun();
    expect(await december()).toEqual([expect.objectContaining({ status: 'green', basis: 'met', value: 100 })]);
  });

  /**
   * A figure written (only written, as if its writer died before evaluating it) after a cycle has read the metric's
   * figures and before that cycle writes what it concluded, on 2020-11 for department 1; then the next cron tick.
   */
  const figureWrittenMidCycle = async (before: () => Promise<void>) => {
    const clock = t.app.get(Clock);
    clock.setToday('2021-01-28');
    const engine = t.app.get(EvaluationService);
    await engine.runCycle();
    // The cron's cycle or the one below, whichever evaluates the metric first: nothing else is due on this day.
    const repository = t.app.get(EvaluationRepository);
    const readFigures = repository.loadFigures;
    let landedMidCycle = false;
    repository.loadFigures = async function (...args: Parameters<typeof readFigures>) {
      const figures = await readFigures.apply(this, args);
      repository.loadFigures = readFigures;
      await writeOnly({ period: '2020-11', numerator: 10, denominator: 10, reason: CORRECTED });
      landedMidCycle = true;
      return figures;
    };
    await before();
    expect((await engine.runCycle()).error).toBeNull();
    expect(landedMidCycle).toBe(true);
    await nextScheduledRun();
    return (await as(t.app, admin).get(`/api/metrics/${metricId}/evaluations?departmentId=1`).expect(200)).body.filter(
      (e: EvaluationResponse) => e.period === '2020-11' && e.supersededAt === null,
    );
  };

  it('a figure written while a cycle evaluates its metric from older figures stays due, though its writer died before evaluating it', async () => {
    // An older figure the cycle evaluates (its stale mark is what brings the metric into the cycle).
    const older = () => writeOnly({ period: '2020-11', numerator: 5, denominator: 10, reason: CORRECTED });
    expect(await figureWrittenMidCycle(older)).toEqual([
      expect.objectContaining({ status: 'green', basis: 'met', value: 100 }),
    ]);
  });

  it('the same for a metric never evaluated, whose periods have no check row when the cycle reads them', async () => {
    const ds = t.app.get(DataSource);
    const forget = async () => {
      await ds.query(`DELETE FROM evaluation_checks WHERE metric_id = ${metricId}`);
    };
    // 3 of 10 first: the figure the cycle reads and evaluates; then 10 of 10 lands mid-cycle.
    await writeOnly({ period: '2020-11', numerator: 3, denominator: 10, reason: CORRECTED });
    await t.app.get(EvaluationService).runCycle();
    expect(await figureWrittenMidCycle(forget)).toEqual([
      expect.objectContaining({ status: 'green', basis: 'met', value: 100 }),
    ]);
  });

  it('evaluates a metric whole when one of its periods has lost its check row, so that period is never left out', async () => {
    const ds = t.app.get(DataSource);
    const engine = t.app.get(EvaluationService);
    const clock = t.app.get(Clock);
    clock.setToday('2021-01-28');
    await engine.runCycle();
    // A period's row gone (as a calendar change used to do while a cycle ran): the metric still has its other rows.
    await ds.query(`DELETE FROM evaluation_checks WHERE metric_id = ${metricId} AND period_key = '2020-11'`);
    await ds.query(
      `UPDATE evaluation_checks SET check_on = '0000-01-01' WHERE metric_id = ${metricId} AND period_key = '2020-12'`,
    );
    await engine.runCycle();
    expect(
      Number((await ds.query(`SELECT COUNT(*) AS n FROM evaluation_checks WHERE metric_id = ${metricId}`))[0].n),
    ).toBe(12);
    expect((await engine.runCycle('full')).changed).toBe(0);
  });
});
