import { attentionRank, type Status, type StatusCounts } from './status';

/**
 * Share of metrics that are green among those that have something to judge (grey = nothing due yet is
 * left out, so that January does not look worse than December). null when nothing is judged.
 */
export function shareGreen(counts: StatusCounts): number | null {
  const judged = counts.green + counts.amber + counts.red;
  return judged === 0 ? null : (counts.green / judged) * 100;
}

export interface DueItem {
  dueDate: string;
  /** The Beijing date of the first revision, or null if nothing was submitted. */
  firstSubmittedOn: string | null;
}

/** Share of figures due by `asOf` that arrived on or before their due date; null when nothing was due yet. */
export function onTimeRate(items: Iterable<DueItem>, asOf: string): number | null {
  let due = 0;
  let onTime = 0;
  for (const i of items) {
    if (i.dueDate > asOf) continue;
    due += 1;
    if (i.firstSubmittedOn !== null && i.firstSubmittedOn <= i.dueDate) onTime += 1;
  }
  return due === 0 ? null : (onTime / due) * 100;
}

/** The Beijing (UTC+8) calendar date of a UTC timestamp: deadlines are counted in Chinese days. */
export function beijingDate(isoTimestamp: string): string {
  return new Date(Date.parse(isoTimestamp) + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface DepartmentStanding {
  departmentId: number;
  counts: StatusCounts;
  compliance: number | null;
  onTime: number | null;
}

/** 横向排名: best compliance first, then timeliness; departments with nothing judged last. Rank 1 is best. */
export function rankDepartments<T extends DepartmentStanding>(rows: T[]): Array<T & { rank: number }> {
  const score = (v: number | null) => (v === null ? -1 : v);
  return [...rows]
    .sort(
      (a, b) =>
        score(b.compliance) - score(a.compliance) ||
        score(b.onTime) - score(a.onTime) ||
        a.departmentId - b.departmentId,
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/**
 * The departments that put a metric on the attention list (需关注): every one whose own status is red or amber,
 * red first, each named with its own figure, not only the worst one or the indicator's lead units.
 */
export function failingDepartments<T extends { status: Status }>(departments: T[]): T[] {
  return departments
    .filter((d) => d.status === 'red' || d.status === 'amber')
    .sort((a, b) => attentionRank(a.status) - attentionRank(b.status));
}
