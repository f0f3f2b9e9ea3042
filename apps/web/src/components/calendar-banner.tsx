import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalendarStatus } from '../lib/calendar-status';

/**
 * From 1 November, while next year's calendar is still computed (no make-up days), admins are asked on every
 * admin screen to paste the State Council's notice: due dates of January onwards rest on it.
 */
export function CalendarBanner() {
  const { t } = useTranslation();
  const status = useCalendarStatus();
  if (!status.data?.warn) return null;
  const year = status.data.nextYear;
  // The tag is <go>, not <link>: the translation's markup parser takes <link> for the void HTML element.
  return (
    <p className="calendar-banner" role="note" data-testid="calendar-banner">
      <Trans
        t={t}
        i18nKey="calendar.banner"
        values={{ year }}
        components={{ go: <Link to={`/admin/calendar?year=${year}`} /> }}
      />
    </p>
  );
}
