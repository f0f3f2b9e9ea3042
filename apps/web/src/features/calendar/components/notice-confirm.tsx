import type { NoticePreviewResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';

interface NoticeConfirmProps {
  reading: NoticePreviewResponse;
  /** The text that was previewed and the text in the box now: what is confirmed must be what was checked. */
  previewedText: string;
  text: string;
  confirming: boolean;
  error: unknown;
  onConfirm: () => void;
}

/** Confirming is offered only for a reading with a year, days off and no unread sentence; why not is said beside the button. */
export function NoticeConfirm({ reading, previewedText, text, confirming, error, onConfirm }: NoticeConfirmProps) {
  const { t } = useTranslation();
  const blocked =
    reading.year === null
      ? t('calendar.notice.blockedNoYear')
      : reading.unread.length > 0
        ? t('calendar.notice.blockedUnread', { count: reading.unread.length })
        : reading.holidays.length === 0
          ? t('calendar.notice.blockedNoDays')
          : text !== previewedText
            ? t('calendar.notice.blockedChanged')
            : null;
  return (
    <section className="panel hn-confirm" aria-labelledby="notice-confirm-title">
      <h2 id="notice-confirm-title">{t('calendar.notice.confirmTitle')}</h2>
      {reading.year !== null && (
        <p>
          {t('calendar.notice.confirmSummary', {
            year: reading.year,
            holidays: reading.holidays.length,
            workdays: reading.workingDays.length,
          })}
        </p>
      )}
      {blocked && (
        <p className="hn-blocked" id="notice-blocked" data-testid="notice-blocked">
          <span aria-hidden="true">✕ </span>
          {blocked}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={blocked !== null || confirming}
        aria-describedby={blocked ? 'notice-blocked' : undefined}
        onClick={onConfirm}
      >
        {confirming ? t('calendar.notice.confirming') : t('calendar.notice.confirm')}
      </button>
      <ErrorAlert error={error} />
    </section>
  );
}
