import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { evaluateOverall, type DepartmentResult } from './evaluate-overall';
import { evaluatePeriod } from './evaluate-period';
import type { EvaluationContext } from './evaluation';
import type { Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import { findPeriod } from './period';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020, 2021]));
const ctx: EvaluationContext = { today: '2021-03-01', calendar };

const DEPARTMENTS = { A: '区司法局', B: '区财政局', C: '区教育局' } as const;
type Code = keyof typeof DEPARTMENTS;

/** Each department's own evaluation, as the API builds it. */
function results(
  m: RuledMetric,
  key: string,
  figures: Partial<Record<Code, Figure | undefined>>,
  lead: Code = 'A',
  at = ctx,
): DepartmentResult[] {
  const p = findPeriod(m, key)!;
  return (Object.keys(figures) as Code[]).map((code) => ({
    department: { code, name: DEPARTMENTS[code], isLead: code === lead },
    figure: figures[code],
    evaluation: evaluatePeriod(m, p, figures[code], at),
  }));
}
const overall = (
  m: RuledMetric,
  key: string,
  figures: Partial<Record<Code, Figure | undefined>>,
  lead: Code = 'A',
  at = ctx,
) => evaluateOverall(m, findPeriod(m, key)!, results(m, key, figures, lead, at), at);
const ratio = (numerator: number, denominator: number): Figure => ({ type: 'ratio', numerator, denominator });
const value = (v: number): Figure => ({ type: 'value', value: v });

