import { useSearchParams } from 'react-router';
import { usePlans, usePlanTree } from '../../../lib/plan-api';

/** The plan tree for the month in the address (?period=), or the latest; drill-down pages read their node from it. */
export function useIndicatorTree() {
  const [params] = useSearchParams();
  const plans = usePlans();
  const tree = usePlanTree(plans.data?.[0]?.id, params.get('period') ?? undefined);
  return { tree, error: plans.error ?? tree.error };
}
