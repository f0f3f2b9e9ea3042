import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlaggedSubmissionsResponse } from '@taizhang/contracts';
import { getJson, postJson } from '../../../lib/api-client';

/** Every figure of the plan that tripped a soft rule (of the periods ending in `month`, when given). */
export function useFlagged(planId: number | undefined, month: string | undefined) {
  const params = new URLSearchParams({ planId: String(planId ?? '') });
  if (month) params.set('period', month);
  return useQuery({
    queryKey: ['flagged', planId, month ?? 'all'],
    queryFn: () => getJson<FlaggedSubmissionsResponse>(`/api/submissions/flagged?${params}`),
    enabled: planId !== undefined,
  });
}

/** A leader accepts a flagged figure, or returns it for correction (the ordinary return). */
export function useFlagDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      submissionId,
      decision,
      comment,
    }: {
      submissionId: number;
      decision: 'accept' | 'return';
      comment: string;
    }) =>
      decision === 'accept'
        ? postJson(`/api/submissions/${submissionId}/accept`, comment.trim() ? { comment } : {})
        : postJson(`/api/submissions/${submissionId}/return`, { comment }),
    onSuccess: () => void client.invalidateQueries(),
  });
}
