import type { NoticeLevel, NoticeState } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

// Levels are never told by colour alone: an icon and a word go with the blue, yellow or red.
const LEVEL_ICONS: Record<NoticeLevel, string> = { remind: 'i', supervise: '!', listed: '‼' };

export function NoticeLevelBadge({ level }: { level: NoticeLevel }) {
  const { t } = useTranslation();
  return (
    <span className={`badge notice-level-${level}`} data-level={level}>
      <span aria-hidden="true" className="badge-icon">
        {LEVEL_ICONS[level]}
      </span>
      {t(`notices.levels.${level}`)}
    </span>
  );
}

export function NoticeStateBadge({ state }: { state: NoticeState }) {
  const { t } = useTranslation();
  return (
    <span className={`notice-state notice-state-${state}`} data-state={state}>
      {t(`notices.states.${state}`)}
    </span>
  );
}

/** The reply deadline, with "overdue" in words when the department is late. */
export function ReplyDue({ date, overdue }: { date: string; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={overdue ? 'reply-due reply-overdue' : 'reply-due'}>
      {date}
      {overdue && (
        <>
          {' '}
          <strong className="overdue-mark">{t('notices.overdue')}</strong>
        </>
      )}
    </span>
  );
}
