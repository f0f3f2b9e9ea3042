import type { AuditQuery, UserAccountResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { auditSearch, useAudit } from '../api/use-admin';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField } from '../../../components/labelled-field';

const KINDS = ['write', 'denied', 'login'] as const;
const ENTITIES = [
  'metric',
  'user',
  'department',
  'submission',
  'evidence',
  'plan',
  'indicator',
  'task',
  'report',
  'notice',
  'metric_comment',
  'calendar_year',
  'calendar_day',
] as const;
type Filter = Required<Pick<AuditQuery, 'username' | 'entity' | 'action' | 'from' | 'to'>> & {
  kind: AuditQuery['kind'] | '';
};
const EMPTY: Filter = { username: '', kind: '', entity: '', action: '', from: '', to: '' };

/** The audit trail, newest first, filtered by who, what and when; times in Beijing time. */
export function AuditTrail({ users }: { users: UserAccountResponse[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const query: AuditQuery = { ...applied, kind: applied.kind || undefined, action: applied.action.trim() };
  const audit = useAudit(query);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(draft);
  };
  const clear = () => {
    setDraft(EMPTY);
    setApplied(EMPTY);
  };
  const search = auditSearch(query);
  return (
    <section className="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit')}</h2>
      <form className="inline" onSubmit={submit} aria-label={t('auditFilter.label')}>
        <SelectField
          label={t('auditFilter.who')}
          value={draft.username}
          onChange={(username) => setDraft({ ...draft, username })}
        >
          <option value="">{t('auditFilter.anyone')}</option>
          {users.map((u) => (
            <option key={u.id} value={u.username}>
              {u.username}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('admin.kind')}
          value={draft.kind ?? ''}
          onChange={(kind) => setDraft({ ...draft, kind: kind as Filter['kind'] })}
        >
          <option value="">{t('auditFilter.all')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`auditFilter.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('auditFilter.entity')}
          value={draft.entity}
          onChange={(entity) => setDraft({ ...draft, entity })}
        >
          <option value="">{t('auditFilter.all')}</option>
          {ENTITIES.map((k) => (
            <option key={k} value={k}>
              {t(`auditFilter.entities.${k}`)}
            </option>
          ))}
        </SelectField>
        <label>
          {t('admin.action')}{' '}
          <input
            value={draft.action}
            maxLength={100}
            placeholder={t('auditFilter.actionHint')}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
        </label>
        <label>
          {t('auditFilter.from')}{' '}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {t('auditFilter.to')}{' '}
          <input
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </label>
        <button type="submit" className="primary">
          {t('auditFilter.apply')}
        </button>
        <button type="button" onClick={clear}>
          {t('auditFilter.clear')}
        </button>
      </form>
      <p>
        <a href={`/api/audit/export${search ? `?${search}` : ''}`} download>
          {t('admin.exportAudit')}
        </a>
      </p>
      <ErrorAlert error={audit.error} />
      {audit.data && audit.data.length === 0 && <p role="status">{t('auditFilter.none')}</p>}
      <DataTable
        testId="audit-table"
        columns={[t('admin.when'), t('admin.username'), t('admin.kind'), t('admin.action'), t('admin.status')]}
      >
        {(audit.data ?? []).map((a) => (
          <tr key={a.id} data-testid="audit-row">
            <td>
              <time dateTime={a.at}>{format.dateTime(a.at)}</time>
            </td>
            <td>{a.username ?? '—'}</td>
            <td>{t(`auditFilter.kinds.${a.kind}`, { defaultValue: a.kind })}</td>
            <td>
              {a.action}
              {a.entityId ? ` #${a.entityId}` : ''}
            </td>
            <td>{a.statusCode ?? ''}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
