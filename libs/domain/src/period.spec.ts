import fc from 'fast-check';
import { METRIC_KINDS, METRIC_PERIODS, type MetricDefinition } from './metric';
import {
  deadlineIn,
  findPeriod,
  isFinalPeriodOfYear,
  isMonthKey,
  isoDate,
  monthEnd,
  monthEndOfKey,
  monthKey,
  parseMonthKey,
  reportingPeriods,
} from './period';

type PeriodShape = Pick<MetricDefinition, 'period' | 'kind' | 'deadline'>;

/** A real calendar date, checked independently of the code under test. */
function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

const year = fc.integer({ min: 1900, max: 2200 });
const month = fc.integer({ min: 1, max: 12 });

describe(isMonthKey.name, () => {
  it('accepts "YYYY-MM" months 01 to 12', () => {
    for (const k of ['2020-01', '2020-09', '2020-10', '2020-12', '1999-06']) expect(isMonthKey(k)).toBe(true);
  });

  it('rejects month 00 and 13, single-digit months, quarters, years and full dates', () => {
    for (const k of [
      '2020-00',
      '2020-13',
      '2020-1',
      '2020-Q1',
      '2020',
      '2020-01-31',
      ' 2020-01',
      '2020-01 ',
      '20-01',
    ]) {
      expect(isMonthKey(k)).toBe(false);
    }
  });
});

describe(parseMonthKey.name, () => {
  it('splits a month key into numbers', () => {
    expect(parseMonthKey('2020-03')).toEqual({ year: 2020, month: 3 });
    expect(parseMonthKey('2021-12')).toEqual({ year: 2021, month: 12 });
  });

  it('throws a RangeError naming the bad key', () => {
    expect(() => parseMonthKey('2020-13')).toThrow(RangeError);
    expect(() => parseMonthKey('2020-Q1')).toThrow(/2020-Q1/);
  });

  it('round-trips with monthKey', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), month, (y, m) => {
        const key = monthKey(y, m);
        expect(isMonthKey(key)).toBe(true);
        expect(parseMonthKey(key)).toEqual({ year: y, month: m });
      }),
    );
  });
});

describe(monthKey.name, () => {
  it('pads the month to two digits', () => {
    expect(monthKey(2020, 3)).toBe('2020-03');
    expect(monthKey(2020, 11)).toBe('2020-11');
  });
});

describe(isoDate.name, () => {
  it('pads month and day', () => {
    expect(isoDate(2020, 1, 5)).toBe('2020-01-05');
    expect(isoDate(2020, 12, 31)).toBe('2020-12-31');
  });
});

