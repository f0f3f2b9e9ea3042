import type { CalendarYear } from './working-day-calendar';

/**
 * The years for which Taizhang can always answer a working-day question, official notice or not: plans run from
 * 2000 to 2100, and a 2100 plan's December figures fall due in January 2101.
 */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2101;

const PROVISIONAL_SOURCE =
  '暂定：按《全国年节及纪念日放假办法》推算，未含调休 / provisional: computed from the holiday law, no make-up days';

/**
 * The dates of a year that the lunar calendar and the solar terms decide (ISO "YYYY-MM-DD"). The caller computes
 * them (the API with lunar-typescript): the domain stays free of a 100 kB library the web app would otherwise ship.
 */
export interface LunarFestivals {
  /** 春节, the first day of the lunar year (its eve, 除夕, is the day before). */
  springFestival: string;
  /** 清明, the solar term. */
  qingming: string;
  /** 端午, 五月初五. */
  dragonBoat: string;
  /** 中秋, 八月十五. */
  midAutumn: string;
}
export type LunarFestivalsOf = (year: number) => LunarFestivals;

/** `days` consecutive days from an ISO date (negative `from` offsets allowed), as ISO dates. */
function run(first: string, days: number, from = 0): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + (from + i) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * A year's days off as the holiday law and the State Council's usual arrangement give them, before that year's
 * notice is published: New Year's Day; Spring Festival from the eve (除夕) to 初七; Qingming (the solar term);
 * Labour Day 1–5 May; Dragon Boat (五月初五) and Mid-Autumn (八月十五); National Day 1–7 October. Make-up working
 * days (调休) are not guessed: the notice decides them, and until it does a weekend stays a day off.
 * The lunar dates and the solar term come in as `festivals`.
 */
export function provisionalCalendarYear(year: number, festivals: LunarFestivals): CalendarYear {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new RangeError(
      `A provisional calendar is computed for ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} only: ${year}`,
    );
  }
  const days = new Set<string>([
    `${year}-01-01`,
    ...run(festivals.springFestival, 8, -1), // 除夕 … 初七
    festivals.qingming,
    ...run(`${year}-05-01`, 5),
    festivals.dragonBoat,
    festivals.midAutumn,
    ...run(`${year}-10-01`, 7),
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

const computed = new WeakMap<LunarFestivalsOf, Map<number, CalendarYear>>();

/**
 * The stored years, and a provisional year for every year of 2000–2101 that has none, so that no question inside
 * that span fails for want of a calendar. Computed years are remembered per source of festival dates.
 */
export function completeCalendarYears(stored: CalendarYear[], festivalsOf: LunarFestivalsOf): CalendarYear[] {
  let memo = computed.get(festivalsOf);
  if (!memo) computed.set(festivalsOf, (memo = new Map()));
  const have = new Set(stored.map((y) => y.year));
  const filled = [...stored];
  for (let year = CALENDAR_FIRST_YEAR; year <= CALENDAR_LAST_YEAR; year++) {
    if (have.has(year)) continue;
    let y = memo.get(year);
    if (!y) memo.set(year, (y = provisionalCalendarYear(year, festivalsOf(year))));
    filled.push(y);
  }
  return filled.sort((a, b) => a.year - b.year);
}
