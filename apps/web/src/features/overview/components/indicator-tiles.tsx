import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';

/** The first-level indicators, each tinted by its worst status; its second-level ones fold out beneath (the cockpit stays one screen). */
export function IndicatorTiles({ indicators }: { indicators: DashboardSummaryResponse['indicators'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tiles-title" className="panel">
      <h2 id="tiles-title">{t('dashboard.indicators')}</h2>
      <ol className="tiles">
        {indicators.map((first) => (
          <li
            key={first.id}
            className={`tile tile-${first.status}`}
            data-testid="indicator-tile"
            data-status={first.status}
          >
            <h3 className="tile-title">
              <MonthLink to={`/indicators/${first.id}`}>
                {first.number}. {first.title}
              </MonthLink>
            </h3>
            <p className="tile-status">
              <NodeStatusBadge node={first} /> <StatusCounts counts={first.counts} />
            </p>
            <details className="tile-more">
              <summary>{t('dashboard.secondLevelCount', { count: first.children.length })}</summary>
              <ul className="tile-children" aria-label={t('dashboard.secondLevelOf', { title: first.title })}>
                {first.children.map((second) => (
                  <li key={second.id}>
                    <NodeStatusBadge node={second} />{' '}
                    <MonthLink to={`/indicators/${first.id}/${second.id}`}>
                      {second.number}. {second.title}
                    </MonthLink>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </section>
  );
}
