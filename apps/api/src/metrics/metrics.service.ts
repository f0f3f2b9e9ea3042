import { Injectable } from '@nestjs/common';
import type { MetricPreviewResponse, MetricSeriesResponse, SeriesPoint } from '@taizhang/contracts';
import {
  caseShareBand,
  latestPeriodRows,
  monthEndOfKey,
  previewRuleChange,
  reportingPeriods,
  toleranceBand,
} from '@taizhang/domain';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { assertReporter, departmentFilter, seesDepartment } from '../auth/department-scope';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { EvaluationRepository, figureKey } from '../evaluation/evaluation.repository';
import { CalendarService } from '../calendar/calendar.service';
import { checkMonthOfPlan } from '../plans/plan-period';
import { PlanTreeService } from '../plans/plan-tree.service';
import { EvaluationService } from '../evaluation/evaluation.service';
import { toRuledMetric } from './ruled-metric';
import { ForecastService } from '../evaluation/forecast.service';
import { MetricEntity } from './metric.entity';
import { MetricsRepository } from './metrics.repository';
import { checkRuleChange, retirePeriods } from './metric-rule-change';
import { replaceReportingDepartments } from './reporting-departments.repository';
import {
  toEvaluationResponse,
  toMetricResponse,
  type EvaluationResponse,
  type ListMetricsQueryDto,
  type MetricResponse,
  type UpdateMetricDto,
} from './metrics.dto';
import { groupBy } from '../common/group-by';

