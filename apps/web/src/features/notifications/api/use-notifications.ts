import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationsResponse } from '@taizhang/contracts';
import { getJson, postJson } from '../../../lib/api-client';
import { REFRESH_MS } from '../../../lib/plan-api';

/** The bell's messages; polled every minute so a new notice or reply shows without a reload. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => getJson<NotificationsResponse>('/api/notifications'),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => postJson<void>(`/api/notifications/${id}/read`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
