import { useQuery } from '@tanstack/react-query';
import type { DepartmentResponse, PlanSummaryResponse, PlanTreeResponse } from '@taizhang/contracts';
import { getJson } from './api-client';

// Evaluations change when departments submit; refetch every minute so an open dashboard stays fresh.
export const REFRESH_MS = 60_000;

/** Shared by several features (overview, drill-down, queue), so it lives here rather than in one of them. */
export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => getJson<PlanSummaryResponse[]>('/api/plans') });
}

export function usePlanTree(planId: number | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['plan-tree', planId, period ?? 'latest'],
    queryFn: () => getJson<PlanTreeResponse>(`/api/plans/${planId}${period ? `?period=${period}` : ''}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}

/** The departments of one plan (its lead and responsible departments): a province's whole list is tens of thousands. */
export function usePlanDepartments(planId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: ['departments', planId],
    queryFn: () => getJson<DepartmentResponse[]>(`/api/departments?planId=${planId}`),
    enabled: enabled && planId !== undefined,
  });
}
