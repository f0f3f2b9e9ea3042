import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS, type MetricDefinition } from './metric';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { evaluatePeriod } from './evaluate-period';
import { withDefaultRules } from './metric-rules';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { formatTarget, formatValue } from './format-value';
import { reportingPeriods } from './period';

describe('metric vocabulary', () => {
  it('knows the four kinds of metric: value, annual-count, deadline and case', () => {
    expect([...METRIC_KINDS]).toEqual(['value', 'annual-count', 'deadline', 'case']);
  });

  it('compares with at least (gte), at most (lte) or exactly (eq)', () => {
    expect([...COMPARATORS]).toEqual(['gte', 'lte', 'eq']);
  });

  it('measures in percent, counts, persons, hours, days, working days, years and dates', () => {
    expect([...METRIC_UNITS]).toEqual([
      'percent',
      'count',
      'persons',
      'hours',
      'days',
      'working-days',
      'years',
      'date',
    ]);
  });

  it('reports by year, quarter, month or case', () => {
    expect([...METRIC_PERIODS]).toEqual(['year', 'quarter', 'month', 'case']);
  });

  it('has no duplicates in any vocabulary', () => {
    for (const list of [METRIC_KINDS, COMPARATORS, METRIC_UNITS, METRIC_PERIODS])
      expect(new Set(list).size).toBe(list.length);
  });
});

describe('every combination of the vocabulary is usable by the other domain rules', () => {
  const combos: MetricDefinition[] = METRIC_KINDS.flatMap((kind) =>
    COMPARATORS.flatMap((comparator) =>
      METRIC_UNITS.flatMap((unit) =>
        METRIC_PERIODS.map((period) => ({
          code: `X-${kind}-${comparator}-${unit}-${period}`,
          name: '测试',
          nameEn: 'Test',
          kind,
          comparator,
          unit,
          period,
          target: kind === 'deadline' ? null : 10,
          deadline: kind === 'deadline' ? '06-30' : null,
        })),
      ),
    ),
  );

  it('formats a value and a target in both languages without "undefined" or "NaN"', () => {
    for (const m of combos) {
      for (const lang of ['zh', 'en'] as const) {
        const text = `${formatValue(12, m.unit, lang)} ${formatTarget(m, lang)}`;
        expect(text).not.toMatch(/undefined|NaN|null/);
      }
    }
  });

  it('gives every metric at least one reporting period in a year', () => {
    for (const m of combos) expect(reportingPeriods(m, 2020).length).toBeGreaterThan(0);
  });

  const ctx = {
    today: '2020-07-15',
    calendar: new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020, 2021])),
  };

  it('evaluates every metric, with and without a figure, to one of the four statuses with reasons in both languages', () => {
    for (const m of combos) {
      const ruled = withDefaultRules(m);
      const period = reportingPeriods(ruled, 2020)[0];
      for (const figure of [
        undefined,
        { type: 'value' as const, value: 9 },
        { type: 'completion' as const, completedOn: '2020-06-01' },
      ]) {
        const e = evaluatePeriod(ruled, period, figure, ctx);
        expect(['red', 'amber', 'green', 'grey']).toContain(e.status);
        expect(e.reasonZh.length).toBeGreaterThan(0);
        expect(e.reasonEn.length).toBeGreaterThan(0);
        expect(`${e.reasonZh} ${e.reasonEn}`).not.toMatch(/undefined|NaN|null/);
      }
    }
  });
});
