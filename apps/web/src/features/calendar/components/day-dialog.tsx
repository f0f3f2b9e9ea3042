import type { CalendarDayRequest, CalendarYearResponse } from '@taizhang/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKind, isWeekendDate as isWeekend } from '@taizhang/domain';
import { useSetDay } from '../api/use-calendar';
import { ErrorAlert } from '../../../components/error-alert';

type Kind = CalendarDayRequest['kind'];
const KINDS: Kind[] = ['holiday', 'workday', 'ordinary'];

interface DayDialogProps {
  date: string;
  calendar: CalendarYearResponse;
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** One day set by hand (a local arrangement, a correction). The reason is required and audited; the API checks it, so its message comes in the interface language. */
export function DayDialog({ date, calendar, onClose, onSaved }: DayDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const setDay = useSetDay();
  const now = dayKind(date, new Set(calendar.holidays), new Set(calendar.workingDays));
  const [kind, setKind] = useState<Kind>(now === 'holiday' ? 'holiday' : now === 'workday' ? 'workday' : 'ordinary');
  const [reason, setReason] = useState('');
  const ordinaryKind = t(`calendar.kinds.${isWeekend(date) ? 'weekend' : 'weekday'}`);
  const label = (k: Kind) =>
    k === 'ordinary' ? t('calendar.day.ordinary', { kind: ordinaryKind }) : t(`calendar.day.${k}`);

  // A modal dialog keeps the focus inside and closes on Escape; showModal needs the element in the page first.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDay.mutate(
      { date, kind, reason },
      {
        onSuccess: () => {
          onSaved(t('calendar.day.saved', { date, kind: label(kind) }));
          // Closing (not unmounting) gives the focus back to the day that opened the dialog.
          ref.current?.close();
        },
      },
    );
  };
  return (
    <dialog ref={ref} className="day-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="day-dialog">
      <form onSubmit={submit}>
        <h3 id={`${id}-title`}>{t('calendar.day.title', { date })}</h3>
        <p className="muted">{t('calendar.day.current', { kind: t(`calendar.kinds.${now}`) })}</p>
        <fieldset>
          <legend>{t('calendar.day.kind')}</legend>
          {KINDS.map((k) => (
            <label key={k} className="day-kind">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {label(k)}
            </label>
          ))}
          {!isWeekend(date) && <p className="muted day-hint">{t('calendar.day.workdayHint')}</p>}
        </fieldset>
        <label className="day-reason">
          {t('calendar.day.reason')}
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-required="true" />
        </label>
        <ErrorAlert error={setDay.error} />
        <div className="day-actions">
          <button type="submit" className="primary" disabled={setDay.isPending}>
            {setDay.isPending ? t('calendar.day.saving') : t('calendar.day.save')}
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            {t('calendar.day.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
