import { useSearchParams } from 'react-router';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useDashboardSummary } from './use-overview';

/** The plan and 统计月份 of the address, with the month's summary: what the cockpit and its drill-down lists stand on. */
export function usePlanMonth() {
  const [params] = useSearchParams();
  const { plans, plan, choose } = useSelectedPlan();
  const period = params.get('period') ?? undefined;
  const summary = useDashboardSummary(plan?.id, period);
  return { plans, plan, choose, period, summary };
}
