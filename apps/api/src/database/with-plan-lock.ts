import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanEntity } from '../plans/plan.entity';

/**
 * What the transaction's writes mean for supervision: `changed` (evaluations, figures, notices, the plan's metrics
 * or reminder settings) sends the plan to its next supervision tick, on whichever instance runs it; `lock only`
 * (check dates) keeps the lock order without sending a plan to supervision for nothing.
 */
export type PlanLock = 'changed' | 'lock only';

/**
 * Opens a transaction, takes the lock of each plan row first (ascending ids) and then runs `work`: every writer
 * takes the plan rows before anything else, one lock order, so PostgreSQL never deadlocks two of them.
 */
export async function withPlanLock<T>(
  dataSource: DataSource,
  planIds: number | readonly number[],
  work: (m: EntityManager) => Promise<T>,
  lock: PlanLock = 'changed',
): Promise<T> {
  const ids = [...new Set(typeof planIds === 'number' ? [planIds] : planIds)].sort((a, b) => a - b);
  return dataSource.transaction(async (m) => {
    for (const id of ids) await m.increment(PlanEntity, { id }, 'supervisionVersion', lock === 'changed' ? 1 : 0);
    return work(m);
  });
}

/** withPlanLock as a provider: services hold the flow, never the DataSource. */
@Injectable()
export class PlanLocks {
  constructor(private readonly dataSource: DataSource) {}

  withPlanLock<T>(
    planIds: number | readonly number[],
    work: (m: EntityManager) => Promise<T>,
    lock: PlanLock = 'changed',
  ): Promise<T> {
    return withPlanLock(this.dataSource, planIds, work, lock);
  }
}

/** Inside a transaction that changed what supervision reads about one metric: its plan's next tick looks again. */
export async function markPlanOfMetricChanged(m: EntityManager, metricId: number): Promise<void> {
  await m.query(
    `UPDATE plans SET supervision_version = supervision_version + 1 WHERE id = (SELECT plan_id FROM metrics WHERE id = ${m.connection.driver.createParameter('p0', 0)})`,
    [metricId],
  );
}
