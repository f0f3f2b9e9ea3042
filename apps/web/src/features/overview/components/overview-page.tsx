import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { useFormat } from '../../../lib/format';
import { PlanPicker } from '../../../components/plan-picker';
import { usePlanTree } from '../../../lib/plan-api';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useDashboardSummary, useDashboardTrend, useDepartmentComparison } from '../api/use-overview';
import { AttentionList } from './attention-list';
import { DepartmentRanking } from './department-ranking';
import { IndicatorTiles } from './indicator-tiles';
import { PlanTree } from './plan-tree';
import { StatusSummary } from './status-summary';
import { TrendPanel } from './trend-panel';

/** The glance: where the plan stands this month, what is red, who is behind, and the whole tree beneath. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const { plans, plan, choose } = useSelectedPlan();
  const period = params.get('period') ?? undefined;
  const summary = useDashboardSummary(plan?.id, period);
  const tree = usePlanTree(plan?.id, period);
  const trend = useDashboardTrend(plan?.id);
  const ranking = useDepartmentComparison(plan?.id, period);

  const error = plans.error ?? summary.error ?? tree.error;
  if (error) {
    return (
      <div role="alert" className="panel error">
        {t('loadError', { message: errorMessage(error, i18n.language) })} <button type="button" onClick={() => void Promise.all([plans.refetch(), summary.refetch(), tree.refetch()])}>{t('retry')}</button>
      </div>
    );
  }
  if (!plan || !summary.data || !tree.data) return <p role="status">{t('loading')}</p>;

  return (
    <>
      {plan.demo && <p className="demo-banner" role="note">{t('demoBanner')}</p>}
      <div className="toolbar">
        <h2 className="plan-title">{plan.title}</h2>
        <PlanPicker plans={plans.data ?? []} planId={plan.id} onChoose={choose} />
        <label className="period-picker">
          {t('period')}{' '}
          <select value={summary.data.period ?? ''} onChange={(e) => setParams({ plan: String(plan.id), period: e.target.value })} disabled={summary.data.periods.length === 0}>
            {summary.data.periods.length === 0 && <option value="">{t('periodNone')}</option>}
            {summary.data.periods.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <span className="print-only">{t('period')} {summary.data.period ?? '—'}</span>
        <span className="muted" data-testid="evaluated-at">{t('evaluatedAt', { time: format.dateTime(summary.data.evaluatedAt) })}</span>
      </div>
      <StatusSummary summary={summary.data} />
      <div className="overview-grid">
        <IndicatorTiles indicators={summary.data.indicators} />
        <AttentionList items={summary.data.attention} />
      </div>
      <div className="overview-grid">
        {ranking.data && <DepartmentRanking comparison={ranking.data} />}
        {trend.data && <TrendPanel trend={trend.data} />}
      </div>
      <PlanTree indicators={tree.data.indicators} />
    </>
  );
}
