import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, getJson, patchJson, postJson } from '../../../lib/api-client';

interface Department {
  id: number;
  code: string;
  name: string;
  isGroup: boolean;
}

/** Admins add departments and correct their names. */
export function DepartmentsAdmin() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => getJson<Department[]>('/api/departments') });
  const [draft, setDraft] = useState({ code: '', name: '' });
  const create = useMutation({ mutationFn: () => postJson('/api/departments', draft), onSuccess: () => void client.invalidateQueries({ queryKey: ['departments'] }) });
  const rename = useMutation({ mutationFn: (d: { id: number; name: string }) => patchJson(`/api/departments/${d.id}`, { name: d.name }), onSuccess: () => void client.invalidateQueries({ queryKey: ['departments'] }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <section className="panel" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('admin.departments')}</h2>
      <table className="data-table">
        <thead><tr><th>{t('admin.code')}</th><th>{t('admin.name')}</th></tr></thead>
        <tbody>
          {(departments.data ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.code}{d.isGroup ? ` (${t('admin.group')})` : ''}</td>
              <td>
                <input aria-label={t('admin.renameLabel', { name: d.name })} defaultValue={d.name} onBlur={(e) => e.target.value.trim() && e.target.value !== d.name && rename.mutate({ id: d.id, name: e.target.value })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="inline" onSubmit={submit} aria-label={t('admin.newDepartment')}>
        <label>{t('admin.code')} <input value={draft.code} pattern="[a-z0-9-]{2,64}" onChange={(e) => setDraft({ ...draft, code: e.target.value })} required /></label>
        <label>{t('admin.name')} <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required /></label>
        <button type="submit" className="primary" disabled={create.isPending}>{t('admin.create')}</button>
        {(create.error ?? rename.error) && <span role="alert" className="form-error">{errorMessage(create.error ?? rename.error, i18n.language)}</span>}
      </form>
    </section>
  );
}
