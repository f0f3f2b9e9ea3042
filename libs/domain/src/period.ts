import type { MetricDefinition } from './metric';
import { defaultFrequency, type ReportingFrequency } from './metric-rules';

/** A reporting period of a plan year: a month ("2020-03"), a quarter ("2020-Q1") or the year ("2020"). */
export interface ReportingPeriod {
  key: string;
  /** First calendar day of the period, ISO "YYYY-MM-DD". */
  start: string;
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
 * The periods in which a metric's figures are reported during a plan year, by its reporting frequency:
 * monthly (yearly rates and counts as year-to-date figures, case records as the month's cases),
 * quarterly, or once a year — a deadline's single period ends on the deadline.
 */
export function reportingPeriods(
  metric: Pick<MetricDefinition, 'period' | 'kind' | 'deadline'> & { frequency?: ReportingFrequency },
  year: number,
): ReportingPeriod[] {
  const frequency = metric.frequency ?? defaultFrequency(metric);
  if (metric.kind === 'deadline') {
    return [{ key: String(year), start: isoDate(year, 1, 1), end: deadlineIn(year, metric.deadline ?? '12-31') }];
  }
  if (frequency === 'annual') return [{ key: String(year), start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) }];
  if (frequency === 'quarterly') {
    return [1, 2, 3, 4].map((q) => ({
      key: `${year}-Q${q}`,
      start: isoDate(year, q * 3 - 2, 1),
      end: monthEnd(year, q * 3),
    }));
  }
  return Array.from({ length: 12 }, (_, i) => ({
    key: monthKey(year, i + 1),
    start: isoDate(year, i + 1, 1),
    end: monthEnd(year, i + 1),
  }));
}

/** The period of a metric with a given key ("2020-03", "2020-Q1", "2020"), or undefined if it has none such. */
export function findPeriod(metric: Parameters<typeof reportingPeriods>[0], key: string): ReportingPeriod | undefined {
  const year = Number(key.slice(0, 4));
  if (!Number.isInteger(year) || year < 1900) return undefined;
  return reportingPeriods(metric, year).find((p) => p.key === key);
}

/** Whether a period is the last of its year (where a yearly target must be met in full). */
export function isFinalPeriodOfYear(period: ReportingPeriod): boolean {
  return period.end.slice(5) >= '12-01' || /^\d{4}$/.test(period.key);
}

/** First day of the period a key names: "2020-03" → 2020-03-01, "2020-Q2" → 2020-04-01, "2020" → 2020-01-01. */
export function periodStartOfKey(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return isoDate(Number(quarter[1]), Number(quarter[2]) * 3 - 2, 1);
  if (/^\d{4}$/.test(key)) return isoDate(Number(key), 1, 1);
  const { year, month } = parseMonthKey(key);
  return isoDate(year, month, 1);
}

/** The month before a month key: "2020-01" → "2019-12". */
export function previousMonthKey(key: string): string {
  const { year, month } = parseMonthKey(key);
  return month === 1 ? monthKey(year - 1, 12) : monthKey(year, month - 1);
}
