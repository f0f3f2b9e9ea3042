import type { MetricDefinition, MetricUnit } from './metric';

/** How often departments report a metric's figures. */
export const REPORTING_FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

/** The settings of a metric that an admin may change without touching the plan's wording. */
export interface MetricRules {
  frequency: ReportingFrequency;
  /** Amber band; null takes the default (5 points for percents, 10% of the target otherwise). */
  tolerance: number | null;
  /** A period's figures are due on this working day after the period ends (default the 5th). */
  dueWorkingDays: number;
  /** A deadline turns amber this many working days before it while not done (default 5). */
  warnWorkingDays: number;
  /** The lead department reports one consolidated figure for all departments. */
  consolidated: boolean;
}

export type RuledMetric = MetricDefinition & MetricRules;

export const DEFAULT_DUE_WORKING_DAYS = 5;
export const DEFAULT_WARN_WORKING_DAYS = 5;

/**
 * Default reporting frequency: a deadline once a year; a quarterly target quarterly; everything else
 * monthly (yearly rates and counts as year-to-date figures, case records as the month's cases).
 */
export function defaultFrequency(metric: Pick<MetricDefinition, 'kind' | 'period'>): ReportingFrequency {
  if (metric.kind === 'deadline') return 'annual';
  if (metric.period === 'quarter') return 'quarterly';
  return 'monthly';
}

export function withDefaultRules(metric: MetricDefinition, rules: Partial<MetricRules> = {}): RuledMetric {
  return {
    ...metric,
    frequency: rules.frequency ?? defaultFrequency(metric),
    tolerance: rules.tolerance ?? null,
    dueWorkingDays: rules.dueWorkingDays ?? DEFAULT_DUE_WORKING_DAYS,
    warnWorkingDays: rules.warnWorkingDays ?? DEFAULT_WARN_WORKING_DAYS,
    consolidated: rules.consolidated ?? false,
  };
}

/** Units counted in whole numbers: a band of "0.3 persons" admits no more figures than a band of 0. */
export function isWholeUnit(unit: MetricUnit): boolean {
  return unit === 'count' || unit === 'persons';
}

/**
 * The amber band of a metric: its own tolerance, else 5 percentage points for percents, else 10% of the target;
 * rounded down to the unit where figures are whole numbers (which judges every whole figure as before).
 */
export function toleranceBand(metric: Pick<RuledMetric, 'unit' | 'target' | 'tolerance'>): number {
  const band =
    metric.tolerance !== null && metric.tolerance !== undefined
      ? metric.tolerance
      : metric.unit === 'percent'
        ? 5
        : Math.abs(metric.target ?? 0) * 0.1;
  return isWholeUnit(metric.unit) ? Math.floor(band + 1e-9) : band;
}

/** The amber band of a case metric: its share of compliant cases is judged like a rate against 100%, with the percent band. */
export function caseShareBand(metric: Pick<RuledMetric, 'tolerance'>): number {
  return toleranceBand({ unit: 'percent', target: 100, tolerance: metric.tolerance });
}
