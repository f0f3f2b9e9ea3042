import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { defaultCalendarYear, useCalendarStatus } from '../../../lib/calendar-status';
import { parseYear } from '../api/calendar-days';
import { useCalendarYear, useConfirmNotice, usePreviewNotice } from '../api/use-calendar';
import '../calendar.css';
import { DayDialog } from './day-dialog';
import { NoticeConfirm } from './notice-confirm';
import { NoticePanel } from './notice-panel';
import { CalendarLegend, YearGrid, type DaySets } from './year-grid';
import { YearSummary } from './year-summary';
import { ErrorAlert } from '../../../components/error-alert';

/**
 * /admin/calendar?year=2027: one year's working-day calendar as twelve months, where it comes from, the pasted
 * State Council notice (previewed on the months before it is confirmed) and days set by hand.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = useCalendarStatus();
  const asked = parseYear(params.get('year'));
  const badYear = params.has('year') && asked === null;
  const year = asked ?? (status.data ? defaultCalendarYear(status.data) : null);
  const calendar = useCalendarYear(year);
  const preview = usePreviewNotice();
  const confirm = useConfirmNotice();
  const [text, setText] = useState('');
  const [showPreview, setShowPreview] = useState(true);
  const [picked, setPicked] = useState<string | null>(null);
  // Said where the admin is looking: a confirmed notice at the top (the page scrolls there), a day set by hand above the months.
  const [noticeSaved, setNoticeSaved] = useState<string | null>(null);
  const [daySaved, setDaySaved] = useState<string | null>(null);

  const goTo = useCallback((y: number) => setParams({ year: String(y) }), [setParams]);
  const reading = preview.data;
  const days = useMemo<DaySets>(
    () => ({ holidays: new Set(calendar.data?.holidays), workdays: new Set(calendar.data?.workingDays) }),
    [calendar.data],
  );
  const previewDays = useMemo<DaySets | null>(
    () =>
      reading && reading.year === year
        ? { holidays: new Set(reading.holidays), workdays: new Set(reading.workingDays) }
        : null,
    [reading, year],
  );
  const onGrid = showPreview ? previewDays : null;

  const runPreview = () => {
    setNoticeSaved(null);
    confirm.reset();
    preview.mutate(text, {
      // The months follow the notice: the year it arranges is the one worth looking at.
      onSuccess: (r) => {
        if (r.year !== null && r.current !== null && r.year !== year) goTo(r.year);
      },
    });
  };
  const runConfirm = () => {
    if (preview.variables === undefined) return;
    confirm.mutate(preview.variables, {
      onSuccess: (saved) => {
        preview.reset();
        setText('');
        setNoticeSaved(t('calendar.notice.saved', { year: saved.year }));
        goTo(saved.year);
        window.scrollTo({ top: 0 });
      },
    });
  };

  return (
    <>
      <Breadcrumbs crumbs={[{ label: t('nav.admin'), to: '/admin' }, { label: t('calendar.title') }]} />
      <section className="panel" aria-labelledby="calendar-title">
        {badYear && (
          <p className="form-error" role="alert">
            {t('calendar.badYear')}
          </p>
        )}
        {year !== null && <YearSummary year={year} calendar={calendar.data} onYear={goTo} />}
        <ErrorAlert error={calendar.error} />
        {year === null && !badYear && <p role="status">{t('loading')}</p>}
        {noticeSaved && (
          <p role="status" className="cal-saved" data-testid="calendar-saved">
            {noticeSaved}
          </p>
        )}
        <p className="muted">{t('calendar.intro')}</p>
      </section>
      <NoticePanel
        text={text}
        onText={setText}
        onPreview={runPreview}
        previewing={preview.isPending}
        reading={reading}
        error={preview.error}
        shownYear={year ?? 0}
        onYear={goTo}
      />
      {year !== null && calendar.data && (
        <section className="panel" aria-labelledby="calendar-months-title">
          <h2 id="calendar-months-title">{t('calendar.months', { year })}</h2>
          <CalendarLegend withPreview={onGrid !== null} />
          {previewDays && (
            <div className="cal-preview-switch">
              <label>
                <input type="checkbox" checked={showPreview} onChange={(e) => setShowPreview(e.target.checked)} />{' '}
                {t('calendar.showPreview')}
              </label>
              {showPreview && <p className="muted">{t('calendar.previewShown')}</p>}
            </div>
          )}
          <p className="muted">{t('calendar.pickHint')}</p>
          {daySaved && (
            <p role="status" className="cal-saved" data-testid="day-saved">
              {daySaved}
            </p>
          )}
          <YearGrid year={year} days={days} preview={onGrid} onPick={setPicked} />
        </section>
      )}
      {reading && (
        <NoticeConfirm
          reading={reading}
          previewedText={preview.variables ?? ''}
          text={text}
          confirming={confirm.isPending}
          error={confirm.error}
          onConfirm={runConfirm}
        />
      )}
      {picked && calendar.data && (
        <DayDialog
          key={picked}
          date={picked}
          calendar={calendar.data}
          onClose={() => setPicked(null)}
          onSaved={setDaySaved}
        />
      )}
    </>
  );
}
