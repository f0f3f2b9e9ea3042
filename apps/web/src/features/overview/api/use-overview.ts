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

export function useDashboardSummary(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['summary', planId, period ?? 'latest'],
    queryFn: () => getJson<DashboardSummaryResponse>(`/api/dashboard/summary?${periodQuery(planId, period)}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useDashboardTrend(planId: number | undefined) {
  return useQuery({
    queryKey: ['trend', planId],
    queryFn: () => getJson<DashboardTrendResponse>(`/api/dashboard/trend?planId=${planId}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function useDepartmentComparison(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['department-comparison', planId, period ?? 'latest'],
    queryFn: () => getJson<DepartmentComparisonResponse>(`/api/dashboard/departments?${periodQuery(planId, period)}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}