describe(monthEnd.name, () => {
  it('knows February has 29 days in a leap year and 28 otherwise', () => {
    expect(monthEnd(2020, 2)).toBe('2020-02-29');
    expect(monthEnd(2021, 2)).toBe('2021-02-28');
    expect(monthEnd(2000, 2)).toBe('2000-02-29');
    expect(monthEnd(1900, 2)).toBe('1900-02-28');
    expect(monthEnd(2100, 2)).toBe('2100-02-28');
  });

  it('gives 30 or 31 days for the other months', () => {
    const ends = Array.from({ length: 12 }, (_, i) => monthEnd(2021, i + 1).slice(8));
    expect(ends).toEqual(['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31']);
  });

  it('is always a valid date in that month, and the next day is in the next month', () => {
    fc.assert(
      fc.property(year, month, (y, m) => {
        const end = monthEnd(y, m);
        expect(isValidIsoDate(end)).toBe(true);
        expect(end.slice(0, 7)).toBe(monthKey(y, m));
        const next = new Date(`${end}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate()).toBe(1);
      }),
    );
  });
});

describe(monthEndOfKey.name, () => {
  it('gives the last day of the month of a key', () => {
    expect(monthEndOfKey('2020-02')).toBe('2020-02-29');
    expect(monthEndOfKey('2020-04')).toBe('2020-04-30');
  });

  it('refuses a key that is not a month', () => {
    expect(() => monthEndOfKey('2020-Q2')).toThrow(RangeError);
  });
});

describe(deadlineIn.name, () => {
  it('places an "MM-DD" deadline in the given year', () => {
    expect(deadlineIn(2020, '01-31')).toBe('2020-01-31');
    expect(deadlineIn(2021, '03-31')).toBe('2021-03-31');
  });
});

describe(reportingPeriods.name, () => {
  const yearly: PeriodShape = { kind: 'value', period: 'year', deadline: null };

  it('reports yearly rates monthly, as year-to-date figures, January to December', () => {
    const periods = reportingPeriods(yearly, 2020);
    expect(periods).toHaveLength(12);
    expect(periods[0]).toEqual({ key: '2020-01', start: '2020-01-01', end: '2020-01-31' });
    expect(periods[1]).toEqual({ key: '2020-02', start: '2020-02-01', end: '2020-02-29' });
    expect(periods[11]).toEqual({ key: '2020-12', start: '2020-12-01', end: '2020-12-31' });
  });

  it('reports yearly counts and case records monthly too', () => {
    expect(reportingPeriods({ kind: 'annual-count', period: 'year', deadline: null }, 2021).map((p) => p.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthKey(2021, i + 1)),
    );
    expect(reportingPeriods({ kind: 'case', period: 'case', deadline: null }, 2021)).toHaveLength(12);
  });

  it('reports quarterly targets at each quarter end', () => {
    expect(reportingPeriods({ kind: 'annual-count', period: 'quarter', deadline: null }, 2020)).toEqual([
      { key: '2020-Q1', start: '2020-01-01', end: '2020-03-31' },
      { key: '2020-Q2', start: '2020-04-01', end: '2020-06-30' },
      { key: '2020-Q3', start: '2020-07-01', end: '2020-09-30' },
      { key: '2020-Q4', start: '2020-10-01', end: '2020-12-31' },
    ]);
  });

  it('reports a deadline once, at the deadline, keyed by the year', () => {
    expect(reportingPeriods({ kind: 'deadline', period: 'year', deadline: '01-31' }, 2020)).toEqual([
      { key: '2020', start: '2020-01-01', end: '2020-01-31' },
    ]);
  });

  it('takes the end of the year for a deadline metric missing its date', () => {
    expect(reportingPeriods({ kind: 'deadline', period: 'year', deadline: null }, 2020)).toEqual([
      { key: '2020', start: '2020-01-01', end: '2020-12-31' },
    ]);
  });

  it('follows a reporting frequency set on the metric, whatever its period', () => {
    const monthlyByDefault = { kind: 'value' as const, period: 'year' as const, deadline: null };
    expect(reportingPeriods({ ...monthlyByDefault, frequency: 'quarterly' }, 2020).map((p) => p.key)).toEqual([
      '2020-Q1',
      '2020-Q2',
      '2020-Q3',
      '2020-Q4',
    ]);
    expect(reportingPeriods({ ...monthlyByDefault, frequency: 'annual' }, 2020)).toEqual([
      { key: '2020', start: '2020-01-01', end: '2020-12-31' },
    ]);
    expect(
      reportingPeriods({ kind: 'annual-count', period: 'quarter', deadline: null, frequency: 'monthly' }, 2020),
    ).toHaveLength(12);
    // A deadline is reported once, at the deadline, even if a frequency is set.
    expect(
      reportingPeriods({ kind: 'deadline', period: 'year', deadline: '03-31', frequency: 'monthly' }, 2020),
    ).toEqual([{ key: '2020', start: '2020-01-01', end: '2020-03-31' }]);
  });

  it('gives 12 months, 4 quarters or 1 deadline, with valid, sorted, in-year ends and unique keys', () => {
    const shape = fc.record<PeriodShape>({
      kind: fc.constantFrom(...METRIC_KINDS),
      period: fc.constantFrom(...METRIC_PERIODS),
      deadline: fc.constantFrom('01-31', '03-31', '06-30', '12-31', '02-28'),
    });
    fc.assert(
      fc.property(shape, year, (metric, y) => {
        const periods = reportingPeriods(metric, y);
        const expected = metric.kind === 'deadline' ? 1 : metric.period === 'quarter' ? 4 : 12;
        expect(periods).toHaveLength(expected);
        expect(new Set(periods.map((p) => p.key)).size).toBe(periods.length);
        for (const p of periods) {
          expect(isValidIsoDate(p.start)).toBe(true);
          expect(p.start <= p.end).toBe(true);
          expect(isValidIsoDate(p.end)).toBe(true);
          expect(p.end.startsWith(`${y}-`)).toBe(true);
          expect(p.key.startsWith(String(y))).toBe(true);
        }
        const ends = periods.map((p) => p.end);
        expect([...ends].sort()).toEqual(ends);
        if (expected > 1) expect(ends[ends.length - 1]).toBe(`${y}-12-31`);
        expect(periods[0].start).toBe(`${y}-01-01`);
        // Periods tile the year: each starts the day after the previous one ends.
        for (let i = 1; i < periods.length; i++) {
          const next = new Date(`${periods[i - 1].end}T00:00:00Z`);
          next.setUTCDate(next.getUTCDate() + 1);
          expect(periods[i].start).toBe(next.toISOString().slice(0, 10));
        }
      }),
    );
  });
});

describe(findPeriod.name, () => {
  const monthly = { kind: 'value' as const, period: 'year' as const, deadline: null };
  const quarterly = { kind: 'annual-count' as const, period: 'quarter' as const, deadline: null };
  const deadline = { kind: 'deadline' as const, period: 'year' as const, deadline: '01-31' };

  it('finds a period of the metric by its key', () => {
    expect(findPeriod(monthly, '2020-02')).toEqual({ key: '2020-02', start: '2020-02-01', end: '2020-02-29' });
    expect(findPeriod(quarterly, '2021-Q3')).toEqual({ key: '2021-Q3', start: '2021-07-01', end: '2021-09-30' });
    expect(findPeriod(deadline, '2020')).toEqual({ key: '2020', start: '2020-01-01', end: '2020-01-31' });
  });

  it('gives nothing for a key of another frequency or a malformed key', () => {
    expect(findPeriod(monthly, '2020-Q1')).toBeUndefined();
    expect(findPeriod(monthly, '2020')).toBeUndefined();
    expect(findPeriod(quarterly, '2020-03')).toBeUndefined();
    expect(findPeriod(deadline, '2020-01')).toBeUndefined();
    for (const bad of ['', 'abcd-01', '2020-13', '2020-Q5', '0999-01', '2020-1'])
      expect(findPeriod(monthly, bad)).toBeUndefined();
  });

  it('finds every period that reportingPeriods gives, and only those', () => {
    fc.assert(
      fc.property(fc.constantFrom(monthly, quarterly, deadline), fc.integer({ min: 1900, max: 2200 }), (metric, y) => {
        for (const p of reportingPeriods(metric, y)) expect(findPeriod(metric, p.key)).toEqual(p);
      }),
    );
  });
});

describe(isFinalPeriodOfYear.name, () => {
  it('is true for December, the fourth quarter and a whole-year period', () => {
    expect(isFinalPeriodOfYear({ key: '2020-12', start: '2020-12-01', end: '2020-12-31' })).toBe(true);
    expect(isFinalPeriodOfYear({ key: '2020-Q4', start: '2020-10-01', end: '2020-12-31' })).toBe(true);
    expect(isFinalPeriodOfYear({ key: '2020', start: '2020-01-01', end: '2020-12-31' })).toBe(true);
  });

  it('is true for a deadline period, keyed by the year, even when it ends early', () => {
    expect(isFinalPeriodOfYear({ key: '2020', start: '2020-01-01', end: '2020-01-31' })).toBe(true);
  });

  it('is false for January to November and the first three quarters', () => {
    const monthly = reportingPeriods({ kind: 'value', period: 'year', deadline: null }, 2020);
    expect(monthly.map(isFinalPeriodOfYear)).toEqual([...Array(11).fill(false), true]);
    const quarters = reportingPeriods({ kind: 'annual-count', period: 'quarter', deadline: null }, 2020);
    expect(quarters.map(isFinalPeriodOfYear)).toEqual([false, false, false, true]);
  });
});
