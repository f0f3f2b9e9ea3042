import { Injectable, Logger } from '@nestjs/common';
import {
  evaluateOverall,
  evaluatePeriod,
  recheckDateOverall,
  reportingPeriods,
  type DepartmentResult,
  type Evaluation,
} from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { groupBy } from '../common/group-by';
import { retryOnClash } from '../common/transaction-clash';
import { MetricsRepository } from '../metrics/metrics.repository';
import { planObligations } from '../metrics/plan-obligations';
import { toRuledMetric } from '../metrics/ruled-metric';
import type { PlanEntity } from '../plans/plan.entity';
import { PlansRepository } from '../plans/plans.repository';
import { outcomeOf, sameOutcome } from './evaluation-outcome';
import {
  EvaluationRepository,
  evaluationKey,
  figureKey,
  STALE_CHECK,
  type NewCheck,
  type NewEvaluation,
  type PeriodScope,
} from './evaluation.repository';

export interface CycleResult {
  /** full: every period of every plan; due: only what changed or what time moved (the scheduled cycle). */
  scope: 'full' | 'due';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  evaluated: number;
  changed: number;
  error: string | null;
}

/**
 * Runs the domain's rules over stored figures and persists what changed. A scheduled cycle evaluates only the
 * periods that need it: metrics never evaluated, periods whose figures, rule or calendar changed (marked in the
 * same transaction as the change), and periods whose check date has come (the domain's recheckDate: a due date
 * or a deadline passing, an open case running late). A full cycle evaluates everything, for benchmarks and
 * for an operator who wants to be sure. Writes are serialised in this process, so a cycle and an
 * evaluation-on-write never interleave.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);
  private queue: Promise<unknown> = Promise.resolve();
  lastRun: CycleResult | null = null;

  constructor(
    private readonly repository: EvaluationRepository,
    private readonly metrics: MetricsRepository,
    private readonly plans: PlansRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** A cycle over what is due (the default), or over every period of every plan. */
  runCycle(scope: CycleResult['scope'] = 'due'): Promise<CycleResult> {
    return this.serialised(async () => {
      const started = this.clock.now();
      let evaluated = 0;
      let changed = 0;
      const errors: string[] = [];
      const due = scope === 'due' ? await this.repository.dueForEvaluation(this.clock.today()) : null;
      const plans = await this.plans.findAllInIdOrder();
      // A plan (or a period of it) that cannot be evaluated, say a date beyond the calendar, must not stop the others; it stays due.
      for (const plan of plans) {
        const metrics = due ? due.get(plan.id) : undefined;
        if (due && !metrics) continue;
        let failures: string[];
        try {
          const r = await this.evaluatePlanRetrying(plan, metrics);
          evaluated += r.evaluated;
          changed += r.changed;
          failures = r.failures;
        } catch (e) {
          failures = [e instanceof Error ? e.message : String(e)];
        }
        if (failures.length) {
          errors.push(`${plan.code}: ${failures.join('; ')}`);
          this.logger.error(`Evaluation of plan ${plan.code} failed in part: ${failures.join('; ')}`);
        }
      }
      const error = errors.length ? errors.join('; ') : null;
      const finished = this.clock.now();
      this.lastRun = {
        scope,
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        durationMs: finished.getTime() - started.getTime(),
        evaluated,
        changed,
        error,
      };
      return this.lastRun;
    });
  }

  /** Re-evaluates some metrics of a plan at once (after a submission or a change of threshold). */
  evaluateMetrics(plan: PlanEntity, metricIds: number[]): Promise<PlanEvaluation> {
    return this.serialised(() => this.evaluatePlanRetrying(plan, new Map(metricIds.map((id) => [id, null]))));
  }

  /**
   * Another instance may write the same evaluations at the same moment; the database then refuses the second
   * current row (ux_evaluations_current) and this instance re-reads and tries again.
   */
  private evaluatePlanRetrying(plan: PlanEntity, scope?: Map<number, PeriodScope>): Promise<PlanEvaluation> {
    return retryOnClash(() => this.evaluatePlanNow(plan, scope));
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Evaluates a plan's metrics (all of them, or those in scope with their periods) and writes what changed. */
  private async evaluatePlanNow(plan: PlanEntity, scope?: Map<number, PeriodScope>): Promise<PlanEvaluation> {
    const { calendar, version } = await this.calendar.current();
    const ctx = { today: this.clock.today(), calendar };
    const loaded = await this.metrics.loadAssignments(plan.id, scope ? [...scope.keys()] : undefined);
    // A retired metric is judged no more: its last evaluations stay as its history.
    const { assigned } = loaded;
    const metrics = loaded.metrics.filter((m) => m.retiredAt === null);
    const metricIds = metrics.map((m) => m.id);
    const storedChecks = await this.repository.checksOf(metricIds);
    if (scope) {
      // A metric missing the check row of some period is evaluated whole, so that no period is left out for good.
      const rowsOf = groupBy([...storedChecks.keys()], (key) => Number(key.split(':')[0]));
      for (const m of metrics)
        if (scope.get(m.id) && (rowsOf.get(m.id)?.length ?? 0) < reportingPeriods(toRuledMetric(m), plan.year).length)
          scope.set(m.id, null);
    }
    const scopes = scope ? [...scope.values()] : [];
    // Read only the periods asked for when every metric in scope names its periods (a scheduled cycle, usually).
    const periodKeys =
      scope && scopes.every((p) => p !== null) ? [...new Set(scopes.flatMap((p) => [...p!]))] : undefined;
    const inputs = { metrics, assigned, ...(await this.repository.loadFigures(metricIds, periodKeys)) };
    const currentRows = await this.repository.currentForComparison(metricIds, { periodKeys });
    const current = new Map(currentRows.map((e) => [evaluationKey(e), e]));
    let evaluated = 0;
    const superseded: number[] = [];
    const inserted: NewEvaluation[] = [];
    const checks: NewCheck[] = [];
    const failures = new Set<string>();
    for (const { metric, rules: ruled, period, departments } of planObligations(plan.year, inputs, ctx.calendar)) {
      const periods = scope?.get(metric.id) ?? null;
      if (periods && !periods.has(period.key)) continue;
      const figures = departments.map((d) => inputs.figures.get(figureKey(metric.id, d.id, period.key)));
      const states = departments.map((d) => ({
        returned: inputs.returned.has(figureKey(metric.id, d.id, period.key)),
      }));
      let rows: Array<readonly [number | null, Evaluation]> = [];
      let checkOn: string | null;
      try {
        if (period.start <= ctx.today) {
          const results: DepartmentResult[] = departments.map((d, i) => ({
            department: d,
            figure: figures[i],
            evaluation: evaluatePeriod(ruled, period, figures[i], ctx, states[i]),
          }));
          rows = [
            ...results.map((r, i) => [departments[i].id, r.evaluation] as const),
            [null, evaluateOverall(ruled, period, results, ctx)] as const,
          ];
        }
        // A period not begun yet is checked the day it begins (recheckDateOverall answers its start).
        checkOn = recheckDateOverall(ruled, period, figures, ctx, states);
      } catch (error) {
        // One period the rules cannot judge (a due date beyond the calendar's years) must not stop the others:
        // it keeps what it had, is reported, and is tried again at every cycle until its cause is mended.
        failures.add(error instanceof Error ? error.message : String(error));
        const stored = storedChecks.get(`${metric.id}:${period.key}`);
        if (stored?.checkOn !== STALE_CHECK)
          checks.push({
            metricId: metric.id,
            periodKey: period.key,
            checkOn: STALE_CHECK,
            marks: stored?.marks ?? 0,
          });
        continue;
      }
      let changedHere = false;
      for (const [departmentId, e] of rows) {
        evaluated++;
        const row: NewEvaluation = {
          metricId: metric.id,
          departmentId,
          periodKey: period.key,
          periodEnd: period.end,
          ...outcomeOf(e),
        };
        const before = current.get(evaluationKey(row));
        if (before && sameOutcome(before, row)) continue;
        if (before) superseded.push(before.id);
        inserted.push(row);
        changedHere = true;
      }
      const stored = storedChecks.get(`${metric.id}:${period.key}`);
      if (changedHere || !stored || stored.checkOn !== checkOn)
        checks.push({ metricId: metric.id, periodKey: period.key, checkOn, marks: stored?.marks ?? 0 });
    }
    await this.repository.apply(
      plan.id,
      superseded,
      inserted,
      checks,
      this.clock.now().toISOString(),
      ctx.today,
      async (m) => (await this.calendar.versionIn(m)) === version,
    );
    return { evaluated, changed: inserted.length, failures: [...failures] };
  }
}

/** What evaluating a plan did; failures are the causes of the periods the rules could not judge. */
export interface PlanEvaluation {
  evaluated: number;
  changed: number;
  failures: string[];
}
