import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage, getJson, patchJson, postJson } from '../../../lib/api-client';
import { DepartmentsAdmin } from './departments-admin';
import { FailedDeliveries } from './failed-deliveries';
import { PlanReminderSettings } from './plan-reminder-settings';

interface UserItem {
  id: number;
  username: string;
  role: 'admin' | 'leader' | 'department';
  departmentId: number | null;
  disabled: boolean;
}
interface Department {
  id: number;
  name: string;
  isGroup: boolean;
}
interface AuditRow {
  id: number;
  at: string;
  username: string | null;
  kind: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  statusCode: number | null;
}

/** Admins manage accounts and read the audit trail. */
export function AdminPage() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => getJson<UserItem[]>('/api/users') });
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => getJson<Department[]>('/api/departments') });
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => getJson<AuditRow[]>('/api/audit?limit=50') });
  const [draft, setDraft] = useState({ username: '', password: '', role: 'department' as UserItem['role'], departmentId: '' });
  const create = useMutation({
    mutationFn: () => postJson('/api/users', { ...draft, departmentId: draft.role === 'department' ? Number(draft.departmentId) : undefined }),
    onSuccess: () => void client.invalidateQueries(),
  });
  const toggle = useMutation({ mutationFn: (u: UserItem) => patchJson(`/api/users/${u.id}`, { disabled: !u.disabled }), onSuccess: () => void client.invalidateQueries() });
  const nameOf = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <>
      <section className="panel" aria-labelledby="plan-import-link-title">
        <h2 id="plan-import-link-title">{t('planImport.title')}</h2>
        <p className="muted">{t('planImport.intro')}</p>
        <Link to="/admin/import">{t('planImport.link')}</Link>
      </section>
      <section className="panel" aria-labelledby="calendar-link-title">
        <h2 id="calendar-link-title">{t('calendar.title')}</h2>
        <p className="muted">{t('calendar.intro')}</p>
        <Link to="/admin/calendar">{t('calendar.link')}</Link>
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.users')}</h2>
        <table className="data-table">
          <thead><tr><th>{t('admin.username')}</th><th>{t('admin.role')}</th><th>{t('nav.department')}</th><th>{t('admin.state')}</th><th /></tr></thead>
          <tbody>
            {(users.data ?? []).map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td><td>{t(`roles.${u.role}`)}</td><td>{u.departmentId ? nameOf.get(u.departmentId) : '—'}</td>
                <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                <td><button type="button" onClick={() => toggle.mutate(u)}>{u.disabled ? t('admin.enable') : t('admin.disable')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="inline" onSubmit={submit} aria-label={t('admin.newUser')}>
          <label>{t('admin.username')} <input value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} required /></label>
          <label>{t('login.password')} <input type="password" minLength={8} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} required /></label>
          <label>{t('admin.role')}
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as UserItem['role'] })}>
              {(['department', 'leader', 'admin'] as const).map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </label>
          {draft.role === 'department' && (
            <label>{t('nav.department')}
              <select value={draft.departmentId} onChange={(e) => setDraft({ ...draft, departmentId: e.target.value })} required>
                <option value="">{t('nav.chooseDepartment')}</option>
                {(departments.data ?? []).filter((d) => !d.isGroup).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </label>
          )}
          <button type="submit" className="primary" disabled={create.isPending}>{t('admin.create')}</button>
          {create.error && <span role="alert" className="form-error">{errorMessage(create.error, i18n.language)}</span>}
        </form>
      </section>
      <DepartmentsAdmin />
      <PlanReminderSettings />
      <FailedDeliveries />
      <section className="panel" aria-labelledby="audit-title">
        <h2 id="audit-title">{t('admin.audit')}</h2>
        <a href="/api/audit/export" download>{t('admin.exportAudit')}</a>
        <table className="data-table">
          <thead><tr><th>{t('admin.when')}</th><th>{t('admin.username')}</th><th>{t('admin.kind')}</th><th>{t('admin.action')}</th><th>{t('admin.status')}</th></tr></thead>
          <tbody>
            {(audit.data ?? []).map((a) => (
              <tr key={a.id}><td>{a.at}</td><td>{a.username ?? '—'}</td><td>{a.kind}</td><td>{a.action}{a.entityId ? ` #${a.entityId}` : ''}</td><td>{a.statusCode ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
