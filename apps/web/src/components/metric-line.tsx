import type { MetricNode } from '@taizhang/contracts';
import { formatTarget } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { MonthLink } from './month-link';
import { StatusBadge } from './status-badge';

/** One metric in a list: status, name (linking to its page), target, period and reason. */
export function MetricLine({ metric }: { metric: MetricNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <li className={`metric metric-${metric.status}`} data-testid="metric" data-code={metric.code}>
      <StatusBadge status={metric.status} />
      <MonthLink className="metric-name" to={`/metrics/${metric.id}`}>
        {english ? metric.nameEn : metric.name}
      </MonthLink>
      <span className="metric-target">
        {t('target')} {formatTarget(metric, english ? 'en' : 'zh')}
      </span>
      {metric.periodKey && <span className="metric-period">{t('reportingPeriod', { period: metric.periodKey })}</span>}
      <span className="metric-reason">{english ? metric.reasonEn : metric.reasonZh}</span>
    </li>
  );
}
