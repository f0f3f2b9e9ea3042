import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

/**
 * Where a year's calendar comes from. official: the State Council's notice, pasted in or entered by an admin;
 * package: the chinese-days data shipped with Taizhang (itself copied from the notices); provisional: computed
 * from the holiday law before the notice is out (no make-up days), so every answer resting on it says so.
 */
export const CALENDAR_YEAR_KINDS = ['official', 'package', 'provisional'] as const;
export type CalendarYearKind = (typeof CALENDAR_YEAR_KINDS)[number];

/** One year of the State Council's holiday notice: official holidays and make-up working days (调休, weekend days that are working days). ISO dates "YYYY-MM-DD". */
export interface CalendarYear {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  source: string;
  /** Missing means official (years entered before kinds were recorded). */
  kind?: CalendarYearKind;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_FORMAT = 'yyyy-MM-dd';
// parse() needs a reference date for missing fields; a fixed one keeps the domain off the clock.
const REFERENCE_DATE = new Date(2000, 0, 1);

/** "2020–2026" for a contiguous run of years, "2020, 2022" otherwise, so the message never implies a gap is covered. */
function describeYears(years: number[]): string {
  if (years.length === 0) return '—';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous ? `${years[0]}–${years[years.length - 1]}` : years.join(', ');
}

/** What a day is: a make-up working day (调休上班), an official day off, or else as its weekday says. */
export type DayKind = 'workday' | 'holiday' | 'weekend' | 'weekday';

/** 0 Sunday … 6 Saturday, of an ISO date, counted in UTC so that no time zone shifts the day. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isWeekendDate(iso: string): boolean {
  const d = weekdayOf(iso);
  return d === 0 || d === 6;
}

/**
 * The one rule of what a day is: a make-up working day first (it is the notice's exception to a weekend), then an
 * official day off, else its weekday. The calendar counts working days by it; the calendar screen colours days by it.
 */
export function dayKind(iso: string, holidays: ReadonlySet<string>, makeUps: ReadonlySet<string>): DayKind {
  if (makeUps.has(iso)) return 'workday';
  if (holidays.has(iso)) return 'holiday';
  return isWeekendDate(iso) ? 'weekend' : 'weekday';
}

export const isWorkingKind = (kind: DayKind): boolean => kind === 'workday' || kind === 'weekday';

/** A date outside the years the calendar knows: the caller must answer 400, never guess. */
export class CalendarRangeError extends Error {
  readonly code = 'DATE_OUTSIDE_CALENDAR';
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    readonly date: string,
    readonly knownYears: number[],
  ) {
    const en = `Date ${date} is outside the years the working-day calendar knows (${describeYears(knownYears)})`;
    super(en);
    this.name = 'CalendarRangeError';
    this.messageEn = en;
    this.messageZh = `日期 ${date} 超出工作日历已知年份（${describeYears(knownYears)}）`;
  }
}

/** A string that is not a real calendar date in strict "YYYY-MM-DD" form. */
export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(readonly value: unknown) {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    const en = `Invalid date ${shown}: expected a real calendar date "YYYY-MM-DD"`;
    super(en);
    this.name = 'InvalidDateError';
    this.messageEn = en;
    this.messageZh = `无效日期 ${shown}：应为真实存在的日期，格式 "YYYY-MM-DD"`;
  }
}

/** Validates a strict "YYYY-MM-DD" real calendar date (no 2020-02-30, no "2020-2-3") and returns it unchanged. */
export function parseIsoDate(value: string): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw new InvalidDateError(value);
  const d = parse(value, ISO_FORMAT, REFERENCE_DATE);
  // The round trip catches anything parse() would normalise rather than reject.
  if (!isValid(d) || format(d, ISO_FORMAT) !== value) throw new InvalidDateError(value);
  return value;
}

function toDate(iso: string): Date {
  return parse(parseIsoDate(iso), ISO_FORMAT, REFERENCE_DATE);
}

