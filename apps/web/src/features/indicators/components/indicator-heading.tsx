import type { FirstLevelNode, SecondLevelNode } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';

/** The head of an indicator's page: its level and the month shown, its number and title, its status and counts. */
export function IndicatorHeading({
  level,
  period,
  node,
  titleId,
}: {
  level: string;
  period: string | null | undefined;
  node: FirstLevelNode | SecondLevelNode;
  titleId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="kicker">
        {level} · <span data-testid="month-shown">{t('monthShown', { month: period ?? '—' })}</span>
      </p>
      <h2 id={titleId}>
        {node.number}. {node.title}
      </h2>
      <p>
        <NodeStatusBadge node={node} /> <StatusCounts counts={node.counts} />
      </p>
    </>
  );
}
