import { Injectable, Logger } from '@nestjs/common';
import { evaluateOverall, evaluatePeriod, reportingPeriods, type DepartmentResult, type Evaluation, type RuledMetric } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import type { MetricEntity } from '../metrics/metric.entity';
import { PlanEntity } from '../plans/plan.entity';
import { EvaluationRepository, evaluationKey, figureKey, type NewEvaluation } from './evaluation.repository';

export interface CycleResult {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  evaluated: number;
  changed: number;
  error: string | null;
}

/**
 * Runs the domain's rules over stored figures and persists what changed. Every period that has begun
 * is evaluated as of today, so time alone (a due date passing) changes statuses. Writes are serialised
 * in this process, so a cycle and an evaluation-on-write never interleave.
 */
@Injectable()
export class EvaluationService {
  private readonly logger = new Logger(EvaluationService.name);
  private queue: Promise<unknown> = Promise.resolve();
  lastRun: CycleResult | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EvaluationRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** A full cycle over every plan. */
  runCycle(): Promise<CycleResult> {
    return this.serialised(async () => {
      const started = this.clock.now();
      let evaluated = 0;
      let changed = 0;
      const errors: string[] = [];
      // One plan that cannot be evaluated (say, a date beyond the calendar) must not stop the others.
      for (const plan of await this.dataSource.manager.find(PlanEntity)) {
        try {
          const r = await this.evaluatePlanRetrying(plan);
          evaluated += r.evaluated;
          changed += r.changed;
        } catch (e) {
          errors.push(`${plan.code}: ${e instanceof Error ? e.message : String(e)}`);
          this.logger.error(`Evaluation of plan ${plan.code} failed: ${errors.at(-1)}`);
        }
      }
      const error = errors.length ? errors.join('; ') : null;
      const finished = this.clock.now();
      this.lastRun = { startedAt: started.toISOString(), finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime(), evaluated, changed, error };
      return this.lastRun;
    });
  }

  /** Re-evaluates some metrics of a plan at once (after a submission or a change of threshold). */
  evaluateMetrics(plan: PlanEntity, metricIds: number[]): Promise<{ evaluated: number; changed: number }> {
    return this.serialised(() => this.evaluatePlanRetrying(plan, metricIds));
  }

  /**
   * Another instance may write the same evaluations at the same moment; the database then refuses the second
   * current row (ux_evaluations_current) and this instance re-reads and tries again.
   */
  private async evaluatePlanRetrying(plan: PlanEntity, metricIds?: number[]): Promise<{ evaluated: number; changed: number }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.evaluatePlanNow(plan, metricIds);
      } catch (error) {
        const e = error as { code?: string; driverError?: { code?: string } };
        const code = e?.driverError?.code ?? e?.code;
        if (attempt >= 3 || (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== '23505')) throw error;
      }
    }
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async evaluatePlanNow(plan: PlanEntity, metricIds?: number[]): Promise<{ evaluated: number; changed: number }> {
    const ctx = { today: this.clock.today(), calendar: await this.calendar.calendar() };
    const inputs = await this.repository.loadInputs(plan.id, metricIds);
    const computed: NewEvaluation[] = [];
    for (const metric of inputs.metrics) {
      const ruled = toRuledMetric(metric);
      const departments = inputs.assigned.get(metric.id) ?? [];
      for (const period of reportingPeriods(ruled, plan.year)) {
        if (period.start > ctx.today) continue;
        const results: DepartmentResult[] = departments.map((d) => {
          const figure = inputs.figures.get(figureKey(metric.id, d.id, period.key));
          return { department: d, figure, evaluation: evaluatePeriod(ruled, period, figure, ctx) };
        });
        const row = (departmentId: number | null, e: Evaluation): NewEvaluation => ({
          metricId: metric.id, departmentId, periodKey: period.key, periodEnd: period.end,
          status: e.status, basis: e.basis, value: e.value, target: e.target, reasonZh: e.reasonZh, reasonEn: e.reasonEn,
        });
        results.forEach((r, i) => computed.push(row(departments[i].id, r.evaluation)));
        computed.push(row(null, evaluateOverall(ruled, period, results, ctx)));
      }
    }
    const current = new Map((await this.repository.currentForComparison(inputs.metrics.map((m) => m.id))).map((e) => [evaluationKey(e), e]));
    const superseded: number[] = [];
    const inserted: NewEvaluation[] = [];
    for (const e of computed) {
      const before = current.get(evaluationKey(e));
      if (before && sameEvaluation(before, e)) continue;
      if (before) superseded.push(before.id);
      inserted.push(e);
    }
    await this.repository.apply(superseded, inserted, this.clock.now().toISOString());
    return { evaluated: computed.length, changed: inserted.length };
  }
}

/** Re-evaluating unchanged data writes nothing: only a different outcome is a change. */
type Compared = Pick<NewEvaluation, 'status' | 'basis' | 'value' | 'target' | 'reasonZh' | 'reasonEn'>;
function sameEvaluation(a: Compared, b: Compared): boolean {
  return a.status === b.status && a.basis === b.basis && a.value === b.value && a.target === b.target && a.reasonZh === b.reasonZh && a.reasonEn === b.reasonEn;
}

export function toRuledMetric(m: MetricEntity): RuledMetric {
  return {
    code: m.code, name: m.name, nameEn: m.nameEn, kind: m.kind, comparator: m.comparator, target: m.target, unit: m.unit,
    period: m.period, deadline: m.deadline, frequency: m.frequency, tolerance: m.tolerance, dueWorkingDays: m.dueWorkingDays,
    warnWorkingDays: m.warnWorkingDays, consolidated: m.consolidated,
  };
}
