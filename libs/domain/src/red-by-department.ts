import type { EvaluationBasis } from './evaluation';
import { WorkingDayCalendar } from './working-day-calendar';
import type { Status } from './status';

/**
 * The cockpit's "what is red, by 责任单位": every red (metric, department) pair placed under the department that
 * owes the fix, so a district head sees at once which unit carries how much red and how long it has been waiting.
 */

/** One red metric as one department owes it. */
export interface RedEntry {
  /** The department whose own figure is red; null when the metric has no reporting department to name. */
  departmentId: number | null;
  metricId: number;
  /** When the period's figure was due (or the deadline fell); null when no period has been judged. */
  dueDate: string | null;
  /** True when the red comes from a figure not reported (or returned and not corrected) by its due date. */
  overdue: boolean;
}

export type DatedRedEntry<E extends RedEntry> = E & { daysOverdue: number | null };

export interface RedDepartmentGroup<E extends RedEntry> {
  departmentId: number | null;
  entries: Array<DatedRedEntry<E>>;
  /** The longest wait among the group's overdue figures; null when none is overdue. */
  mostDaysOverdue: number | null;
}

/**
 * Who owes the fix for a red metric: each department whose own figure is red; when only the pooled figure is red,
 * every department that reports it (none when nobody reports it).
 */
export function departmentsOwingRed<D extends { status: Status }>(departments: readonly D[]): D[] {
  const red = departments.filter((d) => d.status === 'red');
  return red.length > 0 ? red : [...departments];
}

/** A department's own red that comes from a figure not reported (or returned and not corrected) by its due date. */
export function isOverdueRed(department: { status: Status; basis: EvaluationBasis }): boolean {
  return department.status === 'red' && (department.basis === 'overdue' || department.basis === 'returned');
}

/** Calendar days from a due date to `asOf` for a figure still missing; null when not overdue or not yet past due. */
export function daysOverdue(entry: Pick<RedEntry, 'dueDate' | 'overdue'>, asOf: string): number | null {
  if (!entry.overdue || entry.dueDate === null || asOf <= entry.dueDate) return null;
  return WorkingDayCalendar.calendarDaysBetween(entry.dueDate, asOf);
}

/**
 * Red entries grouped by department, worst first: most red metrics, then the longest overdue wait, then by id
 * (a metric without a reporting department last). Within a group the longest overdue first, then the earliest due.
 * A department is listed once; every entry lands in exactly one group.
 */
export function groupRedByDepartment<E extends RedEntry>(
  entries: readonly E[],
  asOf: string,
): Array<RedDepartmentGroup<E>> {
  const groups = new Map<number | null, Array<DatedRedEntry<E>>>();
  for (const entry of entries) {
    const dated = { ...entry, daysOverdue: daysOverdue(entry, asOf) };
    const list = groups.get(entry.departmentId);
    if (list) list.push(dated);
    else groups.set(entry.departmentId, [dated]);
  }
  return [...groups]
    .map(([departmentId, list]) => ({
      departmentId,
      entries: list.sort(worstEntryFirst),
      mostDaysOverdue: list.reduce<number | null>(
        (most, e) => (e.daysOverdue === null ? most : Math.max(most ?? 0, e.daysOverdue)),
        null,
      ),
    }))
    .sort(
      (a, b) =>
        b.entries.length - a.entries.length ||
        (b.mostDaysOverdue ?? -1) - (a.mostDaysOverdue ?? -1) ||
        (a.departmentId ?? Number.MAX_SAFE_INTEGER) - (b.departmentId ?? Number.MAX_SAFE_INTEGER),
    );
}

function worstEntryFirst(a: DatedRedEntry<RedEntry>, b: DatedRedEntry<RedEntry>): number {
  return (
    (b.daysOverdue ?? -1) - (a.daysOverdue ?? -1) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    a.metricId - b.metricId
  );
}
