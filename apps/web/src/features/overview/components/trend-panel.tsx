import type { DashboardTrendResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { StatusTrendChart } from '../../../components/charts/status-trend-chart';

export function TrendPanel({ trend }: { trend: DashboardTrendResponse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="trend-title" className="panel trend-panel">
      <h2 id="trend-title">{t('dashboard.trend')}</h2>
      <StatusTrendChart months={trend.months} title={t('dashboard.trend')} />
    </section>
  );
}
