import type { EntityManager } from 'typeorm';
import { PlanEntity } from '../plans/plan.entity';
import type { Transactions } from './transactions';

/**
 * What the transaction's writes mean for supervision: `changed` (evaluations, figures, notices, the plan's metrics
 * or reminder settings) sends the plan to its next supervision tick, on whichever instance runs it; `lock only`
 * (check dates) keeps the lock order without sending a plan to supervision for nothing.
 */
export type PlanLock = 'changed' | 'lock only';

/**
 * Opens a transaction (through the one helper, transactions.ts), takes the lock of each plan row first (ascending ids) and then runs `work`: every writer
 * takes the plan rows before anything else, one lock order, so PostgreSQL never deadlocks two of them.
 */
export async function withPlanLock<T>(
  transactions: Pick<Transactions, 'run'>,
  planIds: number | readonly number[],
  work: (m: EntityManager) => Promise<T>,
  lock: PlanLock = 'changed',
): Promise<T> {
  const ids = [...new Set(typeof planIds === 'number' ? [planIds] : planIds)].sort((a, b) => a - b);
  return transactions.run(async (m) => {
    for (const id of ids) await m.increment(PlanEntity, { id }, 'supervisionVersion', lock === 'changed' ? 1 : 0);
    return work(m);
  });
}

/** Inside a transaction that changed what supervision reads about one metric: its plan's next tick looks again. */
export async function markPlanOfMetricChanged(m: EntityManager, metricId: number): Promise<void> {
  await m.query(
    `UPDATE plans SET supervision_version = supervision_version + 1 WHERE id = (SELECT plan_id FROM metrics WHERE id = ${m.connection.driver.createParameter('p0', 0)})`,
    [metricId],
  );
}
