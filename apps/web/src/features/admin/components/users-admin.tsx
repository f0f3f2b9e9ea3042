import type { DepartmentResponse, UserAccountResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentOptions } from '../../../components/department-options';
import { useUpdateUser, type UserChanges } from '../api/use-admin';
import { SaveOutcome } from './save-outcome';
import { DataTable } from '../../../components/data-table';

/** The options of a role picker, each role by its name in the interface language. */
export function RoleOptions() {
  const { t } = useTranslation();
  return (['department', 'leader', 'admin'] as const).map((r) => (
    <option key={r} value={r}>
      {t(`roles.${r}`)}
    </option>
  ));
}

/** One account: its role and department, a new password, or deactivation — each ends the user's sessions. */
function UserRow({ user: u, departments }: { user: UserAccountResponse; departments: DepartmentResponse[] }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [role, setRole] = useState(u.role);
  const [departmentId, setDepartmentId] = useState(u.departmentId === null ? '' : String(u.departmentId));
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const send = (changes: UserChanges, message: string) => {
    setDone(null);
    update.mutate({ id: u.id, changes }, { onSuccess: () => setDone(message) });
  };
  const access: UserChanges = {};
  if (role !== u.role) access.role = role;
  const chosenDepartment = role === 'department' ? (departmentId ? Number(departmentId) : null) : null;
  if (role === 'department' && chosenDepartment !== u.departmentId) access.departmentId = chosenDepartment;
  const saveAccess = (e: FormEvent) => {
    e.preventDefault();
    send(access, t('usersAdmin.accessSaved'));
  };
  const reset = (e: FormEvent) => {
    e.preventDefault();
    send({ password }, t('usersAdmin.passwordReset', { username: u.username }));
    setPassword('');
  };
  const accessForm = `user-access-${u.id}`;
  const resetForm = `user-reset-${u.id}`;
  return (
    <tr data-testid="user-row" data-username={u.username}>
      <th scope="row">{u.username}</th>
      <td>
        <select
          form={accessForm}
          aria-label={t('usersAdmin.roleOf', { username: u.username })}
          value={role}
          onChange={(e) => setRole(e.target.value as UserAccountResponse['role'])}
        >
          <RoleOptions />
        </select>
      </td>
      <td>
        {role === 'department' ? (
          <select
            form={accessForm}
            aria-label={t('usersAdmin.departmentOf', { username: u.username })}
            value={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
            required
          >
            <DepartmentOptions departments={departments} />
          </select>
        ) : (
          '—'
        )}
      </td>
      <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
      <td className="user-actions">
        <form id={accessForm} onSubmit={saveAccess}>
          <button type="submit" disabled={update.isPending || Object.keys(access).length === 0}>
            {t('usersAdmin.saveAccess')}
          </button>
        </form>
        <form id={resetForm} className="inline" onSubmit={reset}>
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            aria-label={t('usersAdmin.newPasswordFor', { username: u.username })}
            placeholder={t('usersAdmin.newPassword')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" disabled={update.isPending}>
            {t('usersAdmin.reset')}
          </button>
        </form>
        <button
          type="button"
          onClick={() => send({ disabled: !u.disabled }, u.disabled ? t('admin.active') : t('admin.disabled'))}
          disabled={update.isPending}
        >
          {u.disabled ? t('admin.enable') : t('admin.disable')}
        </button>
        <SaveOutcome done={done} error={update.error} />
      </td>
    </tr>
  );
}

/** Every account, with what an admin may change; a change of access or password signs the user out everywhere. */
export function UsersTable({
  users,
  departments,
}: {
  users: UserAccountResponse[];
  departments: DepartmentResponse[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('usersAdmin.hint')}</p>
      <DataTable
        columns={[t('admin.username'), t('admin.role'), t('nav.department'), t('admin.state'), t('usersAdmin.actions')]}
      >
        {users.map((u) => (
          <UserRow key={`${u.id}:${u.role}:${u.departmentId}:${u.disabled}`} user={u} departments={departments} />
        ))}
      </DataTable>
    </>
  );
}
