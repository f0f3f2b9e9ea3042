import type { EditorFirstLevel, EditorMetric, PlanOutlineResponse } from '@taizhang/contracts';
import { canDeleteMetric, metricTermsOf } from '@taizhang/domain';
import { groupBy } from '../common/group-by';
import type { MetricReportingDepartmentEntity } from '../metrics/metric-reporting-department.entity';
import type { MetricEntity } from '../metrics/metric.entity';
import type { MetricRecord } from './plan-metrics.repository';
import type { PlanStructure } from './plans.repository';
import { toPlanSummaryResponse } from './plans.dto';

/** A number after every real one: a row added or moved to another parent sorts last until the plan is numbered again. */
export const LAST = 1_000_000;

/** The editor's view of a plan: live and retired rows in outline order. */
export function toOutline(
  s: PlanStructure,
  records: Map<number, MetricRecord>,
  reporters: Map<number, MetricReportingDepartmentEntity[]>,
): PlanOutlineResponse {
  const inOrder = <T extends { number: number; id: number }>(rows: T[]) =>
    [...rows].sort((a, b) => a.number - b.number || a.id - b.id);
  const childrenOf = groupBy(
    s.indicators.filter((i) => i.level === 2),
    (i) => i.parentId,
  );
  const tasksOf = groupBy(s.tasks, (t) => t.indicatorId);
  const metricsOf = groupBy(s.metrics, (x) => x.taskId);
  const linkIds = (indicatorId: number, role: 'lead' | 'responsible') =>
    s.links.filter((l) => l.indicatorId === indicatorId && l.role === role).map((l) => l.department.id);
  const metric = (x: MetricEntity): EditorMetric => {
    const record = records.get(x.id)!;
    return {
      id: x.id,
      code: x.code,
      name: x.name,
      nameEn: x.nameEn,
      ...metricTermsOf(x),
      source: x.source,
      note: x.note,
      reportingDepartmentIds: (reporters.get(x.id) ?? []).map((r) => r.departmentId),
      submissions: record.submissions,
      deletable: canDeleteMetric(record),
      retiredAt: x.retiredAt,
    };
  };
  const indicators: EditorFirstLevel[] = inOrder(s.indicators.filter((i) => i.level === 1)).map((f) => ({
    id: f.id,
    number: f.number,
    title: f.title,
    retiredAt: f.retiredAt,
    children: inOrder(childrenOf.get(f.id) ?? []).map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      retiredAt: c.retiredAt,
      leadDepartmentIds: linkIds(c.id, 'lead'),
      responsibleDepartmentIds: linkIds(c.id, 'responsible'),
      tasks: inOrder(tasksOf.get(c.id) ?? []).map((t) => ({
        id: t.id,
        number: t.number,
        text: t.text,
        retiredAt: t.retiredAt,
        metrics: [...(metricsOf.get(t.id) ?? [])]
          .sort((a, b) => Number(!!a.retiredAt) - Number(!!b.retiredAt) || a.code.localeCompare(b.code))
          .map(metric),
      })),
    })),
  }));
  return { plan: toPlanSummaryResponse(s.plan), indicators };
}
