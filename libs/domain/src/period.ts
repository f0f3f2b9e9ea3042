import type { MetricDefinition } from './metric';

/** A reporting period of a plan year: a month ("2020-03"), a quarter ("2020-Q1") or the year ("2020"). */
export interface ReportingPeriod {
  key: string;
  /** Last calendar day of the period, ISO "YYYY-MM-DD". */
  end: string;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH_KEY.test(value);
}

export function parseMonthKey(key: string): { year: number; month: number } {
  const m = MONTH_KEY.exec(key);
  if (!m) throw new RangeError(`Not a month "YYYY-MM": ${key}`);
  return { year: Number(m[1]), month: Number(m[2]) };
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month, ISO. */
export function monthEnd(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

export function monthEndOfKey(key: string): string {
  const { year, month } = parseMonthKey(key);
  return monthEnd(year, month);
}

/** The deadline date of a deadline metric in a given year, ISO. */
export function deadlineIn(year: number, deadline: string): string {
  return `${year}-${deadline}`;
}

/**
 * The periods in which a metric's figures are reported during a plan year.
 * Yearly rates and counts are reported monthly, as year-to-date figures; quarterly targets quarterly;
 * deadlines once, at the deadline; case records monthly.
 */
export function reportingPeriods(metric: Pick<MetricDefinition, 'period' | 'kind' | 'deadline'>, year: number): ReportingPeriod[] {
  if (metric.kind === 'deadline') {
    return [{ key: String(year), end: deadlineIn(year, metric.deadline ?? '12-31') }];
  }
  if (metric.period === 'quarter') {
    return [1, 2, 3, 4].map((q) => ({ key: `${year}-Q${q}`, end: monthEnd(year, q * 3) }));
  }
  return Array.from({ length: 12 }, (_, i) => ({ key: monthKey(year, i + 1), end: monthEnd(year, i + 1) }));
}