// A template is several times faster than format() and gives the same string.
function toIso(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * China's working-day calendar: weekends and official holidays are off, make-up days (调休) are on.
 *
 * Every day of the known years is numbered once, with a running count of working days, so that a count is one
 * subtraction and an addition one binary search: an evaluation cycle asks these questions millions of times
 * (every open case, every due date). Unknown years inside the span (2020 and 2022 known, 2021 not) stay unknown:
 * a question that crosses them throws, like one that leaves the span.
 */
export class WorkingDayCalendar {
  private readonly years: number[];
  private readonly yearSet: Set<number>;
  private readonly holidays = new Set<string>();
  private readonly makeUps = new Set<string>();
  /** Day number (0 = 1 January of the first known year) of every day of a known year. */
  private readonly dayNumber = new Map<string, number>();
  /** ISO date of each day number. */
  private readonly isoOf: string[] = [];
  /** Working days among day numbers 0..i (inclusive). */
  private readonly workingThrough: number[] = [];
  /** Days of unknown years among day numbers 0..i (inclusive). */
  private readonly unknownThrough: number[] = [];
  private readonly provisional: Set<number>;
  /** Days of provisional years among day numbers 0..i (inclusive). */
  private readonly provisionalThrough: number[] = [];

  constructor(years: CalendarYear[]) {
    this.years = years.map((y) => y.year).sort((a, b) => a - b);
    this.yearSet = new Set(this.years);
    this.provisional = new Set(years.filter((y) => y.kind === 'provisional').map((y) => y.year));
    if (this.yearSet.size !== this.years.length)
      throw new Error(`Duplicate year in working-day calendar: ${this.years.join(', ')}`);
    for (const y of years) {
      if (!Number.isInteger(y.year)) throw new Error(`Calendar year must be an integer: ${y.year}`);
      for (const d of y.holidays) this.holidays.add(parseIsoDate(d));
      for (const d of y.makeUpWorkdays) this.makeUps.add(parseIsoDate(d));
    }
    // A day cannot be both off and on; such data is a typing error in the notice, not something to resolve silently.
    for (const d of this.makeUps) {
      if (this.holidays.has(d)) throw new Error(`${d} is listed both as a holiday and as a make-up working day`);
    }
    this.numberDays();
  }

  private numberDays(): void {
    if (this.years.length === 0) return;
    let working = 0;
    let unknown = 0;
    let provisional = 0;
    const last = new Date(this.years[this.years.length - 1], 11, 31);
    for (let d = new Date(this.years[0], 0, 1), i = 0; d <= last; d = addDays(d, 1), i++) {
      const iso = toIso(d);
      if (this.yearSet.has(d.getFullYear())) {
        this.dayNumber.set(iso, i);
        if (this.isWorkingDate(iso)) working++;
        if (this.provisional.has(d.getFullYear())) provisional++;
      } else {
        unknown++;
      }
      this.isoOf.push(iso);
      this.workingThrough.push(working);
      this.unknownThrough.push(unknown);
      this.provisionalThrough.push(provisional);
    }
  }

  knownYears(): number[] {
    return [...this.years];
  }

  /** The years computed from the holiday law rather than read from a notice. */
  provisionalYears(): number[] {
    return [...this.provisional].sort((a, b) => a - b);
  }

  isProvisional(date: string): boolean {
    return this.provisional.has(Number(parseIsoDate(date).slice(0, 4)));
  }

  /**
   * Does a count of the days after the earlier of two dates, up to and including the later, rest on a
   * provisional year? That is the span both addWorkingDays and countWorkingDays read. Dates outside the known
   * years are left to the question itself to refuse.
   */
  touchesProvisional(start: string, end: string): boolean {
    if (this.provisional.size === 0) return false;
    const a = this.dayNumber.get(start);
    const b = this.dayNumber.get(end);
    if (a === undefined || b === undefined) return false;
    return Math.abs(this.provisionalThrough[b] - this.provisionalThrough[a]) > 0;
  }

  covers(date: string): boolean {
    return this.yearSet.has(Number(parseIsoDate(date).slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    const i = this.numberOf(date);
    return this.workingThrough[i] - (i > 0 ? this.workingThrough[i - 1] : 0) === 1;
  }

  /** The Nth working day after start (start itself is not counted). days >= 0 integer; 0 returns start. */
  addWorkingDays(start: string, days: number): string {
    if (!Number.isSafeInteger(days) || days < 0)
      throw new RangeError(`Working days must be a non-negative integer: ${days}`);
    const from = this.numberOf(start);
    if (days === 0) return start;
    const wanted = this.workingThrough[from] + days;
    const lastDay = this.isoOf.length - 1;
    if (wanted > this.workingThrough[lastDay]) {
      this.assertNoUnknownBetween(from, lastDay);
      throw new CalendarRangeError(toIso(addDays(toDate(this.isoOf[lastDay]), 1)), this.knownYears());
    }
    // The first day whose running count reaches the wanted one is that working day.
    let lo = from + 1;
    let hi = lastDay;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.workingThrough[mid] >= wanted) hi = mid;
      else lo = mid + 1;
    }
    this.assertNoUnknownBetween(from, lo);
    return this.isoOf[lo];
  }

  /** Working days after start, up to and including end (start not counted). end before start → negative of the reverse count; equal → 0. */
  countWorkingDays(start: string, end: string): number {
    const from = this.numberOf(start);
    const to = this.numberOf(end);
    // 0 − n, not −n: a backwards span with no working day must give 0, not −0.
    if (to < from) return 0 - this.countWorkingDays(end, start);
    this.assertNoUnknownBetween(from, to);
    return this.workingThrough[to] - this.workingThrough[from];
  }

  /** Calendar days from start to end (end − start). */
  static calendarDaysBetween(start: string, end: string): number {
    return differenceInCalendarDays(toDate(end), toDate(start));
  }

  /** The day number of a date of a known year; throws for a malformed date or one outside the known years, never guesses. */
  private numberOf(date: string): number {
    const known = this.dayNumber.get(date);
    if (known !== undefined) return known;
    const d = toDate(date); // throws InvalidDateError for anything that is not a real "YYYY-MM-DD"
    throw new CalendarRangeError(toIso(d), this.knownYears());
  }

  /** A question between two known days must not pass through an unknown year: the answer would be a guess. */
  private assertNoUnknownBetween(from: number, to: number): void {
    if (this.unknownThrough[to] === this.unknownThrough[from]) return;
    let i = from;
    while (this.dayNumber.has(this.isoOf[i])) i++;
    throw new CalendarRangeError(this.isoOf[i], this.knownYears());
  }

  /** Is this day of a known year a working day? */
  private isWorkingDate(iso: string): boolean {
    return isWorkingKind(dayKind(iso, this.holidays, this.makeUps));
  }
}
