import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntryResponse, AuditQuery, DepartmentResponse, UserAccountResponse } from '@taizhang/contracts';
import type { FormEvent } from 'react';
import { getJson, patchJson, postJson } from '../../../lib/api-client';

export type UserChanges = Partial<Pick<UserAccountResponse, 'role' | 'departmentId' | 'disabled'>> & {
  password?: string;
};

export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: () => getJson<UserAccountResponse[]>('/api/users') });
export const useDepartments = () =>
  useQuery({ queryKey: ['departments'], queryFn: () => getJson<DepartmentResponse[]>('/api/departments') });

/**
 * An admin "new …" form (an account, a department): on submit it posts `body` to `path`, then refetches the queries
 * under `queryKey` (every query when none is named). `create` is the mutation, for its pending state and error.
 */
export function useCreateForm(path: string, body: object, queryKey?: string[]) {
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => postJson(path, body),
    onSuccess: () => void client.invalidateQueries(queryKey && { queryKey }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return { create, submit };
}

/** A reset password, another role or department, or deactivation: the API ends the user's sessions. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: number; changes: UserChanges }) =>
      patchJson<UserAccountResponse>(`/api/users/${id}`, changes),
    onSuccess: () =>
      void client
        .invalidateQueries({ queryKey: ['users'] })
        .then(() => client.invalidateQueries({ queryKey: ['audit'] })),
  });
}

/** The query string of the audit filters (empty ones left out). */
export function auditSearch(filter: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function useAudit(filter: AuditQuery) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => getJson<AuditEntryResponse[]>(`/api/audit?${auditSearch({ ...filter, limit: 100 })}`),
  });
}
