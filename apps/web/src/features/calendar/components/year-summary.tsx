import type { CalendarYearResponse } from '@taizhang/contracts';
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

interface YearSummaryProps {
  year: number;
  calendar: CalendarYearResponse | undefined;
  onYear: (year: number) => void;
}

/** The year with its neighbours, and where its calendar comes from, said plainly: an admin must know whether to trust it. */
export function YearSummary({ year, calendar, onYear }: YearSummaryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div className="cal-head">
        <h2 id="calendar-title">{t('calendar.heading', { year })}</h2>
        <nav className="cal-year-nav" aria-label={t('calendar.yearNav')}>
          <button
            type="button"
            disabled={year <= CALENDAR_FIRST_YEAR}
            aria-label={t('calendar.previousYear', { year: year - 1 })}
            onClick={() => onYear(year - 1)}
          >
            ← {t('calendar.yearShort', { year: year - 1 })}
          </button>
          <button
            type="button"
            disabled={year >= CALENDAR_LAST_YEAR}
            aria-label={t('calendar.nextYear', { year: year + 1 })}
            onClick={() => onYear(year + 1)}
          >
            {t('calendar.yearShort', { year: year + 1 })} →
          </button>
        </nav>
      </div>
      {calendar && (
        <>
          <dl className="cal-source" data-testid="calendar-source">
            <div>
              <dt>{t('calendar.source')}</dt>
              <dd>
                <span className={`cal-source-${calendar.source}`} data-source={calendar.source}>
                  {t(`calendar.sources.${calendar.source}`)}
                </span>
              </dd>
            </div>
            <div>
              <dt>{t('calendar.note')}</dt>
              <dd>{calendar.note}</dd>
            </div>
            <div>
              <dt>{t('calendar.updatedAt')}</dt>
              <dd>{calendar.updatedAt ? format.dateTime(calendar.updatedAt) : t('calendar.notStored')}</dd>
            </div>
            <div>
              <dt>{t('calendar.whole')}</dt>
              <dd>
                {t('calendar.counts', { holidays: calendar.holidays.length, workdays: calendar.workingDays.length })}
              </dd>
            </div>
          </dl>
          {calendar.source === 'provisional' && (
            <p className="cal-provisional" role="note" data-testid="calendar-provisional">
              {t('calendar.provisional', { year })}
            </p>
          )}
        </>
      )}
    </>
  );
}
