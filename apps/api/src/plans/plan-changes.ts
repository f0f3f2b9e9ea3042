import type { EntityManager } from 'typeorm';
import { PlanEntity } from './plan.entity';

/**
 * Inside the transaction of a change that supervision reads (evaluations, submissions, notices, reminder
 * settings): the plan's next supervision tick must look at it again, on whichever instance runs it.
 */
export async function markPlanChanged(m: EntityManager, planId: number): Promise<void> {
  await m.increment(PlanEntity, { id: planId }, 'supervisionVersion', 1);
}

/**
 * Takes the plan row's lock without marking it changed: a transaction that writes only what supervision does
 * not read (check dates) keeps the lock order of those that do, and sends no plan to supervision for nothing.
 */
export async function lockPlan(m: EntityManager, planId: number): Promise<void> {
  await m.increment(PlanEntity, { id: planId }, 'supervisionVersion', 0);
}

/** The same, for the plan a metric belongs to. */
export async function markPlanOfMetricChanged(m: EntityManager, metricId: number): Promise<void> {
  await m.query(
    `UPDATE plans SET supervision_version = supervision_version + 1 WHERE id = (SELECT plan_id FROM metrics WHERE id = ${m.connection.driver.createParameter('p0', 0)})`,
    [metricId],
  );
}
