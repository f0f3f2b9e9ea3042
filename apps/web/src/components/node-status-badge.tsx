import type { Status, StatusCounts } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from './status-badge';

/** An indicator's or a task's status; one with no metric beneath it has nothing to measure: 无量化指标, not 无数据. */
export function NodeStatusBadge({ node }: { node: { status: Status; counts: StatusCounts } }) {
  const { t } = useTranslation();
  const { red, amber, green, grey } = node.counts;
  if (red + amber + green + grey > 0) return <StatusBadge status={node.status} />;
  return (
    <span className="badge badge-grey" data-status="grey" data-testid="no-metrics">
      <span aria-hidden="true" className="badge-icon">
        –
      </span>
      {t('noMetricsBelow')}
    </span>
  );
}
