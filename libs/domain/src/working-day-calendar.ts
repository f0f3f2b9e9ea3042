import { addDays, differenceInCalendarDays, format, getDay, isValid, parse } from 'date-fns';

/** One year of the State Council's holiday notice: official holidays and make-up working days (调休, weekend days that are working days). ISO dates "YYYY-MM-DD". */
export interface CalendarYear {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  source: string;
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

/** A date outside the years the calendar knows: the caller must answer 400, never guess. */
export class CalendarRangeError extends Error {
  readonly code = 'DATE_OUTSIDE_CALENDAR';
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(readonly date: string, readonly knownYears: number[]) {
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

// Called once per day examined; a template is several times faster than format() and gives the same string.
function toIso(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** China's working-day calendar: weekends and official holidays are off, make-up days (调休) are on. */
export class WorkingDayCalendar {
  private readonly years: number[];
  private readonly yearSet: Set<number>;
  private readonly holidays = new Set<string>();
  private readonly makeUps = new Set<string>();

  constructor(years: CalendarYear[]) {
    this.years = years.map((y) => y.year).sort((a, b) => a - b);
    this.yearSet = new Set(this.years);
    if (this.yearSet.size !== this.years.length) throw new Error(`Duplicate year in working-day calendar: ${this.years.join(', ')}`);
    for (const y of years) {
      if (!Number.isInteger(y.year)) throw new Error(`Calendar year must be an integer: ${y.year}`);
      for (const d of y.holidays) this.holidays.add(parseIsoDate(d));
      for (const d of y.makeUpWorkdays) this.makeUps.add(parseIsoDate(d));
    }
    // A day cannot be both off and on; such data is a typing error in the notice, not something to resolve silently.
    for (const d of this.makeUps) {
      if (this.holidays.has(d)) throw new Error(`${d} is listed both as a holiday and as a make-up working day`);
    }
  }

  knownYears(): number[] {
    return [...this.years];
  }

  covers(date: string): boolean {
    return this.yearSet.has(Number(parseIsoDate(date).slice(0, 4)));
  }

  isWorkingDay(date: string): boolean {
    return this.examine(toDate(date));
  }

  /** The Nth working day after start (start itself is not counted). days >= 0 integer; 0 returns start. */
  addWorkingDays(start: string, days: number): string {
    if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`Working days must be a non-negative integer: ${days}`);
    // The calendar never changes once built, so answers can be kept: due dates are asked for thousands of times a cycle.
    const key = `${start}+${days}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const answer = this.addUncached(start, days);
    this.added.set(key, answer);
    return answer;
  }

  private readonly added = new Map<string, string>();

  private addUncached(start: string, days: number): string {
    let d = this.checkedDate(start);
    let left = days;
    // Each step examines the next day, so running past the last known year throws instead of guessing.
    while (left > 0) {
      d = addDays(d, 1);
      if (this.examine(d)) left--;
    }
    return toIso(d);
  }

  /** Working days after start, up to and including end (start not counted). end before start → negative of the reverse count; equal → 0. */
  countWorkingDays(start: string, end: string): number {
    const from = this.checkedDate(start);
    const to = this.checkedDate(end);
    const span = differenceInCalendarDays(to, from);
    // 0 − n, not −n: a backwards span with no working day must give 0, not −0.
    if (span < 0) return 0 - this.countWorkingDays(end, start);
    let count = 0;
    let d = from;
    for (let i = 0; i < span; i++) {
      d = addDays(d, 1);
      if (this.examine(d)) count++;
    }
    return count;
  }

  /** Calendar days from start to end (end − start). */
  static calendarDaysBetween(start: string, end: string): number {
    return differenceInCalendarDays(toDate(end), toDate(start));
  }

  /** Parses a date and insists its year is known: both endpoints of every question must lie inside the calendar. */
  private checkedDate(date: string): Date {
    const d = toDate(date);
    this.assertCovered(d);
    return d;
  }

  private assertCovered(d: Date): void {
    if (!this.yearSet.has(d.getFullYear())) throw new CalendarRangeError(toIso(d), this.knownYears());
  }

  /** Is this day a working day? Throws if its year is unknown, so no answer is ever a guess. */
  private examine(d: Date): boolean {
    this.assertCovered(d);
    const iso = toIso(d);
    if (this.makeUps.has(iso)) return true;
    if (this.holidays.has(iso)) return false;
    const weekday = getDay(d); // 0 = Sunday, 6 = Saturday
    return weekday !== 0 && weekday !== 6;
  }
}
