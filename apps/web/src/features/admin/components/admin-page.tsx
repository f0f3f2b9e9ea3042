import type { UserAccountResponse } from '@taizhang/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCreateForm, useDepartments, useUsers } from '../api/use-admin';
import { AuditTrail } from './audit-trail';
import { CreateButton } from './create-button';
import { DepartmentsAdmin } from './departments-admin';
import { FailedDeliveries } from './failed-deliveries';
import { PlanReminderSettings } from './plan-reminder-settings';
import { RoleOptions, UsersTable } from './users-admin';
import { DepartmentOptions } from '../../../components/department-options';
import { InputField, SelectField } from '../../../components/labelled-field';

/** Admins manage accounts and read the audit trail. */
export function AdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const [draft, setDraft] = useState({
    username: '',
    password: '',
    role: 'department' as UserAccountResponse['role'],
    departmentId: '',
  });
  const { create, submit } = useCreateForm('/api/users', {
    ...draft,
    departmentId: draft.role === 'department' ? Number(draft.departmentId) : undefined,
  });
  return (
    <>
      <section className="panel" aria-labelledby="plan-import-link-title">
        <h2 id="plan-import-link-title">{t('planImport.title')}</h2>
        <p className="muted">{t('planImport.intro')}</p>
        <Link to="/admin/import">{t('planImport.link')}</Link>
        {' · '}
        <Link to="/admin/plans">{t('planEditor.link')}</Link>
      </section>
      <section className="panel" aria-labelledby="calendar-link-title">
        <h2 id="calendar-link-title">{t('calendar.title')}</h2>
        <p className="muted">{t('calendar.intro')}</p>
        <Link to="/admin/calendar">{t('calendar.link')}</Link>
      </section>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.users')}</h2>
        <UsersTable users={users.data ?? []} departments={departments.data ?? []} />
        <h3>{t('admin.newUser')}</h3>
        <form className="inline" onSubmit={submit} aria-label={t('admin.newUser')}>
          <InputField
            label={t('admin.username')}
            value={draft.username}
            onChange={(username) => setDraft({ ...draft, username })}
            required
          />
          <InputField
            label={t('login.password')}
            type="password"
            minLength={8}
            value={draft.password}
            onChange={(password) => setDraft({ ...draft, password })}
            required
          />
          <SelectField
            label={t('admin.role')}
            value={draft.role}
            onChange={(role) => setDraft({ ...draft, role: role as UserAccountResponse['role'] })}
          >
            <RoleOptions />
          </SelectField>
          {draft.role === 'department' && (
            <SelectField
              label={t('nav.department')}
              value={draft.departmentId}
              onChange={(departmentId) => setDraft({ ...draft, departmentId })}
              required
            >
              <DepartmentOptions departments={departments.data ?? []} />
            </SelectField>
          )}
          <CreateButton create={create} />
        </form>
      </section>
      <DepartmentsAdmin />
      <PlanReminderSettings />
      <FailedDeliveries />
      <AuditTrail users={users.data ?? []} />
    </>
  );
}