@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRepository,
    private readonly transactions: Transactions,
    private readonly evaluations: EvaluationRepository,
    private readonly evaluation: EvaluationService,
    private readonly forecasts: ForecastService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly planTree: PlanTreeService,
    private readonly calendar: CalendarService,
  ) {}

  /** A department user sees only the metrics assigned to their department, and only their own evaluations. */
  async list(user: CurrentUser, q: ListMetricsQueryDto): Promise<MetricResponse[]> {
    q = { ...q, departmentId: departmentFilter(user, q.departmentId) };
    const metrics = await this.metrics.findLive(q.planId);
    const shown = await this.shownIn(
      q.planId,
      q.period,
      () => this.evaluations.currentOfPlan(q.planId),
      (e) => `${e.metricId}:${e.departmentId ?? '*'}`,
    );
    // Grouped once, so that each metric does not scan every department row of the plan.
    const visible = [...shown.values()].filter((e) => e.departmentId !== null && seesDepartment(user, e.departmentId));
    const departmentRows = groupBy(visible, (e) => e.metricId);
    return metrics
      .map((m) => {
        const departments = (departmentRows.get(m.id) ?? []).map(toEvaluationResponse);
        const overall = shown.get(`${m.id}:*`);
        // Filtered by department, the status shown is that department's own.
        const current = q.departmentId
          ? (departments.find((d) => d.departmentId === q.departmentId) ?? null)
          : overall
            ? toEvaluationResponse(overall)
            : null;
        return toMetricResponse(m, current, departments);
      })
      .filter(
        (m) =>
          (q.departmentId === undefined || m.departments.some((d) => d.departmentId === q.departmentId)) &&
          (q.status === undefined || m.current?.status === q.status),
      );
  }

  /** The metric with its status as of today, or as the plan tree shows the month `period`. */
  async get(user: CurrentUser, id: number, period?: string): Promise<MetricResponse> {
    const metric = await this.find(id);
    await this.assertAssigned(user, metric);
    const rows = await this.evaluations.current([id]);
    const shown = await this.shownIn(
      metric.planId,
      period,
      async () => rows,
      (e) => `${e.departmentId ?? '*'}`,
    );
    const overall = shown.get('*');
    const departments = [...shown.values()].filter(
      (e) => e.departmentId !== null && seesDepartment(user, e.departmentId),
    );
    const plan = await this.planTree.findPlan(metric.planId);
    const forecast = await this.forecasts.ofMetric(metric, plan.year, rows, overall?.periodKey ?? null);
    const reporting = (await this.metrics.loadAssignments(metric.planId, [id])).assigned.get(id) ?? [];
    return {
      ...toMetricResponse(
        metric,
        overall ? toEvaluationResponse(overall) : null,
        departments.map(toEvaluationResponse),
      ),
      forecast,
      reportingDepartments: reporting.map((d) => ({ id: d.id, code: d.code, name: d.name })),
    };
  }

  async history(user: CurrentUser, id: number, departmentId?: number): Promise<EvaluationResponse[]> {
    const metric = await this.find(id);
    await this.assertAssigned(user, metric);
    return (await this.evaluations.history(id, departmentFilter(user, departmentId))).map(toEvaluationResponse);
  }

  /** The figures per period for the metric chart: overall and one series per department, with target and band. */
  async series(user: CurrentUser, id: number): Promise<MetricSeriesResponse> {
    const metric = await this.find(id);
    await this.assertAssigned(user, metric);
    const inputs = await this.metrics.loadAssignments(metric.planId, [metric.id]);
    const rows = (await this.evaluations.current([id])).sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
    const point = (e: (typeof rows)[number]): SeriesPoint => ({
      period: e.periodKey,
      periodEnd: e.periodEnd,
      value: e.value,
      target: e.target,
      status: e.status,
    });
    const cases = metric.kind === 'case';
    const departments = (inputs.assigned.get(id) ?? []).filter((d) => seesDepartment(user, d.id));
    const byDepartment = groupBy(rows, (e) => e.departmentId);
    return {
      metricId: id,
      unit: cases ? 'percent' : metric.unit,
      comparator: cases ? 'gte' : metric.comparator,
      target: cases ? 100 : metric.target,
      // Cases are charted as the share of compliant cases against 100%, with the band evaluatePeriod judges them by.
      band: cases ? caseShareBand(metric) : metric.kind === 'deadline' ? null : toleranceBand(metric),
      overall: rows.filter((e) => e.departmentId === null).map(point),
      departments: departments.map((d) => ({
        id: d.id,
        code: d.code,
        name: d.name,
        points: (byDepartment.get(d.id) ?? []).map(point),
      })),
    };
  }

  /** Changes a threshold or rule, then re-evaluates: the old evaluations stay in the history. */
  async update(user: CurrentUser, id: number, dto: UpdateMetricDto): Promise<MetricResponse> {
    const metric = await this.find(id);
    const { sent, columns, reporters } = checkRuleChange(metric, dto);
    if (reporters) await this.metrics.checkReportingDepartments(reporters);
    const plan = await this.planTree.findPlan(metric.planId);
    const changed: MetricEntity = Object.assign(new MetricEntity(), metric, columns);
    await withPlanLock(this.transactions, plan.id, async (m) => {
      if (Object.keys(columns).length) await this.metrics.update(id, columns, m);
      const before: Record<string, unknown> = Object.fromEntries(
        Object.keys(columns).map((k) => [k, metric[k as keyof MetricEntity]]),
      );
      const at = this.clock.now().toISOString();
      if (reporters) before.reportingDepartmentIds = await replaceReportingDepartments(m, id, reporters, at);
      const keys =
        changed.frequency !== metric.frequency
          ? await retirePeriods(m, changed, plan.year, at)
          : reportingPeriods(toRuledMetric(changed), plan.year).map((p) => p.key);
      await EvaluationRepository.markStale(m, id, keys);
      await this.audit.record(
        user,
        { kind: 'write', action: 'update metric', entity: 'metric', entityId: id, before, after: sent },
        m,
      );
    });
    await this.evaluation.evaluateMetrics(plan, [id]);
    return this.get(user, id);
  }

  /** What saving the same change would do to the statuses, judged by the domain on the stored figures; writes nothing. */
  async preview(id: number, dto: UpdateMetricDto): Promise<MetricPreviewResponse> {
    const metric = await this.find(id);
    const { columns, reporters } = checkRuleChange(metric, dto);
    if (reporters) await this.metrics.checkReportingDepartments(reporters);
    const plan = await this.planTree.findPlan(metric.planId);
    const { calendar } = await this.calendar.current();
    const before = (await this.metrics.loadAssignments(metric.planId, [id])).assigned.get(id) ?? [];
    const after = reporters ? await this.metrics.proposedReporters(metric, reporters) : before;
    const { figures, returned } = await this.evaluations.loadFigures([id]);
    const result = previewRuleChange({
      before: { metric: toRuledMetric(metric), departments: before },
      after: { metric: toRuledMetric(Object.assign(new MetricEntity(), metric, columns)), departments: after },
      year: plan.year,
      ctx: { today: this.clock.today(), calendar },
      figureOf: (departmentId, periodKey) => figures.get(figureKey(id, departmentId, periodKey)),
      stateOf: (departmentId, periodKey) => ({ returned: returned.has(figureKey(id, departmentId, periodKey)) }),
    });
    const names = new Map([...before, ...after].map((d) => [d.id, d.name]));
    return {
      metricId: id,
      unchanged: result.unchanged,
      changes: result.changes.map((c) => ({
        period: c.periodKey,
        departmentId: c.departmentId,
        departmentName: c.departmentId === null ? null : (names.get(c.departmentId) ?? null),
        before: c.before,
        after: c.after,
        reasonZh: c.reasonZh,
        reasonEn: c.reasonEn,
      })),
    };
  }

  /**
   * The evaluation shown per key: as of today without a month; with one, as the plan tree shows that month
   * (a past month what had ended by its last day, the current month also what is running), so that a page
   * opened from the overview at 2020-06 says what the overview said.
   */
  private async shownIn(
    planId: number,
    month: string | undefined,
    load: () => Promise<EvaluationEntity[]>,
    keyOf: (e: EvaluationEntity) => string,
  ): Promise<Map<string, EvaluationEntity>> {
    const today = this.clock.today();
    if (month === undefined) return latestPeriodRows(await load(), keyOf, today);
    checkMonthOfPlan(await this.planTree.findPlan(planId), month);
    const asOf = monthEndOfKey(month);
    return latestPeriodRows(await load(), keyOf, asOf, asOf >= today);
  }

  /** A department user may read a metric only when their department reports it. */
  private async assertAssigned(user: CurrentUser, metric: MetricEntity): Promise<void> {
    if (user.role !== 'department') return;
    const inputs = await this.metrics.loadAssignments(metric.planId, [metric.id]);
    assertReporter(user, inputs.assigned.get(metric.id) ?? []);
  }

  private async find(id: number): Promise<MetricEntity> {
    const metric = await this.metrics.findById(id);
    if (!metric) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的指标`, `No metric with id ${id}`);
    return metric;
  }
}
