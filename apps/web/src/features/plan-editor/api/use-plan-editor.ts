import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DepartmentResponse, NextYearRequest, NextYearResponse, PlanOutlineResponse } from '@taizhang/contracts';
import { deleteJson, getJson, patchJson, postJson } from '../../../lib/api-client';

export const outlineKey = (planId: number | undefined) => ['plan-outline', planId];

/** GET /api/plans/:id/outline (admin): the plan's whole structure, live and retired. */
export function useOutline(planId: number | undefined) {
  return useQuery({
    queryKey: outlineKey(planId),
    queryFn: () => getJson<PlanOutlineResponse>(`/api/plans/${planId}/outline`),
    enabled: planId !== undefined,
  });
}

/** Every department, for lead, responsible and reporting departments (groups only lead or take responsibility). */
export function useAllDepartments() {
  return useQuery({
    queryKey: ['departments', 'all'],
    queryFn: () => getJson<DepartmentResponse[]>('/api/departments'),
  });
}

export interface EditorChange {
  method: 'POST' | 'PATCH' | 'DELETE';
  /** Under /api/plans/:id, e.g. "metrics/12/retire". */
  path: string;
  body?: object;
}

/** One write of the editor; the outline is read again, and everything that shows statuses is refreshed. */
export function useEditorChange(planId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method, path, body }: EditorChange) => {
      const url = `/api/plans/${planId}/${path}`;
      return method === 'POST'
        ? postJson<unknown>(url, body)
        : method === 'PATCH'
          ? patchJson<unknown>(url, body ?? {})
          : deleteJson<unknown>(url);
    },
    onSuccess: () => client.invalidateQueries(),
  });
}

/** POST /api/plans/:id/next-year: next year's copy of the plan; the plan list changes. */
export function useNextYear(planId: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NextYearRequest) => postJson<NextYearResponse>(`/api/plans/${planId}/next-year`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans'] }),
  });
}
