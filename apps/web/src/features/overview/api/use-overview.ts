import { useQuery } from '@tanstack/react-query';
import type {
  DashboardSummaryResponse,
  DashboardTrendResponse,
  DepartmentComparisonResponse,
} from '@taizhang/contracts';
import { getJson } from '../../../lib/api-client';
import { REFRESH_MS } from '../../../lib/plan-api';

function periodQuery(planId: number | undefined, period: string | undefined): URLSearchParams {
  const query = new URLSearchParams({ planId: String(planId ?? '') });
  if (period) query.set('period', period);
  return query;
}

/** A cockpit read of the plan chosen: it waits until a plan is chosen, then refreshes every REFRESH_MS. */
function usePlanDashboard<T>(planId: number | undefined, queryKey: unknown[], path: string) {
  return useQuery({
    queryKey,
    queryFn: () => getJson<T>(path),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useDashboardSummary(planId: number | undefined, period: string | undefined) {
  return usePlanDashboard<DashboardSummaryResponse>(
    planId,
    ['summary', planId, period ?? 'latest'],
    `/api/dashboard/summary?${periodQuery(planId, period)}`,
  );
}

export function useDashboardTrend(planId: number | undefined) {
  return usePlanDashboard<DashboardTrendResponse>(planId, ['trend', planId], `/api/dashboard/trend?planId=${planId}`);
}

export function useDepartmentComparison(planId: number | undefined, period: string | undefined) {
  return usePlanDashboard<DepartmentComparisonResponse>(
    planId,
    ['department-comparison', planId, period ?? 'latest'],
    `/api/dashboard/departments?${periodQuery(planId, period)}`,
  );
}
