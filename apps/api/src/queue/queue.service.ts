import { Injectable } from '@nestjs/common';
import type { QueueItem, QueueResponse } from '@taizhang/contracts';
import {
  acceptedFigureTypes,
  compareQueueItems,
  formatTarget,
  obligationsOf,
  queueState,
  ratioLabels,
  selectQueue,
  type QueueFilter,
} from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { MetricsRepository } from '../metrics/metrics.repository';
import { planObligations } from '../metrics/plan-obligations';
import { PlansRepository } from '../plans/plans.repository';
import { SubmissionsRepository } from '../submissions/submissions.repository';

@Injectable()
export class QueueService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly metrics: MetricsRepository,
    private readonly submissions: SubmissionsRepository,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * One tab, search and page of the list, with the count of every tab. Every item is worked out in memory (one set of
   * queries, whatever the page): the counts need them all, and the page is what keeps the answer small (sfj: 435 items,
   * 279 kB of JSON as one list; a page of 20 is about 13 kB).
   */
  async list(
    planId: number,
    departmentId: number,
    query: { state?: QueueFilter; q?: string; page?: number; pageSize?: number },
  ): Promise<QueueResponse> {
    const all = await this.forDepartment(planId, departmentId);
    const q = query.q?.trim() ?? '';
    const filter = query.state ?? 'all';
    const selection = selectQueue(all.items, { filter, q, page: query.page, pageSize: query.pageSize }, all.today);
    return { ...all, filter, q, ...selection };
  }

  /** Every item of the department, most urgent first. */
  async forDepartment(
    planId: number,
    departmentId: number,
  ): Promise<Pick<QueueResponse, 'planId' | 'departmentId' | 'departmentName' | 'today' | 'items'>> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的计划`, `No plan with id ${planId}`);
    const inputs = await this.metrics.loadAssignments(plan.id);
    const metrics = inputs.metrics.filter((m) => (inputs.assigned.get(m.id) ?? []).some((d) => d.id === departmentId));
    const department = metrics.flatMap((m) => inputs.assigned.get(m.id) ?? []).find((d) => d.id === departmentId);
    const ctx = { today: this.clock.today(), calendar: await this.calendar.calendar() };
    const [latest, current] = await Promise.all([
      this.submissions.latestWithReturns(
        metrics.map((m) => m.id),
        departmentId,
      ),
      // The department's own rows only: the others' evaluations of the same metrics are no part of its queue.
      this.evaluations.currentForComparison(
        metrics.map((m) => m.id),
        { departmentId },
      ),
    ]);
    const evaluationOf = new Map(current.map((e) => [`${e.metricId}:${e.periodKey}`, e]));
    const items: QueueItem[] = [];
    for (const { metric, rules, period, dueDate: due } of obligationsOf(
      planObligations(plan.year, { metrics, assigned: inputs.assigned }, ctx.calendar),
      departmentId,
    )) {
      // Not begun, nothing owed yet; a due date beyond the calendar's years cannot be shown until the year is added.
      if (period.start > ctx.today || due === null) continue;
      const accepts = acceptedFigureTypes(rules);
      const last = latest.get(`${metric.id}:${period.key}`);
      const evaluation = evaluationOf.get(`${metric.id}:${period.key}`);
      items.push({
        metricId: metric.id,
        metricCode: metric.code,
        metricName: metric.name,
        metricNameEn: metric.nameEn,
        accepts,
        ratioLabels: accepts.includes('ratio') ? ratioLabels(metric) : null,
        unit: metric.unit,
        targetLabelZh: formatTarget(rules),
        targetLabelEn: formatTarget(rules, 'en'),
        period: period.key,
        periodEnd: period.end,
        dueDate: due,
        dueDateProvisional: ctx.calendar.touchesProvisional(period.end, due),
        state: queueState(
          { today: ctx.today, dueDate: due, submitted: Boolean(last), returned: Boolean(last?.returnComment) },
          ctx.calendar,
        ),
        latestRevision: last ? { id: last.id, revision: last.revision, createdAt: last.createdAt } : null,
        returnComment: last?.returnComment ?? null,
        evaluation: evaluation
          ? {
              status: evaluation.status,
              basis: evaluation.basis,
              reasonZh: evaluation.reasonZh,
              reasonEn: evaluation.reasonEn,
            }
          : null,
      });
    }
    items.sort(compareQueueItems);
    return { planId: plan.id, departmentId, departmentName: department?.name ?? '', today: ctx.today, items };
  }
}
