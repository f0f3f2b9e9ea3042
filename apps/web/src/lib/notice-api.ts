import { useQuery } from '@tanstack/react-query';
import type { NoticeResponse } from '@taizhang/contracts';
import { getJson } from './api-client';
import { REFRESH_MS } from './plan-api';

export type NoticeStateFilter = 'open' | 'issued' | 'acknowledged' | 'replied' | 'closed' | '';

/**
 * The notices list, filtered by state and/or metric. Shared because the supervision page and the metric page
 * both show it; the API scopes a department user to their own notices and sorts overdue replies first.
 */
export function useNotices(filter: { state?: NoticeStateFilter; metricId?: number }) {
  const params = new URLSearchParams();
  if (filter.state) params.set('state', filter.state);
  if (filter.metricId) params.set('metricId', String(filter.metricId));
  return useQuery({
    queryKey: ['notices', filter.state ?? '', filter.metricId ?? null],
    queryFn: () => getJson<NoticeResponse[]>(`/api/notices${params.toString() ? `?${params}` : ''}`),
    refetchInterval: REFRESH_MS,
  });
}
