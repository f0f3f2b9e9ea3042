import type { RetireResponse } from '@taizhang/contracts';
import { reportingPeriods, retirementOfPeriods } from '@taizhang/domain';
import { In, IsNull, type EntityManager } from 'typeorm';
import { EvaluationCheckEntity } from '../evaluation/evaluation-check.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { toRuledMetric } from '../metrics/ruled-metric';
import { MetricEntity } from '../metrics/metric.entity';
import { NoticeEntity, NoticeEventEntity } from '../supervision/supervision.entities';
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
    await m.update(MetricEntity, { id: metric.id }, { retiredAt: at });
    if (dropped.length)
      await m.update(
        EvaluationEntity,
        { metricId: metric.id, periodKey: In(dropped), supersededAt: IsNull() },
        { supersededAt: at },
      );
    await m.delete(EvaluationCheckEntity, { metricId: metric.id });
    const open = (await m.find(NoticeEntity, { where: { metricId: metric.id } })).filter((n) => n.state !== 'closed');
    for (const notice of open) {
      await m.update(NoticeEntity, { id: notice.id }, { state: 'closed', closedAt: at, closedReason: 'withdrawn' });
      await m.insert(NoticeEventEntity, {
        noticeId: notice.id,
        at,
        actor: null,
        action: 'withdrawn',
        detail: '该指标已停用（计划编辑）',
      });
    }
    out.push({ id: metric.id, kept, dropped });
  }
  return out;
}
