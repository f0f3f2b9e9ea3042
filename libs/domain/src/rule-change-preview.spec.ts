import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import type { EvaluationContext } from './evaluation';
import type { Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import { previewRuleChange, type PreviewDepartment, type RuleChangeInput } from './rule-change-preview';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2019, 2020, 2021]));
const ctx = (today: string): EvaluationContext => ({ today, calendar });

const A: PreviewDepartment = { id: 1, code: 'a', name: '甲局', isLead: true };
const B: PreviewDepartment = { id: 2, code: 'b', name: '乙局', isLead: false };

/** Department A reported `values[month-1]` for each month of 2020; B nothing. */
function input(
  before: RuledMetric,
  after: RuledMetric,
  values: number[],
  today = '2020-04-20',
  reporters: [PreviewDepartment[], PreviewDepartment[]] = [[A], [A]],
): RuleChangeInput {
  return {
    before: { metric: before, departments: reporters[0] },
    after: { metric: after, departments: reporters[1] },
    year: 2020,
    ctx: ctx(today),
    figureOf: (departmentId, key): Figure | undefined => {
      const month = Number(key.slice(5));
      return departmentId === A.id && /^\d{4}-\d{2}$/.test(key) && values[month - 1] !== undefined
        ? { type: 'value', value: values[month - 1] }
        : undefined;
    },
  };
}

describe(previewRuleChange.name, () => {
  it('names the periods and departments a lower target turns green, from what to what', () => {
    const preview = previewRuleChange(input(makeMetric(), makeMetric({ target: 70 }), [72, 90, 79]));
    expect(preview.changes).toEqual([
      expect.objectContaining({ periodKey: '2020-01', departmentId: null, before: 'red', after: 'green' }),
      expect.objectContaining({ periodKey: '2020-01', departmentId: 1, before: 'red', after: 'green' }),
      expect.objectContaining({ periodKey: '2020-03', departmentId: null, before: 'amber', after: 'green' }),
      expect.objectContaining({ periodKey: '2020-03', departmentId: 1, before: 'amber', after: 'green' }),
    ]);
    expect(preview.changes[0].reasonZh).toContain('70%');
    // February stays green; April has begun but is not due: grey either way.
    expect(preview.unchanged).toBe(4);
  });

  it('shows a new reporter without figures as a change from no status, and the pool turning red once overdue', () => {
    const preview = previewRuleChange(input(makeMetric(), makeMetric(), [90, 90], '2020-03-20', [[A], [A, B]]));
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ periodKey: '2020-01', departmentId: 2, before: null, after: 'red' }),
        expect.objectContaining({ periodKey: '2020-01', departmentId: null, before: 'green', after: 'red' }),
      ]),
    );
  });

  it('shows monthly periods going and quarterly ones coming when the frequency changes', () => {
    const preview = previewRuleChange(input(makeMetric(), makeMetric({ frequency: 'quarterly' }), [90], '2020-02-10'));
    expect(preview.changes.map((c) => [c.periodKey, c.departmentId, c.before, c.after])).toEqual([
      ['2020-01', null, 'green', null],
      ['2020-01', 1, 'green', null],
      ['2020-02', null, 'grey', null],
      ['2020-02', 1, 'grey', null],
      ['2020-Q1', null, null, 'grey'],
      ['2020-Q1', 1, null, 'grey'],
    ]);
  });

  it('changes nothing when the rules stay the same', () => {
    const figure = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 12 });
    const rules = fc.record({
      target: fc.integer({ min: 0, max: 100 }),
      tolerance: fc.option(fc.integer({ min: 0, max: 20 })),
      comparator: fc.constantFrom('gte' as const, 'lte' as const),
    });
    fc.assert(
      fc.property(figure, rules, (values, r) => {
        const m = makeMetric(r);
        const preview = previewRuleChange(input(m, { ...m }, values, '2020-12-31'));
        expect(preview.changes).toEqual([]);
        expect(preview.unchanged).toBe(24);
      }),
      { numRuns: 50 },
    );
  });

  it('never makes a figure worse when a "≥" target is lowered', () => {
    const SEVERITY = { grey: 0, green: 1, amber: 2, red: 3 } as const;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, high, drop) => {
          const low = Math.max(0, high - drop);
          const preview = previewRuleChange(
            input(makeMetric({ target: high }), makeMetric({ target: low }), values, '2020-12-31'),
          );
          for (const c of preview.changes) expect(SEVERITY[c.after!]).toBeLessThan(SEVERITY[c.before!]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
