import { dueDate } from './evaluate-period';
import type { WorkingDays } from './evaluation';
import type { RuledMetric } from './metric-rules';
import { reportingPeriods, type ReportingPeriod } from './period';
import { CalendarRangeError } from './working-day-calendar';

/**
 * A metric to schedule: its rules and the departments that report it. `M` and `D` are the caller's own records
 * (an entity, a contract item), handed back untouched so that it needs no second lookup.
 */
export interface ObligationSource<M, D> {
  metric: M;
  rules: RuledMetric;
  departments: readonly D[];
}

/** One reporting period of one metric: who owes its figures, and by when. */
export interface Obligation<M, D> {
  metric: M;
  rules: RuledMetric;
  period: ReportingPeriod;
  departments: readonly D[];
  /**
   * The last day a figure is on time (a deadline's own date, otherwise the metric's Nth working day after the
   * period ends). Null when that day lies beyond the calendar's years: it cannot be timed until the year is added,
   * and one such period must not stop the schedule of all the others.
   */
  dueDate: string | null;
}

/**
 * What is due in a plan year, by whom and by when: every metric × reporting period, in the order given and then
 * by period. The one place this schedule is worked out; evaluation, reminders, a department's queue and the
 * on-time ranking all read it. Periods not yet begun are included (evaluation and reminders time their next look
 * by them); a caller that shows only what is owed today keeps those with `period.start <= today`.
 */
export function obligations<M, D>(
  sources: Iterable<ObligationSource<M, D>>,
  year: number,
  calendar: WorkingDays,
): Obligation<M, D>[] {
  const out: Obligation<M, D>[] = [];
  for (const { metric, rules, departments } of sources) {
    for (const period of reportingPeriods(rules, year)) {
      out.push({ metric, rules, period, departments, dueDate: dueDateOrNull(rules, period, calendar) });
    }
  }
  return out;
}

/** The obligations a department owes: those it is among the reporters of. */
export function obligationsOf<M, D extends { id: number }>(
  all: readonly Obligation<M, D>[],
  departmentId: number,
): Obligation<M, D>[] {
  return all.filter((o) => o.departments.some((d) => d.id === departmentId));
}

function dueDateOrNull(rules: RuledMetric, period: ReportingPeriod, calendar: WorkingDays): string | null {
  try {
    return dueDate(rules, period, { calendar });
  } catch (error) {
    if (error instanceof CalendarRangeError) return null;
    throw error;
  }
}
