import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSubmissionRequest, CreateSubmissionResponse, QueueResponse } from '@taizhang/contracts';
import type { QueueFilter } from '@taizhang/domain';
import { getJson, postForm, postJson } from '../../../lib/api-client';

export const QUEUE_PAGE_SIZE = 20;

export interface QueueView {
  state: QueueFilter;
  q: string;
  page: number;
}

/** One tab, search and page of the list (the server counts every tab); the previous page stays shown while the next loads. */
export function useQueue(planId: number | undefined, departmentId: number | undefined, view: QueueView) {
  const params = new URLSearchParams({
    planId: String(planId ?? ''),
    state: view.state,
    page: String(view.page),
    pageSize: String(QUEUE_PAGE_SIZE),
  });
  if (view.q) params.set('q', view.q);
  if (departmentId) params.set('departmentId', String(departmentId));
  return useQuery({
    queryKey: ['queue', planId, departmentId ?? 'mine', view.state, view.q, view.page],
    queryFn: () => getJson<QueueResponse>(`/api/queue?${params}`),
    enabled: planId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/**
 * Submits the figures and the evidence file as one request (multipart when there is a file): the server checks both
 * before writing either, so a refused file leaves nothing half-saved. The answer carries the evaluation.
 */
export function useSubmitFigures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ request, file }: { request: CreateSubmissionRequest; file: File | null }) => {
      if (!file) return postJson<CreateSubmissionResponse>('/api/submissions', request);
      const form = new FormData();
      form.append('submission', JSON.stringify(request));
      form.append('file', file);
      return postForm<CreateSubmissionResponse>('/api/submissions', form);
    },
    onSuccess: () => void client.invalidateQueries(),
  });
}

export function useReturnSubmission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ submissionId, comment }: { submissionId: number; comment: string }) =>
      postJson(`/api/submissions/${submissionId}/return`, { comment }),
    onSuccess: () => void client.invalidateQueries(),
  });
}
