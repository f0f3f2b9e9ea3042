import { METRIC_KINDS, METRIC_PERIODS } from './metric';
import {
  DEFAULT_DUE_WORKING_DAYS,
  DEFAULT_WARN_WORKING_DAYS,
  REPORTING_FREQUENCIES,
  caseShareBand,
  defaultFrequency,
  toleranceBand,
  withDefaultRules,
} from './metric-rules';
import { makeMetricDefinition } from './testing/make-metric';

const base = makeMetricDefinition({ code: 'T007-1' });

describe(defaultFrequency.name, () => {
  it('reports a deadline once a year, whatever its period', () => {
    for (const period of METRIC_PERIODS) expect(defaultFrequency({ kind: 'deadline', period })).toBe('annual');
  });

  it('reports a quarterly target quarterly', () => {
    for (const kind of ['value', 'annual-count', 'case'] as const)
      expect(defaultFrequency({ kind, period: 'quarter' })).toBe('quarterly');
  });

  it('reports yearly rates and counts, monthly figures and case records monthly', () => {
    for (const kind of ['value', 'annual-count', 'case'] as const) {
      for (const period of ['year', 'month', 'case'] as const)
        expect(defaultFrequency({ kind, period })).toBe('monthly');
    }
  });

  it('always gives one of the known frequencies', () => {
    for (const kind of METRIC_KINDS)
      for (const period of METRIC_PERIODS) expect(REPORTING_FREQUENCIES).toContain(defaultFrequency({ kind, period }));
  });
});

describe(withDefaultRules.name, () => {
  it('defaults: frequency by kind and period, due on the 5th working day, warned 5 working days ahead, default band, not consolidated', () => {
    expect(DEFAULT_DUE_WORKING_DAYS).toBe(5);
    expect(DEFAULT_WARN_WORKING_DAYS).toBe(5);
    expect(withDefaultRules(base)).toEqual({
      ...base,
      frequency: 'monthly',
      tolerance: null,
      dueWorkingDays: 5,
      warnWorkingDays: 5,
      consolidated: false,
    });
    expect(
      withDefaultRules({ ...base, kind: 'annual-count', unit: 'count', target: 1, period: 'quarter' }).frequency,
    ).toBe('quarterly');
    expect(
      withDefaultRules({ ...base, kind: 'deadline', target: null, unit: 'date', deadline: '01-31' }).frequency,
    ).toBe('annual');
  });

  it('takes the rules given, keeping 0 and false rather than falling back to the defaults', () => {
    const ruled = withDefaultRules(base, {
      frequency: 'quarterly',
      tolerance: 0,
      dueWorkingDays: 10,
      warnWorkingDays: 0,
      consolidated: true,
    });
    expect(ruled).toMatchObject({
      frequency: 'quarterly',
      tolerance: 0,
      dueWorkingDays: 10,
      warnWorkingDays: 0,
      consolidated: true,
    });
    expect(withDefaultRules(base, { consolidated: false, tolerance: 3 })).toMatchObject({
      consolidated: false,
      tolerance: 3,
      frequency: 'monthly',
      dueWorkingDays: 5,
    });
  });

  it('keeps the definition intact and does not change it', () => {
    const copy = { ...base };
    const ruled = withDefaultRules(base, { tolerance: 2 });
    expect(base).toEqual(copy);
    expect(ruled).toMatchObject(base);
  });
});

describe(toleranceBand.name, () => {
  it('is 5 percentage points for a percent target by default, whatever the target', () => {
    expect(toleranceBand({ unit: 'percent', target: 80, tolerance: null })).toBe(5);
    expect(toleranceBand({ unit: 'percent', target: 5, tolerance: null })).toBe(5);
    expect(toleranceBand({ unit: 'percent', target: 100, tolerance: undefined as unknown as null })).toBe(5);
  });

  it('is 10% of the target otherwise', () => {
    expect(toleranceBand({ unit: 'hours', target: 40, tolerance: null })).toBe(4);
    expect(toleranceBand({ unit: 'working-days', target: 7, tolerance: null })).toBeCloseTo(0.7, 12);
    expect(toleranceBand({ unit: 'count', target: null, tolerance: null })).toBe(0);
  });

  it('is rounded down to whole numbers for counts and persons: 0 for ≥ 3 persons, not 0.3', () => {
    expect(toleranceBand({ unit: 'persons', target: 3, tolerance: null })).toBe(0);
    expect(toleranceBand({ unit: 'count', target: 4, tolerance: null })).toBe(0);
    expect(toleranceBand({ unit: 'count', target: 100, tolerance: null })).toBe(10);
    expect(toleranceBand({ unit: 'count', target: 15, tolerance: null })).toBe(1);
    expect(toleranceBand({ unit: 'persons', target: 10, tolerance: 2.5 })).toBe(2);
    expect(toleranceBand({ unit: 'hours', target: 15, tolerance: null })).toBeCloseTo(1.5, 12);
  });

  it("is the metric's own tolerance when it has one, 0 included", () => {
    expect(toleranceBand({ unit: 'percent', target: 80, tolerance: 2 })).toBe(2);
    expect(toleranceBand({ unit: 'percent', target: 80, tolerance: 0 })).toBe(0);
    expect(toleranceBand({ unit: 'count', target: 100, tolerance: 3 })).toBe(3);
  });
});

describe(caseShareBand.name, () => {
  it('is 5 percentage points by default and the metric tolerance when it has one, 0 and fractions included', () => {
    expect(caseShareBand({ tolerance: null })).toBe(5);
    expect(caseShareBand({ tolerance: 0 })).toBe(0);
    expect(caseShareBand({ tolerance: 2.5 })).toBe(2.5);
  });
});
