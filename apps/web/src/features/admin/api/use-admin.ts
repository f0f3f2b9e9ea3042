import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditEntryResponse, AuditQuery, DepartmentResponse, UserAccountResponse } from '@taizhang/contracts';
import { getJson, patchJson } from '../../../lib/api-client';

export type UserChanges = Partial<Pick<UserAccountResponse, 'role' | 'departmentId' | 'disabled'>> & {
  password?: string;
};

export const useUsers = () =>
  useQuery({ queryKey: ['users'], queryFn: () => getJson<UserAccountResponse[]>('/api/users') });
export const useDepartments = () =>
  useQuery({ queryKey: ['departments'], queryFn: () => getJson<DepartmentResponse[]>('/api/departments') });

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
