import type { StatusCounts as Counts } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

/** "未达标 2 · 预警 3 · 达标 7 · 无数据 0", or a note that nothing below is measured. */
export function StatusCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const total = counts.red + counts.amber + counts.green + counts.grey;
  return <span className="muted counts">{total === 0 ? t('noMetricsBelow') : t('countsLine', counts)}</span>;
}
