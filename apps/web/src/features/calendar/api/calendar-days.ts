/** The calendar's date arithmetic for the month grids; ISO dates "YYYY-MM-DD", counted in UTC so no time zone shifts a day. */
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isoDate } from '@taizhang/domain';

export type DayKind = 'holiday' | 'workday' | 'weekend' | 'weekday';

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const d = weekdayOf(iso);
  return d === 0 || d === 6;
}

/** The weeks of a month, Monday first as Chinese calendars print them; null pads the days of other months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOf(isoDate(year, month, 1)) + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** What a day is: an official day off, a make-up working day (调休上班), else as its weekday says. */
export function dayKind(iso: string, holidays: ReadonlySet<string>, workdays: ReadonlySet<string>): DayKind {
  if (holidays.has(iso)) return 'holiday';
  if (workdays.has(iso)) return 'workday';
  return isWeekend(iso) ? 'weekend' : 'weekday';
}

/** The year of the address (?year=2027), or null when it is missing or not a year the calendar knows. */
export function parseYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR ? year : null;
}
