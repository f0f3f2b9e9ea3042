import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeResponse } from '@taizhang/contracts';
import { getJson, postForm, postJson } from '../../../lib/api-client';
import { REFRESH_MS } from '../../../lib/plan-api';

export function useNotice(id: number) {
  return useQuery({
    queryKey: ['notice', id],
    queryFn: () => getJson<NoticeResponse>(`/api/notices/${id}`),
    refetchInterval: REFRESH_MS,
  });
}

export type NoticeStep =
  | { action: 'acknowledge' }
  | { action: 'reply'; measures: string; targetDate: string; file?: File | null }
  | { action: 'accept' }
  | { action: 'send-back'; comment: string };

/** One step in the notice's life; the answer is the updated notice, so the page shows it at once. */
export function useNoticeStep(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: NoticeStep) => {
      // A reply with a file goes as one multipart request: the server checks the file before writing the reply.
      if (step.action === 'reply' && step.file) {
        const form = new FormData();
        form.append('measures', step.measures);
        form.append('targetDate', step.targetDate);
        form.append('file', step.file);
        return postForm<NoticeResponse>(`/api/notices/${id}/reply`, form);
      }
      const { action, ...body } = step;
      if ('file' in body) delete body.file;
      return postJson<NoticeResponse>(`/api/notices/${id}/${action}`, body);
    },
    onSuccess: (notice) => {
      client.setQueryData(['notice', id], notice);
      // Lists, the metric page and the bell (a reply notifies leaders) all change with a step.
      void client.invalidateQueries({ queryKey: ['notices'] });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}
