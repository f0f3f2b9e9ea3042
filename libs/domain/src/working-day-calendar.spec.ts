import fc from 'fast-check';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import {
  CalendarRangeError,
  type CalendarYear,
  dayKind,
  InvalidDateError,
  isWorkingKind,
  parseIsoDate,
  weekdayOf,
  WorkingDayCalendar,
} from './working-day-calendar';

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, YEARS));

/*
 * The State Council's notices (国务院办公厅关于20XX年部分节假日安排的通知), typed independently of chinese-days.
 * Holiday entries are "MM-DD" or "MM-DD~MM-DD" in the notice year; a side may be a full ISO date when the break
 * starts in the previous year. makeUp lists the make-up working days (调休上班).
 */
const NOTICES: Record<number, { holidays: string[]; makeUp: string[] }> = {
  // 国办发明电〔2019〕16号, with the Spring Festival extended to 2 February by 国办发明电〔2020〕1号:
  // the break ran 1月24日–2月2日, the planned make-up day 2月1日 (Saturday) became a day off, 1月19日 stayed a working day.
  2020: {
    holidays: ['01-01', '01-24~02-02', '04-04~04-06', '05-01~05-05', '06-25~06-27', '10-01~10-08'],
    makeUp: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
  },
  2021: {
    holidays: ['01-01~01-03', '02-11~02-17', '04-03~04-05', '05-01~05-05', '06-12~06-14', '09-19~09-21', '10-01~10-07'],
    makeUp: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  },
  2022: {
    holidays: ['01-01~01-03', '01-31~02-06', '04-03~04-05', '04-30~05-04', '06-03~06-05', '09-10~09-12', '10-01~10-07'],
    makeUp: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  },
  2023: {
    holidays: ['2022-12-31~01-02', '01-21~01-27', '04-05', '04-29~05-03', '06-22~06-24', '09-29~10-06'],
    makeUp: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  // New Year and Dragon Boat are one day each "与周末连休"; New Year's Eve (2月9日, a Friday) was only encouraged
  // as paid leave, it stays a working day.
  2024: {
    holidays: ['01-01', '02-10~02-17', '04-04~04-06', '05-01~05-05', '06-10', '09-15~09-17', '10-01~10-07'],
    makeUp: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    holidays: ['01-01', '01-28~02-04', '04-04~04-06', '05-01~05-05', '05-31~06-02', '10-01~10-08'],
    makeUp: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    holidays: ['01-01~01-03', '02-15~02-23', '04-04~04-06', '05-01~05-05', '06-19~06-21', '09-25~09-27', '10-01~10-07'],
    makeUp: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

// Independent date helpers (UTC, no date-fns), so the oracle shares nothing with the code under test.
const DAY_MS = 86_400_000;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const isWeekday = (iso: string): boolean => ![0, 6].includes(new Date(utc(iso)).getUTCDay());
/** A real "YYYY-MM-DD" date: it survives the UTC round trip (Date.parse rolls 02-30 over, and gives NaN for 02-32). */
const isRealIso = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(utc(s)) && isoOf(utc(s)) === s;
const fullDate = (year: number, d: string): string => (d.length === 5 ? `${year}-${d}` : d);

function daysFrom(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = utc(first); t <= utc(last); t += DAY_MS) out.push(isoOf(t));
  return out;
}

const noticeHolidays = new Set<string>();
const noticeMakeUps = new Set<string>();
for (const [y, notice] of Object.entries(NOTICES)) {
  for (const entry of notice.holidays) {
    const [first, last = first] = entry.split('~');
    for (const d of daysFrom(fullDate(Number(y), first), fullDate(Number(y), last))) noticeHolidays.add(d);
  }
  for (const d of notice.makeUp) noticeMakeUps.add(fullDate(Number(y), d));
}

/** The notices' answer: a weekday that is not a holiday, or a make-up working day. */
const expectedWorking = (iso: string): boolean =>
  (isWeekday(iso) && !noticeHolidays.has(iso)) || noticeMakeUps.has(iso);
const ALL_DAYS = daysFrom('2020-01-01', '2026-12-31');

/** A date of 2020–2026, by index into ALL_DAYS. */
const knownDate = fc.integer({ min: 0, max: ALL_DAYS.length - 1 }).map((i) => ALL_DAYS[i]);
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const dateInYears = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const outsideDate = fc.oneof(dateInYears(1000, 2019), dateInYears(2027, 9999));

describe('the working-day calendar against the State Council notices, 2020–2026', () => {
  it('types every make-up day on a weekend, as the notices do', () => {
    expect([...noticeMakeUps].filter(isWeekday)).toEqual([]);
  });

  it('agrees with the notices on every single day', () => {
    expect(ALL_DAYS).toHaveLength(2557);
    const mismatches = ALL_DAYS.filter((d) => calendar.isWorkingDay(d) !== expectedWorking(d));
    expect(mismatches).toEqual([]);
  });

  it('agrees with chinese-days on the make-up days and on every weekday holiday', () => {
    const fromPackage = calendarYearsFromChineseDays(chineseDaysData, YEARS);
    const packageMakeUps = fromPackage.flatMap((y) => y.makeUpWorkdays);
    expect(packageMakeUps).toEqual([...noticeMakeUps].sort());
    // The package also lists the weekend days inside a break, which change nothing; compare the weekdays.
    const packageWeekdayHolidays = fromPackage.flatMap((y) => y.holidays).filter(isWeekday);
    expect(packageWeekdayHolidays).toEqual([...noticeHolidays].filter(isWeekday).sort());
  });

  it('knows the 2020 Spring Festival extension: 1月31日–2月2日 off, 2月1日 no longer a make-up day, 1月19日 still one', () => {
    expect(calendar.isWorkingDay('2020-01-19')).toBe(true); // Sunday, make-up
    for (const d of ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02'])
      expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });
});

describe(parseIsoDate.name, () => {
  it('returns a real "YYYY-MM-DD" date unchanged, leap days included', () => {
    for (const d of ['2020-02-29', '2024-02-29', '2021-12-31', '2000-02-29', '0001-01-01'])
      expect(parseIsoDate(d)).toBe(d);
  });

  it('throws InvalidDateError, with bilingual messages, for anything else', () => {
    const bad = [
      '2020-02-30',
      '2021-02-29',
      '1900-02-29',
      '2020-13-01',
      '2020-00-10',
      '2020-04-31',
      'abc',
      '',
      '2020-2-3',
      ' 2020-01-01',
      '2020-01-01T00:00',
      '20200101',
      '2020/01/01',
    ];
    for (const d of bad) expect(() => parseIsoDate(d)).toThrow(InvalidDateError);
    const error = (() => {
      try {
        parseIsoDate('2020-02-30');
      } catch (e) {
        return e as InvalidDateError;
      }
    })()!;
    expect(error.code).toBe('INVALID_DATE');
    expect(error.message).toBe(error.messageEn);
    expect(error.messageEn).toContain('2020-02-30');
    expect(error.messageZh).toContain('无效日期');
  });

  it('accepts exactly the strings an independent UTC check calls real dates', () => {
    const shaped = fc
      .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string()), (s) => {
        if (isRealIso(s)) expect(parseIsoDate(s)).toBe(s);
        else expect(() => parseIsoDate(s)).toThrow(InvalidDateError);
      }),
    );
  });
});

