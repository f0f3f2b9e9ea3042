import { useQuery } from '@tanstack/react-query';
import type { MetricSeriesResponse, RevisionResponse } from '@taizhang/contracts';
import { getJson } from '../../../lib/api-client';
import type { EvaluationResponse, MetricResponse } from '@taizhang/contracts';
import { REFRESH_MS } from '../../../lib/plan-api';

/** The metric with its status as the chosen month shows it (as the overview did), or as of today without one. */
export function useMetric(metricId: number, month: string | undefined) {
  return useQuery({
    queryKey: ['metric', metricId, month ?? 'today'],
    queryFn: () => getJson<MetricResponse>(`/api/metrics/${metricId}${month ? `?period=${month}` : ''}`),
    refetchInterval: REFRESH_MS,
  });
}

export function useMetricSeries(metricId: number) {
  return useQuery({
    queryKey: ['metric-series', metricId],
    queryFn: () => getJson<MetricSeriesResponse>(`/api/metrics/${metricId}/series`),
    refetchInterval: REFRESH_MS,
  });
}

export function useMetricHistory(metricId: number) {
  return useQuery({
    queryKey: ['metric-history', metricId],
    queryFn: () => getJson<EvaluationResponse[]>(`/api/metrics/${metricId}/evaluations`),
    refetchInterval: REFRESH_MS,
  });
}

export function useMetricRevisions(metricId: number) {
  return useQuery({
    queryKey: ['revisions', metricId],
    queryFn: () => getJson<RevisionResponse[]>(`/api/submissions?metricId=${metricId}`),
    refetchInterval: REFRESH_MS,
  });
}
