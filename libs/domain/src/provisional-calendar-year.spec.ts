import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import { Lunar } from 'lunar-typescript';
import { evaluateOverall } from './evaluate-overall';
import { evaluatePeriod } from './evaluate-period';
import type { RuledMetric } from './metric-rules';
import { findPeriod } from './period';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  completeCalendarYears,
  provisionalCalendarYear,
  type LunarFestivals,
} from './provisional-calendar-year';
import { makeMetric } from './testing/make-metric';
import { CalendarRangeError, WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';

/** The festival dates as the API computes them (apps/api/src/calendar/lunar-festivals.ts), from the same library. */
function festivalsOf(year: number): LunarFestivals {
  const solarOf = (month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar().toYmd();
  return {
    springFestival: solarOf(1, 1),
    dragonBoat: solarOf(5, 5),
    midAutumn: solarOf(8, 15),
    qingming: Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明'].toYmd(),
  };
}

const packageYears = calendarYearsFromChineseDays(chineseDaysData, [2020, 2021, 2022, 2023, 2024, 2025, 2026]).map(
  (y) => ({ ...y, kind: 'package' as const }),
);
const calendar = new WorkingDayCalendar(completeCalendarYears(packageYears, festivalsOf));
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe(provisionalCalendarYear.name, () => {
  it('computes 2027 from the holiday law: 元旦, 除夕 to 初七, 清明, 1–5 May, 端午, 中秋, 1–7 October, no make-up days', () => {
    const y = provisionalCalendarYear(2027, festivalsOf(2027));
    expect(y).toMatchObject({ year: 2027, kind: 'provisional', makeUpWorkdays: [] });
    expect(y.holidays).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12', // 除夕 5 Feb … 初七
      '2027-04-05', // 清明
      '2027-05-01',
      '2027-05-02',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
      '2027-06-09', // 端午
      '2027-09-15', // 中秋
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ]);
  });

  it('gives only days the official notices of 2025 and 2026 also gave off (the rules those notices follow)', () => {
    for (const official of packageYears.filter((y) => y.year >= 2025)) {
      const computed = provisionalCalendarYear(official.year, festivalsOf(official.year)).holidays;
      expect(computed.filter((d) => !official.holidays.includes(d))).toEqual([]);
    }
  });

  it('for every year of 2000–2101: its own dates only, New Year, May Day and National Day, a Spring Festival in late January or February', () => {
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_FIRST_YEAR, max: CALENDAR_LAST_YEAR }), (year) => {
        const y = provisionalCalendarYear(year, festivalsOf(year));
        expect(y.holidays.every((d) => d.startsWith(`${year}-`))).toBe(true);
        expect(new Set(y.holidays).size).toBe(y.holidays.length);
        expect(y.holidays).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-05-05`, `${year}-10-07`]));
        const spring = y.holidays.filter((d) => d >= `${year}-01-20` && d <= `${year}-02-28`);
        expect(spring.length).toBe(8);
        expect(y.holidays.length).toBeGreaterThanOrEqual(20);
        expect(y.holidays.length).toBeLessThanOrEqual(24);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses years outside 2000–2101', () => {
    expect(() => provisionalCalendarYear(1999, festivalsOf(1999))).toThrow(RangeError);
    expect(() => provisionalCalendarYear(2102, festivalsOf(2102))).toThrow(RangeError);
  });
});

describe(completeCalendarYears.name, () => {
  it('fills every year of 2000–2101 the store lacks with a provisional year, keeping the stored ones', () => {
    const years = completeCalendarYears(packageYears, festivalsOf);
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 102 }, (_, i) => 2000 + i));
    expect(years.find((y) => y.year === 2025)?.kind).toBe('package');
    expect(years.find((y) => y.year === 2027)?.kind).toBe('provisional');
    expect(calendar.provisionalYears()).toHaveLength(102 - 7);
  });
});

describe('a calendar with provisional years', () => {
  it('answers across 1 January 2027 and says the answer rests on a provisional year', () => {
    const date = calendar.addWorkingDays('2026-12-25', 5);
    expect(date).toBe('2027-01-04'); // Mon 28 to Thu 31 Dec, then (1 Jan off, 2–3 weekend) Mon 4 Jan
    expect(calendar.touchesProvisional('2026-12-25', date)).toBe(true);
    expect(calendar.touchesProvisional('2026-12-01', '2026-12-31')).toBe(false);
    expect(calendar.touchesProvisional('2027-03-01', '2026-12-31')).toBe(true);
    expect(calendar.touchesProvisional('2026-12-31', '2026-12-31')).toBe(false);
  });

  it('still refuses a date outside 2000–2101 rather than guess', () => {
    expect(() => calendar.addWorkingDays('2101-12-30', 5)).toThrow(CalendarRangeError);
    expect(() => calendar.countWorkingDays('1999-12-31', '2000-01-04')).toThrow(CalendarRangeError);
  });

  it('never counts a provisional weekend as a working day: make-up days are not guessed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), (offset) => {
        const d = new Date(Date.UTC(2027, 0, 1 + offset)).toISOString().slice(0, 10);
        if (weekday(d) === 0 || weekday(d) === 6) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });
});

describe('an evaluation resting on a provisional year', () => {
  const monthly: RuledMetric = makeMetric({ period: 'month' });

  it('says 按暂定日历计算 when December 2026 figures fall due in January 2027', () => {
    const e = evaluatePeriod(monthly, findPeriod(monthly, '2026-12')!, undefined, { today: '2027-01-20', calendar });
    expect(e).toMatchObject({ status: 'red', basis: 'overdue' });
    expect(e.reasonZh).toBe('逾期未报送：2026-12 的数据应于 2027-01-08 前报送（按暂定日历计算）');
    expect(e.reasonEn).toContain('(on the provisional calendar)');
  });

  it('does not say so when every day it counted is official', () => {
    const e = evaluatePeriod(monthly, findPeriod(monthly, '2026-10')!, undefined, { today: '2026-12-04', calendar });
    expect(e.reasonZh).not.toContain('暂定');
  });

  it("carries the note into a metric's overall status when a department is overdue on it", () => {
    const period = findPeriod(monthly, '2026-12')!;
    const ctx = { today: '2027-01-20', calendar };
    const dept = (code: string) => ({
      department: { code, name: code, isLead: code === 'a' },
      figure: undefined,
      evaluation: evaluatePeriod(monthly, period, undefined, ctx),
    });
    const overall = evaluateOverall(monthly, period, [dept('a'), dept('b')], ctx);
    expect(overall.reasonZh).toMatch(/逾期未报送.*（按暂定日历计算）$/);
  });
});
