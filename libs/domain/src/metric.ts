/** How a quantitative target of a plan is measured. One shape for every metric of every plan. */
export const METRIC_KINDS = ['value', 'annual-count', 'deadline', 'case'] as const;
/** value: a rate or figure against a target; annual-count: a minimum count per year or quarter;
 *  deadline: done by a calendar date each year; case: a per-case limit in (working) days. */
export type MetricKind = (typeof METRIC_KINDS)[number];

export const COMPARATORS = ['gte', 'lte', 'eq'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const METRIC_UNITS = ['percent', 'count', 'persons', 'hours', 'days', 'working-days', 'years', 'date'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const METRIC_PERIODS = ['year', 'quarter', 'month', 'case'] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

/** The terms a target is judged by: what kind of target, against what figure, in what unit, over what period. */
export interface MetricTerms {
  kind: MetricKind;
  comparator: Comparator;
  /** The target figure; null for deadline metrics, whose target is `deadline`. */
  target: number | null;
  unit: MetricUnit;
  period: MetricPeriod;
  /** "MM-DD" within the plan year, for deadline metrics. */
  deadline: string | null;
}

/** Only the terms of a metric, a parsed target or a request (nothing else they carry). */
export function metricTermsOf(x: MetricTerms): MetricTerms {
  return {
    kind: x.kind,
    comparator: x.comparator,
    target: x.target,
    unit: x.unit,
    period: x.period,
    deadline: x.deadline,
  };
}

/** A quantitative target of a plan: its code and name, and its terms. */
export interface MetricDefinition extends MetricTerms {
  code: string;
  name: string;
  nameEn: string;
}
