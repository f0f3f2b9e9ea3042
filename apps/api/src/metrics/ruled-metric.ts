import type { RuledMetric } from '@taizhang/domain';
import type { MetricEntity } from './metric.entity';

/** A stored metric as the domain's rules read it: its definition and its reporting rules, nothing else. */
export function toRuledMetric(m: MetricEntity): RuledMetric {
  return {
    code: m.code,
    name: m.name,
    nameEn: m.nameEn,
    kind: m.kind,
    comparator: m.comparator,
    target: m.target,
    unit: m.unit,
    period: m.period,
    deadline: m.deadline,
    frequency: m.frequency,
    tolerance: m.tolerance,
    dueWorkingDays: m.dueWorkingDays,
    warnWorkingDays: m.warnWorkingDays,
    consolidated: m.consolidated,
  };
}