describe('evaluateOverall', () => {
  it('pools ratios: 30/40 + 10/10 = 40/50 = 80% is green against ≥ 80%, though one department alone is 75%', () => {
    const m = makeMetric();
    const each = results(m, '2020-06', { A: ratio(30, 40), B: ratio(10, 10) });
    expect(each[0].evaluation.status).toBe('amber');
    const e = overall(m, '2020-06', { A: ratio(30, 40), B: ratio(10, 10) });
    expect(e).toMatchObject({ status: 'green', basis: 'met', value: 80 });
    expect(e.reasonZh).toBe('2 个单位合计：80%（40/50） 达到目标（≥ 80%）');
    expect(e.reasonEn).toMatch(/^2 departments pooled: 80% \(40\/50\)/);
  });

  it('pools the other way too: 10/10 + 20/40 = 60% is red though one department is green', () => {
    expect(overall(makeMetric(), '2020-06', { A: ratio(10, 10), B: ratio(20, 40) })).toMatchObject({
      status: 'red',
      value: 60,
    });
  });

  it('a department with nothing to count (0/0) adds nothing to the pool; all 0/0 stays grey', () => {
    expect(overall(makeMetric(), '2020-06', { A: ratio(0, 0), B: ratio(8, 10) })).toMatchObject({
      status: 'green',
      value: 80,
    });
    const none = overall(makeMetric(), '2020-06', { A: ratio(0, 0), B: ratio(0, 0) });
    expect(none).toMatchObject({ status: 'grey', basis: 'not-applicable' });
    expect(`${none.reasonZh}${none.reasonEn}`).not.toContain('NaN');
  });

  it('sums yearly counts: 1 + 0 by March meets ≥ 4 a year pro rata; 2 + 1 in December misses it', () => {
    const m = makeMetric({ kind: 'annual-count', unit: 'count', target: 4 });
    expect(overall(m, '2020-03', { A: value(1), B: value(0) })).toMatchObject({ status: 'green', value: 1, target: 1 });
    expect(overall(m, '2020-12', { A: value(2), B: value(1) })).toMatchObject({
      status: 'red',
      basis: 'missed',
      value: 3,
    });
    expect(overall(m, '2020-12', { A: value(2), B: value(2) })).toMatchObject({ status: 'green', value: 4 });
  });

  it("takes the lead department's figure for a consolidated metric, named, whatever the others report", () => {
    const m = makeMetric({ consolidated: true });
    const e = overall(m, '2020-06', { A: ratio(2, 10), B: ratio(9, 10) }, 'B');
    expect(e).toMatchObject({ status: 'green', value: 90 });
    expect(e.reasonZh).toMatch(/^区财政局：90%（9\/10）/);
    expect(e.reasonEn).toMatch(/^区财政局: /);
  });

  it('a consolidated metric whose lead has not reported is overdue, even if others have', () => {
    const m = makeMetric({ consolidated: true });
    const e = overall(m, '2020-06', { A: undefined, B: ratio(9, 10) });
    expect(e).toMatchObject({ status: 'red', basis: 'overdue' });
    expect(e.reasonZh).toContain('区司法局：逾期未报送');
  });

  it('one department overdue makes the metric red and names it, though the pool of the others is green', () => {
    const e = overall(makeMetric(), '2020-06', { A: ratio(10, 10), B: undefined, C: ratio(9, 10) });
    expect(e).toMatchObject({ status: 'red', basis: 'overdue' });
    expect(e.reasonZh).toBe('区财政局逾期未报送 2020-06 的数据');
    expect(e.reasonEn).toBe('区财政局 has not reported the 2020-06 figures after the due date');
  });

  it('names every overdue department', () => {
    const e = overall(makeMetric(), '2020-06', { A: undefined, B: ratio(10, 10), C: undefined });
    expect(e.reasonZh).toBe('区司法局、区教育局逾期未报送 2020-06 的数据');
    expect(e.reasonEn).toContain('区司法局, 区教育局 have not reported');
  });

  it('a department not yet due does not make it red; the one that reported is judged, named', () => {
    const early = { today: '2020-07-03', calendar }; // June figures are due 2020-07-07
    const e = overall(makeMetric(), '2020-06', { A: ratio(7, 10), B: undefined }, 'A', early);
    expect(e).toMatchObject({ status: 'red', basis: 'missed' });
    expect(e.reasonZh).toMatch(/^区司法局：70%/);
  });

  it('otherwise takes the worst department and names it', () => {
    const m = makeMetric({ unit: 'count', target: 100 }); // plain values: nothing to pool
    const e = overall(m, '2020-06', { A: value(100), B: value(92), C: value(100) });
    expect(e).toMatchObject({ status: 'amber', basis: 'within-band', value: 92 });
    expect(e.reasonZh).toBe('区财政局：92 次 未达目标（≥ 100 次），在 10 次预警带内');
    expect(e.reasonEn).toMatch(/^区财政局: 92 misses/);
  });

  it('a deadline: the worst department, with late ones red and named', () => {
    const m = makeMetric({ kind: 'deadline', comparator: 'lte', target: null, unit: 'date', deadline: '03-31' });
    const e = overall(m, '2020', {
      A: { type: 'completion', completedOn: '2020-03-20' },
      B: { type: 'completion', completedOn: '2020-04-02' },
    });
    expect(e).toMatchObject({ status: 'red', basis: 'done-late', value: 2 });
    expect(e.reasonZh).toMatch(/^区财政局：于 2020-04-02 完成/);
    const undone = overall(m, '2020', { A: { type: 'completion', completedOn: '2020-03-20' }, B: undefined });
    expect(undone).toMatchObject({ status: 'red', basis: 'overdue' });
    expect(undone.reasonZh).toBe('区财政局：期限 2020-03-31 已过，尚未完成');
  });

  it('a single department is not named', () => {
    const m = makeMetric();
    const alone = overall(m, '2020-06', { A: ratio(7, 10) });
    expect(alone.reasonZh).toBe('70%（7/10） 未达目标（≥ 80%），超出 5 个百分点预警带');
    expect(alone).toEqual(results(m, '2020-06', { A: ratio(7, 10) })[0].evaluation);
    expect(overall(makeMetric({ consolidated: true }), '2020-06', { A: ratio(9, 10) }).reasonZh).not.toContain(
      '区司法局',
    );
  });

  describe('with a returned figure (退回待更正)', () => {
    const m = makeMetric();
    const p = findPeriod(m, '2020-06')!;
    const early = { today: '2020-07-03', calendar }; // June figures are due 2020-07-07
    const withReturned = (at: EvaluationContext, figures: Partial<Record<Code, Figure>>, returned: Code) =>
      (Object.keys(figures) as Code[]).map((code) => ({
        department: { code, name: DEPARTMENTS[code], isLead: code === 'A' },
        figure: figures[code],
        evaluation: evaluatePeriod(m, p, figures[code], at, { returned: code === returned }),
      }));

    it('keeps it out of the pool and the metric from green while it awaits correction, naming the department', () => {
      const e = evaluateOverall(m, p, withReturned(early, { A: ratio(10, 10), B: ratio(100, 100) }, 'B'), early);
      expect(e).toMatchObject({ status: 'grey', basis: 'returned' });
      expect(e.reasonZh).toBe('区财政局：待更正：2020-06 的数据已被退回，请于 2020-07-07 前报送更正后的数据');
    });

    it('lets a worse status of the others stand: red stays red', () => {
      expect(
        evaluateOverall(m, p, withReturned(early, { A: ratio(5, 10), B: ratio(100, 100) }, 'B'), early),
      ).toMatchObject({ status: 'red', basis: 'missed', value: 50 });
    });

    it('is red once the due date has passed, naming who did not correct', () => {
      const e = evaluateOverall(m, p, withReturned(ctx, { A: ratio(10, 10), B: ratio(100, 100) }, 'B'), ctx);
      expect(e).toMatchObject({ status: 'red', basis: 'returned' });
      expect(e.reasonZh).toBe('区财政局的 2020-06 数据被退回后逾期未更正');
      expect(e.reasonEn).toBe('区财政局 has not corrected the returned 2020-06 figures after the due date');
      const both = evaluateOverall(
        m,
        p,
        [
          ...withReturned(ctx, { A: ratio(10, 10), B: ratio(100, 100) }, 'B'),
          ...results(m, '2020-06', { C: undefined }),
        ],
        ctx,
      );
      expect(both).toMatchObject({
        status: 'red',
        basis: 'overdue',
        reasonZh: '区教育局逾期未报送 2020-06 的数据；区财政局的 2020-06 数据被退回后逾期未更正',
      });
    });

    it('a single returned department is its own evaluation', () => {
      const alone = withReturned(early, { A: ratio(10, 10) }, 'A');
      expect(evaluateOverall(m, p, alone, early)).toEqual(alone[0].evaluation);
    });
  });

  it('with no department at all, it is judged as a missing figure', () => {
    const m = makeMetric();
    expect(evaluateOverall(m, findPeriod(m, '2020-06')!, [], ctx)).toMatchObject({ status: 'red', basis: 'overdue' });
  });
});
