import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { useDashboardSummary, usePlans, usePlanTree } from '../api/use-overview';
import { PlanTree } from './plan-tree';
import { StatusSummary } from './status-summary';

/** The glance: where the plan stands this month, and the whole tree beneath it. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const plan = plans.data?.[0];
  const period = params.get('period') ?? undefined;
  const summary = useDashboardSummary(plan?.id, period);
  const tree = usePlanTree(plan?.id, period);

  const error = plans.error ?? summary.error ?? tree.error;
  if (error) {
    const message = error instanceof ApiError ? (i18n.language === 'en' ? error.body.messageEn : error.body.messageZh) : error.message;
    return (
      <div role="alert" className="panel error">
        {t('loadError', { message })} <button type="button" onClick={() => void Promise.all([plans.refetch(), summary.refetch(), tree.refetch()])}>{t('retry')}</button>
      </div>
    );
  }
  if (!plan || !summary.data || !tree.data) return <p role="status">{t('loading')}</p>;

  const evaluatedAt = summary.data.evaluatedAt
    ? new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(summary.data.evaluatedAt))
    : '—';
  return (
    <>
      {plan.demo && <p className="demo-banner" role="note">{t('demoBanner')}</p>}
      <div className="toolbar">
        <h2 className="plan-title">{plan.title}</h2>
        <label>
          {t('period')}{' '}
          <select value={summary.data.period ?? ''} onChange={(e) => setParams({ period: e.target.value })} disabled={summary.data.periods.length === 0}>
            {summary.data.periods.length === 0 && <option value="">{t('periodNone')}</option>}
            {summary.data.periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <span className="muted">{t('evaluatedAt', { time: evaluatedAt })}</span>
      </div>
      <StatusSummary summary={summary.data} />
      <PlanTree indicators={tree.data.indicators} />
    </>
  );
}
