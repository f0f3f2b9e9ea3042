import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeResponse } from '@taizhang/contracts';
import { getJson, postJson } from '../../../lib/api-client';
import { REFRESH_MS } from '../../../lib/plan-api';

export function useNotice(id: number) {
  return useQuery({ queryKey: ['notice', id], queryFn: () => getJson<NoticeResponse>(`/api/notices/${id}`), refetchInterval: REFRESH_MS });
}

export type NoticeStep =
  | { action: 'acknowledge' }
  | { action: 'reply'; measures: string; targetDate: string }
  | { action: 'accept' }
  | { action: 'send-back'; comment: string };

/** One step in the notice's life; the answer is the updated notice, so the page shows it at once. */
export function useNoticeStep(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: NoticeStep) => postJson<NoticeResponse>(`/api/notices/${id}/${action}`, body),
    onSuccess: (notice) => {
      client.setQueryData(['notice', id], notice);
      // Lists, the metric page and the bell (a reply notifies leaders) all change with a step.
      void client.invalidateQueries({ queryKey: ['notices'] });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
