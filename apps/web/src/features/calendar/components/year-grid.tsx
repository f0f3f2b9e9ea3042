import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dayKind, weekdayOf, type DayKind } from '@taizhang/domain';
import { monthWeeks } from '../api/calendar-days';

export interface DaySets {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

interface YearGridProps {
  year: number;
  days: DaySets;
  /** The pasted notice's days, shown instead of the stored ones and boxed, until it is confirmed. */
  preview: DaySets | null;
  onPick: (date: string) => void;
}

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Twelve month grids, Monday first. Each kind of day has its own mark or type, never colour alone. */
export const YearGrid = memo(function YearGrid({ year, days, preview, onPick }: YearGridProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const { monthName, dayName } = useMemo(
    () => ({
      monthName: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
      dayName: new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'long', timeZone: 'UTC' }),
    }),
    [locale],
  );
  const shown = preview ?? days;
  return (
    <div className="cal-year">
      {MONTHS.map((month) => (
        <table key={month} className="cal-month" data-testid="calendar-month">
          <caption>{monthName.format(new Date(Date.UTC(year, month - 1, 1)))}</caption>
          <thead>
            <tr>
              {WEEKDAY_KEYS.map((k, i) => (
                <th key={k} scope="col" className={i >= 5 ? 'cal-weekend-head' : undefined}>
                  {t(`calendar.weekdays.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, month).map((week, w) => (
              <tr key={w}>
                {week.map((iso, i) => {
                  if (!iso) return <td key={`pad-${i}`} className="cal-pad" />;
                  const kind = dayKind(iso, shown.holidays, shown.workdays);
                  const boxed = preview !== null && (kind === 'holiday' || kind === 'workday');
                  return (
                    <DayCell
                      key={iso}
                      iso={iso}
                      kind={kind}
                      boxed={boxed}
                      onPick={onPick}
                      label={t(boxed ? 'calendar.dayPreviewLabel' : 'calendar.dayLabel', {
                        date: dayName.format(new Date(`${iso}T00:00:00Z`)),
                        kind: t(`calendar.kinds.${kind}`),
                      })}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
});

function DayCell({
  iso,
  kind,
  boxed,
  label,
  onPick,
}: {
  iso: string;
  kind: DayKind;
  boxed: boolean;
  label: string;
  onPick: (date: string) => void;
}) {
  const { t } = useTranslation();
  // A weekend day keeps its italic number even when it is a day off or a make-up day: the weekday still matters.
  const weekend = weekdayOf(iso) % 6 === 0;
  const mark = kind === 'holiday' || kind === 'workday' ? t(`calendar.marks.${kind}`) : null;
  return (
    <td className={`cal-day cal-${kind}${weekend ? ' is-weekend' : ''}${boxed ? ' is-preview' : ''}`}>
      <button
        type="button"
        aria-label={label}
        title={label}
        data-date={iso}
        data-kind={kind}
        data-preview={boxed || undefined}
        onClick={() => onPick(iso)}
      >
        <span className="cal-num">{Number(iso.slice(8))}</span>
        {mark && (
          <span className="cal-mark" aria-hidden="true">
            {mark}
          </span>
        )}
      </button>
    </td>
  );
}

/** What the marks mean, drawn as the cells draw them. */
export function CalendarLegend({ withPreview }: { withPreview: boolean }) {
  const { t } = useTranslation();
  const items: { className: string; mark: string | null; num: string; label: string }[] = [
    { className: 'cal-holiday', mark: t('calendar.marks.holiday'), num: '1', label: t('calendar.legendHoliday') },
    {
      className: 'cal-workday is-weekend',
      mark: t('calendar.marks.workday'),
      num: '6',
      label: t('calendar.legendWorkday'),
    },
    { className: 'cal-weekend is-weekend', mark: null, num: '7', label: t('calendar.legendWeekend') },
  ];
  if (withPreview)
    items.push({
      className: 'cal-holiday is-preview',
      mark: t('calendar.marks.holiday'),
      num: '1',
      label: t('calendar.legendPreview'),
    });
  return (
    <ul className="cal-legend" aria-label={t('calendar.legend')}>
      {items.map((item) => (
        <li key={item.label}>
          <span className={`cal-day cal-swatch ${item.className}`} aria-hidden="true">
            <span className="cal-num">{item.num}</span>
            {item.mark && <span className="cal-mark">{item.mark}</span>}
          </span>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
