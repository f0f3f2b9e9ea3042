import type { CalendarYear } from './working-day-calendar';

/*
 * Converts the data file of the `chinese-days` npm package (dist/chinese-days.json) into CalendarYears.
 * The caller passes the JSON in, so the domain itself imports nothing. Its shape:
 *   { holidays: { "2020-01-24": "Spring Festival,春节,3", … }, workdays: { "2020-01-19": "…", … }, inLieuDays: { … } }
 * `holidays` lists every day off of a holiday (weekends inside the break included); `workdays` lists the
 * make-up working days (调休上班). `inLieuDays` (the weekdays given off in exchange) are already inside
 * `holidays`, so they are not needed.
 */

function dateMap(data: unknown, key: string): Record<string, unknown> {
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`chinese-days data: expected an object "${key}" of ISO dates`);
  }
  return value as Record<string, unknown>;
}

function datesOfYear(map: Record<string, unknown>, year: number): string[] {
  return Object.keys(map)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();
}

export function calendarYearsFromChineseDays(data: unknown, years: number[]): CalendarYear[] {
  const holidays = dateMap(data, 'holidays');
  const workdays = dateMap(data, 'workdays');
  return years.map((year) => {
    const yearHolidays = datesOfYear(holidays, year);
    // Every year has at least New Year's Day off: no holiday at all means the package does not know the year,
    // and treating it as "no holidays" would be a silent guess.
    if (yearHolidays.length === 0) throw new RangeError(`chinese-days data has no holidays for ${year}`);
    return {
      year,
      holidays: yearHolidays,
      makeUpWorkdays: datesOfYear(workdays, year),
      source: `chinese-days (国务院办公厅关于${year}年部分节假日安排的通知)`,
    };
  });
}
