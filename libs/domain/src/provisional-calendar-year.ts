import { Lunar, Solar } from 'lunar-typescript';
import type { CalendarYear } from './working-day-calendar';

/**
 * The years for which Taizhang can always answer a working-day question, official notice or not: plans run from
 * 2000 to 2100, and a 2100 plan's December figures fall due in January 2101.
 */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2101;

const PROVISIONAL_SOURCE = '暂定：按《全国年节及纪念日放假办法》推算，未含调休 / provisional: computed from the holiday law, no make-up days';

function iso(s: Solar): string {
  return s.toYmd();
}

/** `days` consecutive days from `first` (a lunar-typescript Solar), as ISO dates. */
function run(first: Solar, days: number): string[] {
  return Array.from({ length: days }, (_, i) => iso(first.next(i)));
}

/**
 * A year's days off as the holiday law and the State Council's usual arrangement give them, before that year's
 * notice is published: New Year's Day; Spring Festival from the eve (除夕) to 初七; Qingming (the solar term);
 * Labour Day 1–5 May; Dragon Boat (五月初五) and Mid-Autumn (八月十五); National Day 1–7 October. Make-up working
 * days (调休) are not guessed: the notice decides them, and until it does a weekend stays a day off.
 * Lunar dates and solar terms come from lunar-typescript (astronomical computation, no data table to run out).
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new RangeError(`A provisional calendar is computed for ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} only: ${year}`);
  }
  const springFestival = Lunar.fromYmd(year, 1, 1).getSolar();
  const qingming = Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'];
  const days = new Set<string>([
    `${year}-01-01`,
    ...run(springFestival.next(-1), 8), // 除夕 … 初七
    iso(qingming),
    ...run(Solar.fromYmd(year, 5, 1), 5),
    iso(Lunar.fromYmd(year, 5, 5).getSolar()),
    iso(Lunar.fromYmd(year, 8, 15).getSolar()),
    ...run(Solar.fromYmd(year, 10, 1), 7),
  ]);
  return {
    year,
    kind: 'provisional',
    // 除夕 can fall in the previous solar year only in theory (the new year is never before 21 January); keep the year's own days.
    holidays: [...days].filter((d) => d.startsWith(`${year}-`)).sort(),
    makeUpWorkdays: [],
    source: PROVISIONAL_SOURCE,
  };
}

const computed = new Map<number, CalendarYear>();

/**
 * The stored years, and a provisional year for every year of 2000–2101 that has none, so that no question inside
 * that span fails for want of a calendar. Computed years are remembered: the computation never changes.
 */
export function completeCalendarYears(stored: CalendarYear[]): CalendarYear[] {
  const have = new Set(stored.map((y) => y.year));
  const filled = [...stored];
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    if (have.has(year)) continue;
    let y = computed.get(year);
    if (!y) computed.set(year, (y = provisionalCalendarYear(year)));
    filled.push(y);
  }
  return filled.sort((a, b) => a.year - b.year);
}
