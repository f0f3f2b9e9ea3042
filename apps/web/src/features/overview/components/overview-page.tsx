import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { useDashboardTrend, useDepartmentComparison } from '../api/use-overview';
import { usePlanMonth } from '../api/use-plan-month';
import { DepartmentRanking } from './department-ranking';
import { IndicatorTiles } from './indicator-tiles';
import { LoadGate } from './load-gate';
import { PlanMonthToolbar } from './plan-month-toolbar';
import { RedByDepartment } from './red-by-department';
import { StatusSummary } from './status-summary';

// The trend chart sits below the first screen: chart.js loads after the cockpit has painted.
const TrendPanel = lazy(() => import('./trend-panel').then((m) => ({ default: m.TrendPanel })));

/**
 * The cockpit: one screen that reads in order — the headline, what is red by 责任单位, the indicators — with the
 * ranking and trend beneath; 需关注 in full and the whole plan tree are pages of their own, a link away.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const { plans, plan, choose, period, summary } = usePlanMonth();
  const trend = useDashboardTrend(plan?.id);
  const ranking = useDepartmentComparison(plan?.id, period);
  return (
    <LoadGate queries={[plans, summary]}>
      {plan && summary.data && (
        <>
          <PlanMonthToolbar plans={plans.data ?? []} plan={plan} onChoose={choose} summary={summary.data} />
          <StatusSummary summary={summary.data} />
          <div className="cockpit-grid two-columns">
            <RedByDepartment summary={summary.data} />
            <IndicatorTiles indicators={summary.data.indicators} />
          </div>
          <nav className="cockpit-links" aria-label={t('cockpit.more')}>
            <MonthLink to="/attention" data-testid="attention-link">
              {t('cockpit.allAttention', { count: summary.data.attention.length })} →
            </MonthLink>
            <MonthLink to="/tree" data-testid="tree-link">
              {t('cockpit.allMetrics')} →
            </MonthLink>
          </nav>
          <div className="overview-grid">
            {ranking.data && <DepartmentRanking comparison={ranking.data} />}
            {trend.data && (
              <Suspense fallback={null}>
                <TrendPanel trend={trend.data} />
              </Suspense>
            )}
          </div>
        </>
      )}
    </LoadGate>
  );
}
