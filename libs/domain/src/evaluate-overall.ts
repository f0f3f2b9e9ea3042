import { markProvisional, type Evaluation, type EvaluationContext } from './evaluation';
import { evaluatePeriod } from './evaluate-period';
import type { Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import type { ReportingPeriod } from './period';
import { worstStatus } from './status';

export interface DepartmentResult {
  department: { code: string; name: string; isLead: boolean };
  figure: Figure | undefined;
  evaluation: Evaluation;
}

/**
 * A metric's overall status for a period, across its departments: the lead's figure where the metric is
 * consolidated; pooled numerator/denominator for rates; the sum for yearly counts; otherwise the worst
 * department. Any department overdue makes the whole metric red: a missing figure is never hidden by a pool.
 */
export function evaluateOverall(metric: RuledMetric, period: ReportingPeriod, departments: DepartmentResult[], ctx: EvaluationContext): Evaluation {
  if (departments.length === 0) return evaluatePeriod(metric, period, undefined, ctx);
  if (metric.consolidated) {
    const lead = departments.find((d) => d.department.isLead) ?? departments[0];
    return named(lead, lead.evaluation, departments.length > 1);
  }
  const overdue = departments.filter((d) => d.evaluation.basis === 'overdue');
  if (overdue.length > 0 && metric.kind !== 'deadline') {
    const names = overdue.map((d) => d.department.name);
    const e: Evaluation = {
      status: 'red', basis: 'overdue', value: null, target: metric.target,
      reasonZh: `${names.join('、')}逾期未报送 ${period.key} 的数据`,
      reasonEn: `${names.join(', ')} ${names.length > 1 ? 'have' : 'has'} not reported the ${period.key} figures after the due date`,
    };
    return overdue.some((d) => d.evaluation.provisional) ? markProvisional(e) : e;
  }
  const figures = departments.map((d) => d.figure).filter((f): f is Figure => f !== undefined);
  const pooled = pool(metric, figures);
  if (pooled && figures.length > 1) {
    const e = evaluatePeriod(metric, period, pooled, ctx);
    return { ...e, reasonZh: `${figures.length} 个单位合计：${e.reasonZh}`, reasonEn: `${figures.length} departments pooled: ${e.reasonEn}` };
  }
  const status = worstStatus(departments.map((d) => d.evaluation.status));
  const worst = departments.find((d) => d.evaluation.status === status)!;
  return named(worst, worst.evaluation, departments.length > 1);
}

function named(d: DepartmentResult, e: Evaluation, several: boolean): Evaluation {
  if (!several) return e;
  return { ...e, reasonZh: `${d.department.name}：${e.reasonZh}`, reasonEn: `${d.department.name}: ${e.reasonEn}` };
}

/** One figure standing for several departments' figures, where adding them up makes sense. */
function pool(metric: RuledMetric, figures: Figure[]): Figure | undefined {
  if (figures.length === 0) return undefined;
  if (metric.kind === 'value' && figures.every((f) => f.type === 'ratio')) {
    return {
      type: 'ratio',
      numerator: figures.reduce((n, f) => n + (f.type === 'ratio' ? f.numerator : 0), 0),
      denominator: figures.reduce((n, f) => n + (f.type === 'ratio' ? f.denominator : 0), 0),
    };
  }
  if (metric.kind === 'annual-count' && figures.every((f) => f.type === 'value')) {
    return { type: 'value', value: figures.reduce((n, f) => n + (f.type === 'value' ? f.value : 0), 0) };
  }
  return undefined;
}