describe(WorkingDayCalendar.name, () => {
  const year = (y: number, holidays: string[] = [], makeUpWorkdays: string[] = []): CalendarYear => ({
    year: y,
    holidays,
    makeUpWorkdays,
    source: 'test',
  });

  it('lists its known years sorted, and says which dates it covers', () => {
    const cal = new WorkingDayCalendar([year(2022), year(2020), year(2021)]);
    expect(cal.knownYears()).toEqual([2020, 2021, 2022]);
    expect(calendar.knownYears()).toEqual(YEARS);
    expect(calendar.covers('2020-01-01')).toBe(true);
    expect(calendar.covers('2026-12-31')).toBe(true);
    expect(calendar.covers('2019-12-31')).toBe(false);
    expect(calendar.covers('2027-01-01')).toBe(false);
  });

  it('rejects inconsistent data: duplicate years, a day both off and on, malformed dates', () => {
    expect(() => new WorkingDayCalendar([year(2020), year(2020)])).toThrow(/Duplicate/);
    expect(() => new WorkingDayCalendar([year(2020, ['2020-01-19'], ['2020-01-19'])])).toThrow(/both/);
    expect(() => new WorkingDayCalendar([year(2020, ['2020-02-30'])])).toThrow(InvalidDateError);
  });

  it('is a plain Monday–Friday week where the notice lists nothing', () => {
    expect(calendar.isWorkingDay('2020-03-06')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2020-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2020-03-08')).toBe(false); // Sunday
  });

  describe('addWorkingDays', () => {
    it('skips a holiday: 2020-09-30 + 1 → 2020-10-09, and the make-up Saturday 10-10 is the second', () => {
      expect(calendar.addWorkingDays('2020-09-30', 1)).toBe('2020-10-09');
      expect(calendar.addWorkingDays('2020-09-30', 2)).toBe('2020-10-10');
    });

    it('counts a make-up Sunday as a working day', () => {
      expect(calendar.addWorkingDays('2020-09-26', 1)).toBe('2020-09-27');
      expect(calendar.addWorkingDays('2020-01-18', 1)).toBe('2020-01-19');
    });

    it('jumps the extended 2020 Spring Festival: 2020-01-23 + 1 → 2020-02-03', () => {
      expect(calendar.addWorkingDays('2020-01-23', 1)).toBe('2020-02-03');
    });

    it('does not count the start day, and 0 returns the start even on a holiday', () => {
      expect(calendar.addWorkingDays('2020-03-02', 1)).toBe('2020-03-03');
      expect(calendar.addWorkingDays('2020-10-01', 0)).toBe('2020-10-01');
    });

    it('gives the deadline "N working days after": 5 working days after 2020-09-28 is 2020-10-12', () => {
      // 09-29, 09-30, 10-09, 10-10 (make-up Saturday), 10-12.
      expect(calendar.addWorkingDays('2020-09-28', 5)).toBe('2020-10-12');
    });

    it('crosses into the next known year', () => {
      expect(calendar.addWorkingDays('2020-12-31', 1)).toBe('2021-01-04');
    });

    it('throws CalendarRangeError rather than run past the last known year', () => {
      expect(calendar.addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
      expect(() => calendar.addWorkingDays('2026-12-31', 1)).toThrow(CalendarRangeError);
      expect(() => calendar.addWorkingDays('2019-12-31', 0)).toThrow(CalendarRangeError);
    });

    it('throws RangeError for negative or non-integer days', () => {
      for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => calendar.addWorkingDays('2020-03-02', n)).toThrow(RangeError);
        expect(() => calendar.addWorkingDays('2020-03-02', n)).not.toThrow(CalendarRangeError);
      }
    });
  });

  describe('countWorkingDays', () => {
    it('counts days after start up to and including end', () => {
      expect(calendar.countWorkingDays('2020-01-23', '2020-02-03')).toBe(1);
      expect(calendar.countWorkingDays('2020-09-30', '2020-10-10')).toBe(2);
      expect(calendar.countWorkingDays('2020-03-02', '2020-03-09')).toBe(5); // Tue–Fri and the next Monday
    });

    it('is 0 for equal dates and negative when end is before start', () => {
      expect(calendar.countWorkingDays('2020-10-09', '2020-10-09')).toBe(0);
      expect(calendar.countWorkingDays('2020-02-03', '2020-01-23')).toBe(-1);
      expect(calendar.countWorkingDays('2020-01-11', '2020-01-10')).toBe(0); // Saturday back to Friday: 0, never −0
    });

    it('counts a whole year', () => {
      // Independent: the notices' working days of 2021 (2020-12-31 excluded as the start).
      const expected = daysFrom('2021-01-01', '2021-12-31').filter(expectedWorking).length;
      expect(calendar.countWorkingDays('2020-12-31', '2021-12-31')).toBe(expected);
    });

    it('throws CalendarRangeError if either end is outside the known years', () => {
      expect(() => calendar.countWorkingDays('2019-12-31', '2020-01-02')).toThrow(CalendarRangeError);
      expect(() => calendar.countWorkingDays('2026-12-01', '2027-01-04')).toThrow(CalendarRangeError);
    });
  });

  it('calendarDaysBetween is end − start in calendar days', () => {
    expect(WorkingDayCalendar.calendarDaysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(WorkingDayCalendar.calendarDaysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(WorkingDayCalendar.calendarDaysBetween('2020-03-01', '2020-02-28')).toBe(-2);
    expect(WorkingDayCalendar.calendarDaysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(WorkingDayCalendar.calendarDaysBetween('2020-07-07', '2021-02-01')).toBe(209);
    expect(() => WorkingDayCalendar.calendarDaysBetween('2020-02-30', '2020-03-01')).toThrow(InvalidDateError);
  });

  it('explains an out-of-range date in both languages', () => {
    const error = (() => {
      try {
        calendar.isWorkingDay('2031-01-05');
      } catch (e) {
        return e as CalendarRangeError;
      }
    })()!;
    expect(error).toBeInstanceOf(CalendarRangeError);
    expect(error.code).toBe('DATE_OUTSIDE_CALENDAR');
    expect(error.date).toBe('2031-01-05');
    expect(error.knownYears).toEqual(YEARS);
    expect(error.messageZh).toBe('日期 2031-01-05 超出工作日历已知年份（2020–2026）');
    expect(error.messageEn).toBe('Date 2031-01-05 is outside the years the working-day calendar knows (2020–2026)');
    expect(error.message).toBe(error.messageEn);
    const gappy = new WorkingDayCalendar([year(2020), year(2022)]);
    expect(() => gappy.isWorkingDay('2021-06-01')).toThrow('(2020, 2022)');
  });

  describe('properties', () => {
    // Starts up to 2025 and at most 200 steps keep the result inside 2020–2026 (every year has ~245–251 working days).
    const start = fc.integer({ min: 0, max: daysFrom('2020-01-01', '2025-12-31').length - 1 }).map((i) => ALL_DAYS[i]);
    const steps = fc.integer({ min: 0, max: 200 });

    it('countWorkingDays(start, addWorkingDays(start, n)) === n', () => {
      fc.assert(fc.property(start, steps, (s, n) => calendar.countWorkingDays(s, calendar.addWorkingDays(s, n)) === n));
    });

    it('addWorkingDays lands on a working day for n ≥ 1, and is the first one reaching n', () => {
      fc.assert(
        fc.property(start, fc.integer({ min: 1, max: 200 }), (s, n) => {
          const end = calendar.addWorkingDays(s, n);
          expect(calendar.isWorkingDay(end)).toBe(true);
          expect(calendar.countWorkingDays(s, isoOf(utc(end) - DAY_MS))).toBe(n - 1);
        }),
      );
    });

    it('countWorkingDays matches the notices counted day by day', () => {
      fc.assert(
        fc.property(knownDate, knownDate, (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const n = daysFrom(lo, hi).slice(1).filter(expectedWorking).length;
          expect(calendar.countWorkingDays(a, b)).toBe(a <= b ? n : 0 - n);
        }),
        { numRuns: 50 },
      );
    });

    it('count is additive and antisymmetric', () => {
      fc.assert(
        fc.property(knownDate, knownDate, knownDate, (a, b, c) => {
          expect(calendar.countWorkingDays(a, b) + calendar.countWorkingDays(b, c)).toBe(
            calendar.countWorkingDays(a, c),
          );
          expect(calendar.countWorkingDays(a, b)).toBe(0 - calendar.countWorkingDays(b, a));
        }),
        { numRuns: 50 },
      );
    });

    it('any date outside the known years → CalendarRangeError', () => {
      fc.assert(
        fc.property(outsideDate, knownDate, fc.nat(10), (out, inside, n) => {
          expect(calendar.covers(out)).toBe(false);
          expect(() => calendar.isWorkingDay(out)).toThrow(CalendarRangeError);
          expect(() => calendar.addWorkingDays(out, n)).toThrow(CalendarRangeError);
          expect(() => calendar.countWorkingDays(out, inside)).toThrow(CalendarRangeError);
          expect(() => calendar.countWorkingDays(inside, out)).toThrow(CalendarRangeError);
        }),
      );
    });

    it('any invalid date → InvalidDateError', () => {
      const invalid = fc.oneof(
        fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        fc
          .tuple(
            fc.integer({ min: 2020, max: 2026 }),
            fc.integer({ min: 1, max: 12 }),
            fc.integer({ min: 29, max: 31 }),
          )
          .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`)
          .filter((s) => !isRealIso(s)),
      );
      fc.assert(
        fc.property(invalid, knownDate, (bad, good) => {
          expect(() => calendar.covers(bad)).toThrow(InvalidDateError);
          expect(() => calendar.isWorkingDay(bad)).toThrow(InvalidDateError);
          expect(() => calendar.addWorkingDays(bad, 1)).toThrow(InvalidDateError);
          expect(() => calendar.countWorkingDays(good, bad)).toThrow(InvalidDateError);
          expect(() => WorkingDayCalendar.calendarDaysBetween(bad, good)).toThrow(InvalidDateError);
        }),
      );
    });
  });
});

describe(dayKind.name, () => {
  it('tells a day off, a make-up working day, a weekend and a weekday apart', () => {
    const holidays = new Set(['2027-02-06', '2027-02-08']);
    const makeUps = new Set(['2027-02-20']);
    expect(dayKind('2027-02-06', holidays, makeUps)).toBe('holiday');
    expect(dayKind('2027-02-08', holidays, makeUps)).toBe('holiday');
    expect(dayKind('2027-02-20', holidays, makeUps)).toBe('workday');
    expect(dayKind('2027-02-21', holidays, makeUps)).toBe('weekend');
    expect(dayKind('2027-02-22', holidays, makeUps)).toBe('weekday');
    // 1 January 2027 is a Friday.
    expect(weekdayOf('2027-01-01')).toBe(5);
  });

  it('is the rule the calendar counts by: a working kind exactly on the working days of 2020–2026', () => {
    const years = calendarYearsFromChineseDays(chineseDaysData, YEARS);
    const holidays = new Set(years.flatMap((y) => y.holidays));
    const makeUps = new Set(years.flatMap((y) => y.makeUpWorkdays));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 365 }), (n) => {
        const iso = new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
        expect(isWorkingKind(dayKind(iso, holidays, makeUps))).toBe(calendar.isWorkingDay(iso));
      }),
    );
  });
});
