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
 * A returned figure is no accepted figure: it stays out of the pool, and while it awaits correction the metric
 * is not green (red once its due date has passed).
 */
export function evaluateOverall(
  metric: RuledMetric,
  period: ReportingPeriod,
  departments: DepartmentResult[],
  ctx: EvaluationContext,
): Evaluation {
  if (departments.length === 0) return evaluatePeriod(metric, period, undefined, ctx);
  if (metric.consolidated) {
    const lead = departments.find((d) => d.department.isLead) ?? departments[0];
    return named(lead, lead.evaluation, departments.length > 1);
  }
  const returned = departments.filter((d) => d.evaluation.basis === 'returned');
  const late = departments.filter(
    (d) =>
      (d.evaluation.basis === 'overdue' && metric.kind !== 'deadline') ||
      (d.evaluation.basis === 'returned' && d.evaluation.status === 'red'),
  );
  if (late.length > 0) return lateOverall(period, late, metric.target);
  const accepted = departments.filter((d) => d.evaluation.basis !== 'returned');
  const rest = accepted.length ? judgeAccepted(metric, period, accepted, ctx, departments.length > 1) : null;
  if (returned.length > 0 && (rest === null || rest.status === 'green' || rest.status === 'grey')) {
    const names = returned.map((d) => d.department.name);
    const e = returned[0].evaluation;
    if (!(departments.length > 1)) return e;
    return { ...e, reasonZh: `${names.join('、')}：${e.reasonZh}`, reasonEn: `${names.join(', ')}: ${e.reasonEn}` };
  }
  return rest!;
}

/** The departments with figures that stand: pooled where adding them up makes sense, else the worst of them. */
function judgeAccepted(
  metric: RuledMetric,
  period: ReportingPeriod,
  departments: DepartmentResult[],
  ctx: EvaluationContext,
  several: boolean,
): Evaluation {
  const figures = departments.map((d) => d.figure).filter((f): f is Figure => f !== undefined);
  const pooled = pool(metric, figures);
  if (pooled && figures.length > 1) {
    const e = evaluatePeriod(metric, period, pooled, ctx);
    return {
      ...e,
      reasonZh: `${figures.length} 个单位合计：${e.reasonZh}`,
      reasonEn: `${figures.length} departments pooled: ${e.reasonEn}`,
    };
  }
  const status = worstStatus(departments.map((d) => d.evaluation.status));
  const worst = departments.find((d) => d.evaluation.status === status)!;
  return named(worst, worst.evaluation, several);
}

/** Red, naming the departments that have not reported after the due date and those that have not corrected a returned figure. */
function lateOverall(period: ReportingPeriod, late: DepartmentResult[], target: number | null): Evaluation {
  const overdue = late.filter((d) => d.evaluation.basis === 'overdue').map((d) => d.department.name);
  const uncorrected = late.filter((d) => d.evaluation.basis === 'returned').map((d) => d.department.name);
  const zh = [
    ...(overdue.length ? [`${overdue.join('、')}逾期未报送 ${period.key} 的数据`] : []),
    ...(uncorrected.length ? [`${uncorrected.join('、')}的 ${period.key} 数据被退回后逾期未更正`] : []),
  ];
  const en = [
    ...(overdue.length
      ? [
          `${overdue.join(', ')} ${overdue.length > 1 ? 'have' : 'has'} not reported the ${period.key} figures after the due date`,
        ]
      : []),
    ...(uncorrected.length
      ? [
          `${uncorrected.join(', ')} ${uncorrected.length > 1 ? 'have' : 'has'} not corrected the returned ${period.key} figures after the due date`,
        ]
      : []),
  ];
  const e: Evaluation = {
    status: 'red',
    basis: overdue.length ? 'overdue' : 'returned',
    value: null,
    target,
    reasonZh: zh.join('；'),
    reasonEn: en.join('; '),
  };
  return late.some((d) => d.evaluation.provisional) ? markProvisional(e) : e;
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
