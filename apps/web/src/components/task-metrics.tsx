import type { MetricNode } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { MetricLine } from './metric-line';

/** A task's metrics, one line each, or a quiet note that it has none. */
export function TaskMetrics({ metrics }: { metrics: MetricNode[] }) {
  const { t } = useTranslation();
  if (metrics.length === 0) return <p className="muted">{t('noMetrics')}</p>;
  return (
    <ul className="metrics">
      {metrics.map((m) => (
        <MetricLine key={m.id} metric={m} />
      ))}
    </ul>
  );
}
