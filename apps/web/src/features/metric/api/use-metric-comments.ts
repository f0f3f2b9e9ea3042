import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMetricCommentRequest, MetricCommentResponse } from '@taizhang/contracts';
import { getJson, postJson } from '../../../lib/api-client';
import { REFRESH_MS } from '../../../lib/plan-api';

/** The comments on one period of a metric, oldest first. */
export function useMetricComments(metricId: number, period: string) {
  return useQuery({
    queryKey: ['metric-comments', metricId, period],
    queryFn: () =>
      getJson<MetricCommentResponse[]>(`/api/metrics/${metricId}/comments?period=${encodeURIComponent(period)}`),
    refetchInterval: REFRESH_MS,
  });
}

/** Adds a comment to the period; the list is read again afterwards. */
export function useAddMetricComment(metricId: number, period: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      postJson<MetricCommentResponse>(`/api/metrics/${metricId}/comments`, {
        period,
        text,
      } satisfies CreateMetricCommentRequest),
    onSuccess: () => client.invalidateQueries({ queryKey: ['metric-comments', metricId, period] }),
  });
}
