import { periodStartOfKey } from './period';

interface PeriodRow {
  periodKey: string;
  periodEnd: string;
}

/**
 * What a month shows: for each key (a metric and department), the row of the latest period that ended
 * by `asOf`. Where none has ended yet, the live view (`includeRunning`) shows the earliest period already
 * running; a past month does not, since a running period's evaluation speaks of later days.
 */
export function latestPeriodRows<T extends PeriodRow>(
  rows: Iterable<T>,
  keyOf: (row: T) => string,
  asOf: string,
  includeRunning = true,
): Map<string, T> {
  const chosen = new Map<string, T>();
  for (const row of rows) {
    if (periodStartOfKey(row.periodKey) > asOf) continue;
    if (!includeRunning && row.periodEnd > asOf) continue;
    const key = keyOf(row);
    const held = chosen.get(key);
    if (!held || shownBefore(row, held, asOf)) chosen.set(key, row);
  }
  return chosen;
}

function shownBefore(candidate: PeriodRow, held: PeriodRow, asOf: string): boolean {
  const cEnded = candidate.periodEnd <= asOf;
  const hEnded = held.periodEnd <= asOf;
  if (cEnded !== hEnded) return cEnded;
  return cEnded ? candidate.periodEnd > held.periodEnd : candidate.periodEnd < held.periodEnd;
}

/**
 * The first day after `asOf` on which `latestPeriodRows` could choose differently among the same rows: a period
 * begins (it becomes visible) or ends (it becomes "ended"); null when every period has begun and ended.
 */
export function latestPeriodRecheckDate(rows: Iterable<PeriodRow>, asOf: string): string | null {
  let earliest: string | null = null;
  for (const row of rows) {
    for (const day of [periodStartOfKey(row.periodKey), row.periodEnd])
      if (day > asOf && (earliest === null || day < earliest)) earliest = day;
  }
  return earliest;
}

/** Months ("YYYY-MM") in which some period ends, up to `today`, oldest first: the months a dashboard offers. */
export function monthsWithPeriodEnds(rows: Iterable<PeriodRow>, today: string): string[] {
  const months = new Set<string>();
  for (const r of rows) if (r.periodEnd <= today) months.add(r.periodEnd.slice(0, 7));
  return [...months].sort();
}
