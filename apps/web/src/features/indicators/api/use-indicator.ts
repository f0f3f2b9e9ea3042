import { useSearchParams } from 'react-router';
import { usePlanTree } from '../../../lib/plan-api';
import { useSelectedPlan } from '../../../lib/selected-plan';

/** The plan tree for the month in the address (?period=), or the latest; drill-down pages read their node from it. */
export function useIndicatorTree() {
  const [params] = useSearchParams();
  const { plans, plan } = useSelectedPlan();
  const tree = usePlanTree(plan?.id, params.get('period') ?? undefined);
  return { tree, error: plans.error ?? tree.error };
}
