import { useParams, useSearchParams } from 'react-router';
import { usePlanTree } from '../../../lib/plan-api';
import { useSelectedPlan } from '../../../lib/selected-plan';

/**
 * The indicators named in the address (/indicators/:firstId/:secondId), read from the plan tree for the month in the
 * address (?period=), or the latest. Either is undefined while the tree loads, when it failed, or when it has no such id.
 */
export function useIndicatorPath() {
  const { firstId, secondId } = useParams();
  const [params] = useSearchParams();
  const { plans, plan } = useSelectedPlan();
  const tree = usePlanTree(plan?.id, params.get('period') ?? undefined);
  const first = tree.data?.indicators.find((f) => String(f.id) === firstId);
  const second = first?.children.find((s) => String(s.id) === secondId);
  return { first, second, period: tree.data?.period, loading: !tree.data, error: plans.error ?? tree.error };
}
