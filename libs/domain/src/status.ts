/** A metric's (or a node's) compliance status. grey: nothing due or no data yet. */
export const STATUSES = ['red', 'amber', 'green', 'grey'] as const;
export type Status = (typeof STATUSES)[number];

export type StatusCounts = Record<Status, number>;

// Higher is worse; grey ranks lowest so that a node with some green and some grey children reads green.
const SEVERITY: Record<Status, number> = { grey: 0, green: 1, amber: 2, red: 3 };

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/** The worst of several statuses; grey when there are none. */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'grey';
  for (const s of statuses) if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

/** Where a status stands in a list read for what needs attention: red, amber, green, grey, then no status at all. */
export function attentionRank(status: Status | null | undefined): number {
  return status ? STATUSES.indexOf(status) : STATUSES.length;
}

export function emptyCounts(): StatusCounts {
  return { red: 0, amber: 0, green: 0, grey: 0 };
}

export function countStatuses(statuses: Iterable<Status>): StatusCounts {
  const counts = emptyCounts();
  for (const s of statuses) counts[s] += 1;
  return counts;
}

export function addCounts(...all: StatusCounts[]): StatusCounts {
  const total = emptyCounts();
  for (const c of all) for (const s of STATUSES) total[s] += c[s];
  return total;
}

/** The status a set of counts rolls up to: its worst non-empty status. */
export function statusOfCounts(counts: StatusCounts): Status {
  return worstStatus(STATUSES.filter((s) => counts[s] > 0));
}
