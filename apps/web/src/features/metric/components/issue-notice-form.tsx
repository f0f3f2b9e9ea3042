import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NoticeResponse } from '@taizhang/contracts';
import { NOTICE_LEVELS, type NoticeLevel } from '@taizhang/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { postJson } from '../../../lib/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField } from '../../../components/labelled-field';

interface Props {
  metricId: number;
  /** The departments that report this metric: a notice can only go to one of them. */
  departments: Array<{ id: number; name: string }>;
  defaultPeriod: string;
}

/** A leader issues a 督办 notice by hand; the API refuses a second open one for the same period (409). */
export function IssueNoticeForm({ metricId, departments, defaultPeriod }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    departmentId: departments.length === 1 ? String(departments[0].id) : '',
    period: defaultPeriod,
    level: 'supervise' as NoticeLevel,
    note: '',
  });
  const issue = useMutation({
    mutationFn: () =>
      postJson<NoticeResponse>('/api/notices', {
        metricId,
        departmentId: Number(draft.departmentId),
        period: draft.period.trim(),
        level: draft.level,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notices'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    issue.mutate();
  };
  return (
    <section className="panel" aria-labelledby="issue-notice-title" data-testid="issue-notice">
      <h2 id="issue-notice-title">{t('issueNotice.title')}</h2>
      <p className="muted">{t('issueNotice.intro')}</p>
      <form className="inline" onSubmit={submit} aria-labelledby="issue-notice-title">
        <SelectField
          label={t('issueNotice.department')}
          value={draft.departmentId}
          onChange={(departmentId) => setDraft({ ...draft, departmentId })}
          required
        >
          <option value="">{t('issueNotice.chooseDepartment')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <label>
          {t('issueNotice.period')}
          <input
            value={draft.period}
            onChange={(e) => setDraft({ ...draft, period: e.target.value })}
            placeholder={t('issueNotice.periodHint')}
            title={t('issueNotice.periodHint')}
            required
          />
        </label>
        <SelectField
          label={t('issueNotice.level')}
          value={draft.level}
          onChange={(level) => setDraft({ ...draft, level: level as NoticeLevel })}
        >
          {NOTICE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`notices.levels.${level}`)}
            </option>
          ))}
        </SelectField>
        <label>
          {t('issueNotice.note')}
          <input value={draft.note} maxLength={1000} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />
        </label>
        <button type="submit" className="primary" disabled={issue.isPending}>
          {t('issueNotice.submit')}
        </button>
        <ErrorAlert error={issue.error} inline testId="issue-notice-error" />
        {issue.data && !issue.error && (
          <span role="status" data-testid="issue-notice-done">
            {t('issueNotice.issued', { id: issue.data.id })}{' '}
            <MonthLink to={`/notices/${issue.data.id}`}>{t('issueNotice.open')}</MonthLink>
          </span>
        )}
      </form>
    </section>
  );
}
