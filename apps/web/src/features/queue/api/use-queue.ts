import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSubmissionRequest, CreateSubmissionResponse, QueueResponse } from '@taizhang/contracts';
import { getJson, postForm, postJson } from '../../../lib/api-client';

export function useQueue(planId: number | undefined, departmentId?: number) {
  const params = new URLSearchParams({ planId: String(planId ?? '') });
  if (departmentId) params.set('departmentId', String(departmentId));
  return useQuery({
    queryKey: ['queue', planId, departmentId ?? 'mine'],
    queryFn: () => getJson<QueueResponse>(`/api/queue?${params}`),
    enabled: planId !== undefined,
  });
}

/** Submits the figures, then the evidence file if there is one; the answer carries the evaluation. */
export function useSubmitFigures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, file }: { request: CreateSubmissionRequest; file: File | null }) => {
      const created = await postJson<CreateSubmissionResponse>('/api/submissions', request);
      if (file) {
        const form = new FormData();
        form.append('file', file);
        await postForm(`/api/submissions/${created.submission.id}/evidence`, form);
      }
      return created;
    },
    onSuccess: () => void client.invalidateQueries(),
  });
}

export function useReturnSubmission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ submissionId, comment }: { submissionId: number; comment: string }) => postJson(`/api/submissions/${submissionId}/return`, { comment }),
    onSuccess: () => void client.invalidateQueries(),
  });
}
