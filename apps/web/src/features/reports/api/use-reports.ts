import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HealthResponse, ReportListItem } from '@taizhang/contracts';
import { monthKey } from '@taizhang/domain';
import { getJson, postJson } from '../../../lib/api-client';

export function useReports(planId: number | undefined) {
  return useQuery({
    queryKey: ['reports', planId],
    queryFn: () => getJson<ReportListItem[]>(`/api/reports?planId=${planId}`),
    enabled: planId !== undefined,
  });
}

export function useGenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { planId: number; month: string }) => postJson<{ id: number }>('/api/reports', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** The date the server judges by (Beijing time; pinned in demonstrations), for the latest month that has ended. */
export function useServerToday() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => getJson<HealthResponse>('/api/health'),
    staleTime: 5 * 60_000,
    select: (h) => h.today,
  });
}

/** The last month of the plan's year that has ended by `today` ("YYYY-MM"), or null when none has. */
export function latestEndedMonth(year: number, today: string): string | null {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (y > year) return `${year}-12`;
  if (y < year || m === 1) return null;
  return monthKey(year, m - 1);
}
