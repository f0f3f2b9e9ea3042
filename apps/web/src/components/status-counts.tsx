import type { StatusCounts as Counts } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

/** "未达标 2 · 预警 3 · 达标 7 · 无数据 0"; nothing when nothing below is measured (NodeStatusBadge says 无量化指标). */
export function StatusCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const total = counts.red + counts.amber + counts.green + counts.grey;
  return total === 0 ? null : <span className="muted counts">{t('countsLine', counts)}</span>;
}
