import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { STATUSES } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { useFormat } from '../../../lib/format';

/** The headline: metrics by status, share on target and on-time rate, each with its change since last month. */
export function StatusSummary({ summary }: { summary: DashboardSummaryResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const previous = summary.previous;
  const pointChange = (now: number | null, before: number | null | undefined) =>
    now === null || before === null || before === undefined
      ? null
      : t('dashboard.pointChange', { delta: format.signed(now - before) });
  return (
    <section aria-labelledby="status-summary-title" className="panel status-summary">
      <h2 id="status-summary-title">{t('metricsByStatus')}</h2>
      <p className="muted">
        {t('metricTotal', { count: summary.metricCount })}
        {' · '}
        {previous ? t('dashboard.comparedWith', { period: previous.period }) : t('dashboard.noPrevious')}
      </p>
      <div className="status-summary-body">
        <ul className="status-cards">
          {STATUSES.map((status) => (
            <li key={status} className={`status-card status-card-${status}`} data-testid={`count-${status}`}>
              <span className="status-card-count">{summary.counts[status]}</span>
              <StatusBadge status={status} />
              {previous && (
                <span className="status-card-change" data-testid={`change-${status}`}>
                  {t('dashboard.countChange', {
                    status: t(`status.${status}`),
                    delta: format.signed(summary.counts[status] - previous.counts[status]),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
        <dl className="rates">
          <Rate
            testId="share-green"
            label={t('dashboard.shareGreen')}
            value={format.percent(summary.shareGreen)}
            change={pointChange(summary.shareGreen, previous?.shareGreen)}
          />
          <Rate
            testId="on-time-rate"
            label={t('dashboard.onTimeRate')}
            value={format.percent(summary.onTimeRate)}
            change={pointChange(summary.onTimeRate, previous?.onTimeRate)}
          />
        </dl>
      </div>
    </section>
  );
}

function Rate({
  testId,
  label,
  value,
  change,
}: {
  testId: string;
  label: string;
  value: string;
  change: string | null;
}) {
  return (
    <div className="rate" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="rate-value">{value}</span>
        {change && <span className="rate-change">{change}</span>}
      </dd>
    </div>
  );
}
