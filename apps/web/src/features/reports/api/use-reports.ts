import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportListItem } from '@taizhang/contracts';
import { getJson, postJson } from '../../../lib/api-client';

export function useReports(planId: number | undefined) {
  return useQuery({ queryKey: ['reports', planId], queryFn: () => getJson<ReportListItem[]>(`/api/reports?planId=${planId}`), enabled: planId !== undefined });
}

export function useGenerateReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { planId: number; month: string }) => postJson<{ id: number }>('/api/reports', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['reports'] }),
  });
}
