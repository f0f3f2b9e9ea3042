import { evaluateLatest, type Evaluation, type Observation } from './evaluate-latest';
import type { MetricDefinition } from './metric';
import { worstStatus } from './status';

export interface DepartmentObservation {
  department: { code: string; name: string };
  latest: Observation | undefined;
}

export interface MetricEvaluation extends Evaluation {
  departments: Array<Evaluation & { department: { code: string; name: string } }>;
}

/**
 * A metric reported by several departments takes the worst of their statuses, and the reason of the
 * department that set it (named, so that leadership sees who is behind).
 */
export function evaluateMetric(metric: MetricDefinition, observations: DepartmentObservation[]): MetricEvaluation {
  const departments = observations.map(({ department, latest }) => ({ department, ...evaluateLatest(metric, latest) }));
  if (departments.length === 0) return { ...evaluateLatest(metric, undefined), departments };
  const status = worstStatus(departments.map((d) => d.status));
  const worst = departments.find((d) => d.status === status)!;
  const named = departments.length > 1;
  return {
    status,
    reasonZh: named ? `${worst.department.name}：${worst.reasonZh}` : worst.reasonZh,
    reasonEn: named ? `${worst.department.name}: ${worst.reasonEn}` : worst.reasonEn,
    departments,
  };
}
