import { addCounts, statusOfCounts, type Status, type StatusCounts } from './status';

export interface RolledUp {
  status: Status;
  counts: StatusCounts;
}

/**
 * A node of the plan (task, indicator, plan) rolls up the metrics beneath it: counts of each status,
 * and the worst of them as its own status.
 */
export function rollUp(children: Array<Pick<RolledUp, 'counts'>>): RolledUp {
  const counts = addCounts(...children.map((c) => c.counts));
  return { status: statusOfCounts(counts), counts };
}
