import type { Status } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

// Status is never shown by colour alone: an icon and a word go with it.
const ICONS: Record<Status, string> = { red: '✕', amber: '!', green: '✓', grey: '–' };

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      <span aria-hidden="true" className="badge-icon">{ICONS[status]}</span>
      {t(`status.${status}`)}
    </span>
  );
}
