import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { STATUSES } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';

/** The headline: how many metrics are red, amber, green and grey this month. */
export function StatusSummary({ summary }: { summary: DashboardSummaryResponse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="status-summary-title" className="panel">
      <h2 id="status-summary-title">{t('metricsByStatus')}</h2>
      <p className="muted">{t('metricTotal', { count: summary.metricCount })}</p>
      <ul className="status-cards">
        {STATUSES.map((status) => (
          <li key={status} className={`status-card status-card-${status}`} data-testid={`count-${status}`}>
            <span className="status-card-count">{summary.counts[status]}</span>
            <StatusBadge status={status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
