/** The calendar's date arithmetic for the month grids; ISO dates "YYYY-MM-DD", counted in UTC so no time zone shifts a day. */
import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, isoDate, weekdayOf } from '@taizhang/domain';

// What a day is (dayKind, isWeekendDate) is the domain's rule: imported from @taizhang/domain where it is shown.

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

/** The year of the address (?year=2027), or null when it is missing or not a year the calendar knows. */
export function parseYear(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR ? year : null;
}
