import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DepartmentResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../../../lib/api-client';
import { useCreateForm, useDepartments } from '../api/use-admin';
import './admin.css';
import { SaveOutcome } from './save-outcome';
import { CreateButton } from './create-button';
import { DataTable } from '../../../components/data-table';
import { InputField } from '../../../components/labelled-field';

type Changes = Partial<Pick<DepartmentResponse, 'name' | 'email' | 'webhookUrl'>>;

/** Only what changed, with a blank contact sent as null (the API clears it). */
function changesOf(d: DepartmentResponse, draft: { name: string; email: string; webhookUrl: string }): Changes {
  const changes: Changes = {};
  if (draft.name.trim() && draft.name.trim() !== d.name) changes.name = draft.name.trim();
  const email = draft.email.trim() || null;
  if (email !== (d.email ?? null)) changes.email = email;
  const webhookUrl = draft.webhookUrl.trim() || null;
  if (webhookUrl !== (d.webhookUrl ?? null)) changes.webhookUrl = webhookUrl;
  return changes;
}

function DepartmentRow({ department: d }: { department: DepartmentResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState({ name: d.name, email: d.email ?? '', webhookUrl: d.webhookUrl ?? '' });
  const save = useMutation({
    mutationFn: (changes: Changes) => patchJson(`/api/departments/${d.id}`, changes),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['departments'] }),
  });
  const changes = changesOf(d, draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(changes).length) save.mutate(changes);
  };
  const formId = `department-${d.id}`;
  // The row's inputs join its form by id (a row cannot hold a <form>) and are named by their label alone.
  const draftInput = (field: keyof typeof draft, label: string, type?: 'email' | 'url') => (
    <input
      form={formId}
      type={type}
      aria-label={label}
      value={draft[field]}
      onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
    />
  );
  return (
    <tr data-testid="department-row" data-department={d.code}>
      <td>
        {d.isGroup && (
          <span className="group-tag" data-testid="group-tag">
            {t('admin.group')}
          </span>
        )}
        <code className="muted">{d.code}</code>
      </td>
      <td>{draftInput('name', t('admin.renameLabel', { name: d.name }))}</td>
      {d.isGroup ? (
        // A group names "the others" in the plan: nobody signs in as it, it reports nothing and is sent no reminder.
        <td colSpan={2} className="muted">
          {t('groups.note')}
        </td>
      ) : (
        <>
          <td>{draftInput('email', t('supervisionAdmin.emailLabel', { name: d.name }), 'email')}</td>
          <td>{draftInput('webhookUrl', t('supervisionAdmin.webhookLabel', { name: d.name }), 'url')}</td>
        </>
      )}
      <td>
        {/* A form per row: a table row cannot hold a <form>, so the inputs join it by id. */}
        <form id={formId} onSubmit={submit}>
          <button
            type="submit"
            aria-label={t('supervisionAdmin.saveLabel', { name: d.name })}
            disabled={save.isPending || !Object.keys(changes).length}
          >
            {t('supervisionAdmin.save')}
          </button>
        </form>
        <SaveOutcome
          done={save.isSuccess && !Object.keys(changes).length && t('supervisionAdmin.saved')}
          error={save.error}
        />
      </td>
    </tr>
  );
}

/** Admins add departments, correct their names and set where their reminders and notices are sent. */
export function DepartmentsAdmin() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [draft, setDraft] = useState({ code: '', name: '' });
  const { create, submit } = useCreateForm('/api/departments', draft, ['departments']);
  return (
    <section className="panel" aria-labelledby="departments-title">
      <h2 id="departments-title">{t('admin.departments')}</h2>
      <p className="muted">{t('supervisionAdmin.contactsHint')}</p>
      <DataTable
        columns={[t('admin.code'), t('admin.name'), t('supervisionAdmin.email'), t('supervisionAdmin.webhook'), '']}
      >
        {/* Departments first, the groups after them: a group is no unit. */}
        {[...(departments.data ?? [])]
          .sort((a, b) => Number(a.isGroup) - Number(b.isGroup))
          .map((d) => (
            <DepartmentRow key={d.id} department={d} />
          ))}
      </DataTable>
      <form className="inline" onSubmit={submit} aria-label={t('admin.newDepartment')}>
        <InputField
          label={t('admin.code')}
          value={draft.code}
          placeholder="qu-sifa-ju"
          title={t('groups.codeHint')}
          pattern="[a-z0-9-]{2,64}"
          onChange={(code) => setDraft({ ...draft, code })}
          required
        />
        <InputField
          label={t('admin.name')}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          required
        />
        <CreateButton create={create} />
      </form>
    </section>
  );
}
