/** Supervision's import; the plan-row lock and its marks live in database/with-plan-lock.ts. */
export { markPlanOfMetricChanged } from '../database/with-plan-lock';
