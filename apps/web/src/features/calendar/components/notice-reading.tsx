import type { NoticePreviewResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';

const STATE_MARKS = { read: '✓', unread: '✕', ignored: '–' } as const;

/** What the reader made of the notice: its year, counts, and every sentence marked read, unread or not used, with why. */
export function NoticeReading({
  reading,
  shownYear,
  onYear,
}: {
  reading: NoticePreviewResponse;
  shownYear: number;
  onYear: (year: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <div className="hn-reading" data-testid="notice-reading">
      <h3>{t('calendar.notice.result')}</h3>
      <ul className="hn-facts">
        <li>
          {reading.year === null ? t('calendar.notice.noYear') : t('calendar.notice.year', { year: reading.year })}
        </li>
        <li data-testid="notice-counts">
          {t('calendar.notice.counts', { holidays: reading.holidays.length, workdays: reading.workingDays.length })}
        </li>
        {reading.current && (
          <li>{t('calendar.notice.current', { source: t(`calendar.sources.${reading.current}`) })}</li>
        )}
        {reading.year !== null && reading.current && reading.year !== shownYear && (
          <li>
            <button type="button" className="hn-link" onClick={() => onYear(reading.year!)}>
              {t('calendar.notice.viewYear', { year: reading.year })}
            </button>
          </li>
        )}
      </ul>
      <h4>{t('calendar.notice.sentences')}</h4>
      <ol className="hn-sentences">
        {reading.sentences.map((s, i) => (
          <li key={i} className={`hn-sentence is-${s.state}`} data-testid="notice-sentence" data-state={s.state}>
            <span className="hn-state">
              <span aria-hidden="true">{STATE_MARKS[s.state]}</span> {t(`calendar.notice.states.${s.state}`)}
            </span>
            <span className="hn-text">
              <span className="hn-item">{s.item}：</span>
              {s.text}
            </span>
            {(s.noteZh || s.noteEn) && <span className="hn-note">{en ? s.noteEn : s.noteZh}</span>}
          </li>
        ))}
      </ol>
      {reading.otherYears.length > 0 && (
        <>
          <h4>{t('calendar.notice.otherYears')}</h4>
          <ul className="hn-other-years" data-testid="notice-other-years">
            {reading.otherYears.map((d) => (
              <li key={d.date}>
                {t('calendar.notice.otherYearDay', { date: d.date, kind: t(`calendar.kinds.${d.kind}`) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
