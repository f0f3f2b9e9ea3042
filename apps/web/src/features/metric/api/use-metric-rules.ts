import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DepartmentResponse,
  MetricPreviewResponse,
  MetricResponse,
  UpdateMetricRequest,
} from '@taizhang/contracts';
import { getJson, patchJson, postJson } from '../../../lib/api-client';

export function useAllDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => getJson<DepartmentResponse[]>('/api/departments'),
    enabled,
  });
}

/** How the statuses would change under the proposed rules; writes nothing. */
export function usePreviewRules(metricId: number) {
  return useMutation({
    mutationFn: (body: UpdateMetricRequest) =>
      postJson<MetricPreviewResponse>(`/api/metrics/${metricId}/preview`, body),
  });
}

/** Saves the rules (audited); the metric, its chart and history are read again. */
export function useSaveRules(metricId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMetricRequest) => patchJson<MetricResponse>(`/api/metrics/${metricId}`, body),
    onSuccess: () => {
      for (const key of ['metric', 'metric-series', 'metric-history'])
        void client.invalidateQueries({ queryKey: [key, metricId] });
    },
  });
}
