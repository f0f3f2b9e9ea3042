import { useQuery } from '@tanstack/react-query';
import type { DashboardSummaryResponse, PlanSummaryResponse, PlanTreeResponse } from '@taizhang/contracts';
import { getJson } from '../../../lib/api-client';

// Evaluations change when departments submit; refetch every minute so an open dashboard stays fresh.
const REFRESH_MS = 60_000;

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => getJson<PlanSummaryResponse[]>('/api/plans') });
}

export function useDashboardSummary(planId: number | undefined, period: string | undefined) {
  const query = new URLSearchParams({ planId: String(planId ?? '') });
  if (period) query.set('period', period);
  return useQuery({
    queryKey: ['summary', planId, period ?? 'latest'],
    queryFn: () => getJson<DashboardSummaryResponse>(`/api/dashboard/summary?${query}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

export function usePlanTree(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['plan-tree', planId, period ?? 'latest'],
    queryFn: () => getJson<PlanTreeResponse>(`/api/plans/${planId}${period ? `?period=${period}` : ''}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}
