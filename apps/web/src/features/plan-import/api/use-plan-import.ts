import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConfirmImportResponse, ImportPreview } from '@taizhang/contracts';
import type { DepartmentSeed, PlanSeed } from '@taizhang/domain';
import { getJson, postForm, postJson } from '../../../lib/api-client';

export interface ImportRequest {
  file: File;
  code: string;
  title: string;
  year: string;
  district: string;
}

/** POST /api/plans/import: the ledger file read into a proposed plan; nothing is stored yet. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ file, ...fields }: ImportRequest) => {
      const form = new FormData();
      form.append('file', file);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      return postForm<ImportPreview>('/api/plans/import', form);
    },
  });
}

/** POST /api/plans/import/confirm: creates the reviewed plan; the plan list changes. */
export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (seed: PlanSeed) => postJson<ConfirmImportResponse>('/api/plans/import/confirm', { seed }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

/** GET /api/departments: the departments already known, which a reviewer may name as reporters of an imported target. */
export function useKnownDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => getJson<Array<DepartmentSeed & { isGroup?: boolean }>>('/api/departments'),
    // Groups ("其他部门、各街道按职责分别负责") do not log in, so they report nothing.
    select: (list: Array<DepartmentSeed & { isGroup?: boolean }>): DepartmentSeed[] =>
      list.filter((d) => !d.isGroup).map(({ code, name }) => ({ code, name })),
  });
}
