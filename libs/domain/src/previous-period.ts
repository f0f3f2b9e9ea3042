/** A row of one period: where it ends. */
export interface PeriodEnd {
  periodEnd: string;
}

/**
 * The row of the latest period that ended before `row`'s among `history` (the same metric and department);
 * undefined when there is none. One pass: a plan's history is read once per supervision run.
 */
export function previousPeriodRow<T extends PeriodEnd>(history: Iterable<T>, row: PeriodEnd): T | undefined {
  let previous: T | undefined;
  for (const r of history)
    if (r.periodEnd < row.periodEnd && (!previous || r.periodEnd > previous.periodEnd)) previous = r;
  return previous;
}
