import { obligations, type Obligation, type WorkingDays } from '@taizhang/domain';
import type { MetricEntity } from './metric.entity';
import type { AssignedDepartment, Assignments } from './metrics.repository';
import { toRuledMetric } from './ruled-metric';

export type PlanObligation = Obligation<MetricEntity, AssignedDepartment>;

/** What a plan's metrics are owed in its year, by which departments and by when: the domain's schedule of them. */
export function planObligations(year: number, inputs: Assignments, calendar: WorkingDays): PlanObligation[] {
  return obligations(
    inputs.metrics.map((metric) => ({
      metric,
      rules: toRuledMetric(metric),
      departments: inputs.assigned.get(metric.id) ?? [],
    })),
    year,
    calendar,
  );
}
