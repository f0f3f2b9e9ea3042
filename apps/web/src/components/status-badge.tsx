import type { Status } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

// Status is never shown by colour alone: an icon and a word go with it.
const ICONS: Record<Status, string> = { red: '✕', amber: '!', green: '✓', grey: '–' };

/** `label` words a status other than the usual (a forecast's 预计未达标); the icon and colour stay the status's own. */
export function StatusBadge({ status, label }: { status: Status; label?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      <span aria-hidden="true" className="badge-icon">
        {ICONS[status]}
      </span>
      {label ?? t(`status.${status}`)}
    </span>
  );
}
