import type { PlanSummaryResponse } from '@taizhang/contracts';
import { nextYearIdentity } from '@taizhang/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNextYear } from '../api/use-plan-editor';
import { ErrorAlert } from '../../../components/error-alert';

/** "Start next year from this plan": a copy for year + 1 with its structure, departments and targets, without figures. */
export function NextYearPanel({ plan }: { plan: PlanSummaryResponse }) {
  const { t } = useTranslation();
  const proposed = nextYearIdentity({ ...plan, source: '' });
  const [draft, setDraft] = useState({ code: proposed.code, title: proposed.title });
  const copy = useNextYear(plan.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    copy.mutate(draft);
  };
  return (
    <section className="panel" aria-labelledby="next-year-title">
      <h2 id="next-year-title">{t('planEditor.nextYear.title')}</h2>
      <p className="muted">{t('planEditor.nextYear.intro', { year: proposed.year })}</p>
      {copy.data ? (
        <p role="status" data-testid="next-year-done">
          {t('planEditor.nextYear.done', {
            title: copy.data.plan.title,
            code: copy.data.plan.code,
            metrics: copy.data.metrics,
          })}{' '}
          <Link to={`/admin/plans/${copy.data.plan.id}`}>{t('planEditor.nextYear.open')}</Link>
          {' · '}
          <Link to="/admin/import">{t('planEditor.nextYear.compare', { year: copy.data.plan.year })}</Link>
        </p>
      ) : (
        <form className="import-form" onSubmit={submit} aria-label={t('planEditor.nextYear.title')}>
          <label>
            {t('planEditor.nextYear.code')}{' '}
            <input
              value={draft.code}
              pattern="[a-z0-9-]{2,64}"
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
              required
            />
          </label>
          <label>
            {t('planEditor.nextYear.planTitle')}{' '}
            <input value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} required />
          </label>
          <span>
            <button type="submit" className="primary" disabled={copy.isPending}>
              {t('planEditor.nextYear.submit', { year: proposed.year })}
            </button>
          </span>
          <ErrorAlert error={copy.error} />
        </form>
      )}
    </section>
  );
}
