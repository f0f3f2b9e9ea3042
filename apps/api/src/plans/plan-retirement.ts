import type { RetireResponse } from '@taizhang/contracts';
import { reportingPeriods, retirementOfPeriods } from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { toRuledMetric } from '../metrics/ruled-metric';
import { MetricEntity } from '../metrics/metric.entity';
import { NoticesRepository } from '../supervision/notices.repository';
import { retireRows } from './plan-editor.repository';
import type { PlanEntity } from './plan.entity';

/**
 * Inside the caller's transaction: the metrics leave the plan's statuses, queues, notices and reports from `today` on.
 * The periods that ended before today keep their evaluations as history; those of the running and later periods are
 * superseded (kept in the history too, no longer current); nothing is evaluated again; open notices close as withdrawn.
 */
export async function retireMetrics(
  m: EntityManager,
  plan: PlanEntity,
  metrics: MetricEntity[],
  at: string,
  today: string,
): Promise<RetireResponse['metrics']> {
  const out: RetireResponse['metrics'] = [];
  for (const metric of metrics.filter((x) => x.retiredAt === null)) {
    const { kept, dropped } = retirementOfPeriods(reportingPeriods(toRuledMetric(metric), plan.year), today);
    await retireRows(m, MetricEntity, [metric.id], at);
    if (dropped.length) await EvaluationRepository.supersedeCurrent(m, metric.id, { periods: dropped }, at);
    await EvaluationRepository.dropChecks(m, metric.id);
    await NoticesRepository.withdrawOpenNotices(m, { metricId: metric.id }, at, '该指标已停用（计划编辑）');
    out.push({ id: metric.id, kept, dropped });
  }
  return out;
}
