import fc from 'fast-check';
import { METRIC_UNITS, COMPARATORS } from './metric';
import { formatTarget, formatValue, roundForDisplay } from './format-value';

describe(roundForDisplay.name, () => {
  it('rounds to one decimal without trailing zeros', () => {
    expect(roundForDisplay(78.456)).toBe('78.5');
    expect(roundForDisplay(80)).toBe('80');
    expect(roundForDisplay(80.0)).toBe('80');
    expect(roundForDisplay(71.4)).toBe('71.4');
    expect(roundForDisplay(99.96)).toBe('100');
    expect(roundForDisplay(0.04)).toBe('0');
  });

  it('never shows more than one decimal for ordinary figures', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        expect(roundForDisplay(v)).toMatch(/^-?\d+(\.\d)?$/);
        expect(Math.abs(Number(roundForDisplay(v)) - v)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe(formatValue.name, () => {
  it('writes percents with a % sign in both languages', () => {
    expect(formatValue(80, 'percent')).toBe('80%');
    expect(formatValue(71.44, 'percent', 'en')).toBe('71.4%');
  });

  it('writes Chinese units after a space', () => {
    expect(formatValue(3, 'count')).toBe('3 次');
    expect(formatValue(2, 'persons')).toBe('2 人');
    expect(formatValue(40, 'hours')).toBe('40 学时');
    expect(formatValue(30, 'days')).toBe('30 日');
    expect(formatValue(5, 'working-days')).toBe('5 个工作日');
    expect(formatValue(5, 'years')).toBe('5 年');
  });

  it('writes English units, with a bare number for counts', () => {
    expect(formatValue(3, 'count', 'en')).toBe('3');
    expect(formatValue(2, 'persons', 'en')).toBe('2 persons');
    expect(formatValue(40, 'hours', 'en')).toBe('40 hours');
    expect(formatValue(30, 'days', 'en')).toBe('30 days');
    expect(formatValue(5, 'working-days', 'en')).toBe('5 working days');
    expect(formatValue(5, 'years', 'en')).toBe('5 years');
  });

  it('defaults to Chinese', () => {
    expect(formatValue(5, 'working-days')).toBe(formatValue(5, 'working-days', 'zh'));
  });

  it('starts with the rounded figure and never shows "undefined"', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.constantFrom(...METRIC_UNITS),
        fc.constantFrom('zh' as const, 'en' as const),
        (v, unit, lang) => {
          const text = formatValue(v, unit, lang);
          expect(text.startsWith(roundForDisplay(v))).toBe(true);
          expect(text).not.toContain('undefined');
        },
      ),
    );
  });
});

describe(formatTarget.name, () => {
  it('writes a floor as ≥ with the unit', () => {
    expect(formatTarget({ comparator: 'gte', target: 80, unit: 'percent', deadline: null })).toBe('≥ 80%');
    expect(formatTarget({ comparator: 'gte', target: 80, unit: 'percent', deadline: null }, 'en')).toBe('≥ 80%');
  });

  it('writes a ceiling as ≤ with the unit', () => {
    expect(formatTarget({ comparator: 'lte', target: 7, unit: 'working-days', deadline: null })).toBe('≤ 7 个工作日');
    expect(formatTarget({ comparator: 'lte', target: 7, unit: 'working-days', deadline: null }, 'en')).toBe(
      '≤ 7 working days',
    );
  });

  it('writes an exact target as =', () => {
    expect(formatTarget({ comparator: 'eq', target: 5, unit: 'years', deadline: null })).toBe('= 5 年');
  });

  it('writes a deadline as a date, in Chinese and in English', () => {
    const jan31 = { comparator: 'lte' as const, target: null, unit: 'date' as const, deadline: '01-31' };
    expect(formatTarget(jan31)).toBe('1月31日前');
    expect(formatTarget(jan31, 'en')).toBe('by 31 January');
    const mar31 = { ...jan31, deadline: '03-31' };
    expect(formatTarget(mar31)).toBe('3月31日前');
    expect(formatTarget(mar31, 'en')).toBe('by 31 March');
    expect(formatTarget({ ...jan31, deadline: '12-05' }, 'en')).toBe('by 5 December');
  });

  it('names the right month for every deadline, without leading zeros', () => {
    // An oracle of its own (the platform's month names), not the list under test.
    const monthName = (m: number) =>
      new Date(Date.UTC(2020, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (m, d) => {
        const deadline = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const metric = { comparator: 'lte' as const, target: null, unit: 'date' as const, deadline };
        expect(formatTarget(metric)).toBe(`${m}月${d}日前`);
        expect(formatTarget(metric, 'en')).toBe(`by ${d} ${monthName(m)}`);
      }),
    );
  });

  it('shows every comparator symbol next to the formatted target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPARATORS),
        fc.constantFrom(...METRIC_UNITS.filter((u) => u !== 'date')),
        fc.integer({ min: 0, max: 1000 }),
        (comparator, unit, target) => {
          const text = formatTarget({ comparator, target, unit, deadline: null });
          expect(text).toBe(`${{ gte: '≥', lte: '≤', eq: '=' }[comparator]} ${formatValue(target, unit)}`);
        },
      ),
    );
  });
});
