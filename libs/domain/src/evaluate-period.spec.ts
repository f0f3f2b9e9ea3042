import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { dueDate, evaluatePeriod } from './evaluate-period';
import type { Evaluation, EvaluationContext } from './evaluation';
import type { CaseRecord, Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import { findPeriod } from './period';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2019, 2020, 2021, 2022]));
const at = (today: string): EvaluationContext => ({ today, calendar });
const LATE = at('2021-06-30'); // long after every 2020 period: nothing is "not yet due"

const period = (m: RuledMetric, key: string) => findPeriod(m, key)!;
const value = (v: number): Figure => ({ type: 'value', value: v });
const both = (e: Evaluation) => `${e.reasonZh} | ${e.reasonEn}`;
const judge = (m: RuledMetric, key: string, f: Figure | undefined, ctx = LATE) =>
  evaluatePeriod(m, period(m, key), f, ctx);
const outcome = (e: Evaluation) => [e.status, e.basis];

describe('a rate against a target, with the amber band', () => {
  const atLeast80 = makeMetric();
  const atMost5 = makeMetric({ comparator: 'lte', target: 5 });

  it('≥ 80%: 80 green, 77 amber within the 5-point band, 75 amber on the edge, 74.9 red', () => {
    expect(outcome(judge(atLeast80, '2020-06', value(80)))).toEqual(['green', 'met']);
    expect(outcome(judge(atLeast80, '2020-06', value(100)))).toEqual(['green', 'met']);
    const near = judge(atLeast80, '2020-06', value(77));
    expect(outcome(near)).toEqual(['amber', 'within-band']);
    expect(near.reasonZh).toBe('77% 未达目标（≥ 80%），在 5 个百分点预警带内');
    expect(near.reasonEn).toContain('within the 5-point amber band');
    expect(outcome(judge(atLeast80, '2020-06', value(75)))).toEqual(['amber', 'within-band']);
    const missed = judge(atLeast80, '2020-06', value(74.9));
    expect(outcome(missed)).toEqual(['red', 'missed']);
    expect(missed.reasonZh).toContain('超出 5 个百分点预警带');
    expect(missed).toMatchObject({ value: 74.9, target: 80 });
  });

  it('≤ 5%: 5 green, 9 amber, 10 amber on the edge, 10.1 and 11 red', () => {
    expect(outcome(judge(atMost5, '2020-06', value(5)))).toEqual(['green', 'met']);
    expect(outcome(judge(atMost5, '2020-06', value(0)))).toEqual(['green', 'met']);
    expect(outcome(judge(atMost5, '2020-06', value(9)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(atMost5, '2020-06', value(10)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(atMost5, '2020-06', value(10.1)))).toEqual(['red', 'missed']);
    expect(outcome(judge(atMost5, '2020-06', value(11)))).toEqual(['red', 'missed']);
  });

  it('keeps a figure exactly on the band edge amber despite floating point (≥ 12.3%: 7.3 amber)', () => {
    const m = makeMetric({ target: 12.3 });
    expect(12.3 - 7.3).toBeGreaterThan(5); // the edge case floating point makes of it
    expect(outcome(judge(m, '2020-06', value(7.3)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(m, '2020-06', value(7.2)))).toEqual(['red', 'missed']);
    expect(outcome(judge(makeMetric({ target: 71.4 }), '2020-06', value(66.4)))).toEqual(['amber', 'within-band']);
  });

  it("takes the metric's own tolerance over the default band, 0 included", () => {
    const narrow = makeMetric({ tolerance: 2 });
    expect(outcome(judge(narrow, '2020-06', value(78)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(narrow, '2020-06', value(77)))).toEqual(['red', 'missed']);
    expect(judge(narrow, '2020-06', value(78)).reasonZh).toContain('2 个百分点预警带');
    const none = makeMetric({ tolerance: 0 });
    expect(outcome(judge(none, '2020-06', value(79.9)))).toEqual(['red', 'missed']);
    expect(outcome(judge(makeMetric({ tolerance: 10 }), '2020-06', value(70)))).toEqual(['amber', 'within-band']);
  });

  it('rounds the band down to whole persons: ≥ 3 persons has none, so 2 is red with no "0.3 人" band', () => {
    const threePersons = makeMetric({ unit: 'persons', target: 3 });
    const two = judge(threePersons, '2020', value(2));
    expect(two).toMatchObject({
      status: 'red',
      basis: 'missed',
      reasonZh: '2 人 未达目标（≥ 3 人）',
      reasonEn: '2 persons misses the target (≥ 3 persons)',
    });
    expect(both(two)).not.toMatch(/0\.3|预警带|band/);
  });

  it('bands a non-percent target by 10% of it (≥ 100 count: 90 amber, 89 red)', () => {
    const m = makeMetric({ unit: 'count', target: 100 });
    expect(outcome(judge(m, '2020-06', value(100)))).toEqual(['green', 'met']);
    expect(outcome(judge(m, '2020-06', value(90)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(m, '2020-06', value(89)))).toEqual(['red', 'missed']);
  });

  it('judges "exactly" both ways', () => {
    const m = makeMetric({ comparator: 'eq', target: 100 });
    expect(outcome(judge(m, '2020-06', value(100)))).toEqual(['green', 'met']);
    expect(outcome(judge(m, '2020-06', value(96)))).toEqual(['amber', 'within-band']);
    expect(outcome(judge(m, '2020-06', value(94)))).toEqual(['red', 'missed']);
  });
});

describe('a rate reported as numerator and denominator', () => {
  it('37/37 is green 100%, and shows the count', () => {
    const e = judge(makeMetric({ target: 100 }), '2020-06', { type: 'ratio', numerator: 37, denominator: 37 });
    expect(e).toMatchObject({ status: 'green', basis: 'met', value: 100 });
    expect(e.reasonZh).toBe('100%（37/37） 达到目标（≥ 100%）');
    expect(e.reasonEn).toContain('(37/37)');
  });

  it('30/40 against ≥ 80% is 75%: amber', () => {
    expect(judge(makeMetric(), '2020-06', { type: 'ratio', numerator: 30, denominator: 40 })).toMatchObject({
      status: 'amber',
      value: 75,
    });
  });

  it('0/0 is grey not-applicable: never green, never NaN', () => {
    const e = judge(makeMetric({ target: 100 }), '2020-06', { type: 'ratio', numerator: 0, denominator: 0 });
    expect(e).toMatchObject({ status: 'grey', basis: 'not-applicable', value: null });
    expect(both(e)).toContain('分母为 0');
    expect(both(e)).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('a yearly count, reported year to date (序时进度)', () => {
  const fourAYear = makeMetric({ kind: 'annual-count', unit: 'count', target: 4 });

  it('in March expects 1: 1 green on pace, 0 amber behind pro rata', () => {
    expect(judge(fourAYear, '2020-03', value(1))).toMatchObject({ status: 'green', basis: 'on-pace', target: 1 });
    const behind = judge(fourAYear, '2020-03', value(0));
    expect(behind).toMatchObject({ status: 'amber', basis: 'behind-pro-rata', target: 1 });
    expect(behind.reasonZh).toContain('序时进度 1');
    expect(behind.reasonEn).toContain('pro rata 1');
  });

  it('never says "met" before the year is: 1 of 4 in February is ahead of pace (0.7 due), 4 of 4 is met', () => {
    const ahead = judge(fourAYear, '2020-02', value(1));
    expect(ahead).toMatchObject({ status: 'green', basis: 'on-pace', value: 1 });
    expect(ahead.target).toBeCloseTo(0.667, 3);
    expect(ahead.reasonZh).toBe('领先序时进度：1/4 次，按进度应达 0.7');
    expect(ahead.reasonEn).toBe('Ahead of pace: 1 of 4, 0.7 due by now');
    expect(both(ahead)).not.toMatch(/达到目标|meets/);
    const onPace = judge(fourAYear, '2020-06', value(2));
    expect(onPace.reasonZh).toBe('符合序时进度：2/4 次，按进度应达 2');
    expect(onPace.reasonEn).toBe('On pace: 2 of 4, 2 due by now');
    expect(judge(fourAYear, '2020-06', value(4))).toMatchObject({
      status: 'green',
      basis: 'met',
      reasonZh: '4 次 达到目标（≥ 4 次，序时进度 2）',
    });
  });

  it('stays amber before December however far behind, then must be met in full', () => {
    expect(judge(fourAYear, '2020-11', value(0))).toMatchObject({ status: 'amber', basis: 'behind-pro-rata' });
    expect(outcome(judge(fourAYear, '2020-12', value(4)))).toEqual(['green', 'met']);
    // The band is 10% of 4 = 0.4, nothing in whole counts, so 3 of 4 at the year's end is a miss and no band is named.
    expect(judge(fourAYear, '2020-12', value(3))).toMatchObject({
      status: 'red',
      basis: 'missed',
      target: 4,
      reasonZh: '3 次 未达目标（≥ 4 次）',
      reasonEn: '3 misses the target (≥ 4)',
    });
  });

  it('reported quarterly instead, a yearly count is still due pro rata: 1 of 4 by Q1, 2 by Q2', () => {
    const quarterly = makeMetric({ ...fourAYear, frequency: 'quarterly' });
    expect(judge(quarterly, '2020-Q1', value(1))).toMatchObject({ status: 'green', basis: 'on-pace', target: 1 });
    expect(judge(quarterly, '2020-Q2', value(1))).toMatchObject({
      status: 'amber',
      basis: 'behind-pro-rata',
      target: 2,
    });
    expect(judge(quarterly, '2020-Q4', value(3))).toMatchObject({ status: 'red', basis: 'missed', target: 4 });
    expect(judge(makeMetric({ ...fourAYear, frequency: 'annual' }), '2020', value(3))).toMatchObject({
      status: 'red',
      target: 4,
    });
  });

  it('a quarterly minimum (≥ 1 per quarter) is judged in full each quarter: 0 is red', () => {
    const perQuarter = makeMetric({ kind: 'annual-count', unit: 'count', target: 1, period: 'quarter' });
    expect(perQuarter.frequency).toBe('quarterly');
    expect(outcome(judge(perQuarter, '2020-Q1', value(0)))).toEqual(['red', 'missed']);
    expect(outcome(judge(perQuarter, '2020-Q2', value(1)))).toEqual(['green', 'met']);
  });
});

describe('a figure returned for correction (退回)', () => {
  const atLeast80 = makeMetric();
  // June 2020 figures are due on 2020-07-07.
  it('is grey awaiting correction up to the due date, whatever it says, 100% included', () => {
    const e = evaluatePeriod(atLeast80, period(atLeast80, '2020-06'), value(100), at('2020-07-03'), { returned: true });
    expect(e).toEqual({
      status: 'grey',
      basis: 'returned',
      value: null,
      target: 80,
      reasonZh: '待更正：2020-06 的数据已被退回，请于 2020-07-07 前报送更正后的数据',
      reasonEn: 'Awaiting correction: the 2020-06 figures were sent back; corrected figures are due by 2020-07-07',
    });
    expect(
      evaluatePeriod(atLeast80, period(atLeast80, '2020-06'), value(100), at('2020-07-07'), { returned: true }).status,
    ).toBe('grey');
  });

  it('is red once the due date has passed without a corrected figure', () => {
    const e = evaluatePeriod(atLeast80, period(atLeast80, '2020-06'), value(100), at('2020-07-08'), { returned: true });
    expect(e).toMatchObject({ status: 'red', basis: 'returned', value: null });
    expect(e.reasonZh).toBe('退回后逾期未更正：2020-06 的数据已被退回，更正后的数据应于 2020-07-07 前报送');
    expect(e.reasonEn).toBe(
      'Returned and not corrected: the 2020-06 figures were sent back and corrected figures were due by 2020-07-07',
    );
  });

  it('holds for a deadline metric too: a returned completion date is no completion', () => {
    const byJan31 = makeMetric({ kind: 'deadline', comparator: 'lte', target: null, unit: 'date', deadline: '01-31' });
    const done: Figure = { type: 'completion', completedOn: '2020-01-10' };
    expect(evaluatePeriod(byJan31, period(byJan31, '2020'), done, at('2020-01-20'), { returned: true })).toMatchObject({
      status: 'grey',
      basis: 'returned',
    });
    expect(evaluatePeriod(byJan31, period(byJan31, '2020'), done, at('2020-02-03'), { returned: true })).toMatchObject({
      status: 'red',
      basis: 'returned',
    });
  });
});

describe('a deadline (01-31) within the Spring Festival of 2020', () => {
  const byJan31 = makeMetric({ kind: 'deadline', comparator: 'lte', target: null, unit: 'date', deadline: '01-31' });
  const done = (on: string | null): Figure => ({ type: 'completion', completedOn: on });

  it('done on 01-20 is green', () => {
    const e = judge(byJan31, '2020', done('2020-01-20'), at('2020-03-01'));
    expect(outcome(e)).toEqual(['green', 'met']);
    expect(e.reasonZh).toBe('已于 2020-01-20 完成（1月31日前）');
  });

  it('done on 02-05 is red done-late by 3 working days (the holiday to 02-02 does not count)', () => {
    const e = judge(byJan31, '2020', done('2020-02-05'), at('2020-03-01'));
    expect(e).toMatchObject({ status: 'red', basis: 'done-late', value: 3 });
    expect(e.reasonZh).toContain('晚于期限 2020-01-31 3 个工作日');
    expect(e.reasonEn).toContain('3 working days after the 2020-01-31 deadline');
  });

  it('not done: grey on 01-02, amber from 5 working days before (01-17, counting make-up Sunday 01-19), red after', () => {
    expect(outcome(judge(byJan31, '2020', done(null), at('2020-01-02')))).toEqual(['grey', 'not-due']);
    expect(outcome(judge(byJan31, '2020', done(null), at('2020-01-16')))).toEqual(['grey', 'not-due']);
    const near = judge(byJan31, '2020', done(null), at('2020-01-17'));
    expect(outcome(near)).toEqual(['amber', 'deadline-near']);
    expect(near.reasonZh).toContain('还有 5 个工作日');
    expect(judge(byJan31, '2020', done(null), at('2020-01-20')).reasonEn).toContain(
      '3 working days to the 2020-01-31 deadline',
    );
    // During the holiday no working day is left, yet it is not overdue until the deadline has passed.
    expect(judge(byJan31, '2020', done(null), at('2020-01-27'))).toMatchObject({
      status: 'amber',
      basis: 'deadline-near',
    });
    expect(outcome(judge(byJan31, '2020', done(null), at('2020-01-31')))).toEqual(['amber', 'deadline-near']);
    const overdue = judge(byJan31, '2020', done(null), at('2020-02-03'));
    expect(outcome(overdue)).toEqual(['red', 'overdue']);
    expect(overdue.reasonZh).toBe('期限 2020-01-31 已过，尚未完成');
  });

  it('treats no figure at all like "not done"', () => {
    expect(outcome(judge(byJan31, '2020', undefined, at('2020-02-03')))).toEqual(['red', 'overdue']);
    expect(outcome(judge(byJan31, '2020', undefined, at('2020-01-02')))).toEqual(['grey', 'not-due']);
  });

  it('honours a wider warning window', () => {
    expect(
      outcome(judge(makeMetric({ ...byJan31, warnWorkingDays: 20 }), '2020', done(null), at('2020-01-02'))),
    ).toEqual(['amber', 'deadline-near']);
  });
});

describe('missing figures and the due date (5th working day after the period)', () => {
  const m = makeMetric();

  it('September 2020 is due 2020-10-14, after the National Day holiday and make-up Saturday 10-10', () => {
    expect(dueDate(m, period(m, '2020-09'), LATE)).toBe('2020-10-14');
    const running = judge(m, '2020-09', undefined, at('2020-09-15'));
    expect(outcome(running)).toEqual(['grey', 'not-due']);
    expect(running.reasonZh).toBe('2020-09 尚未结束，报送截止 2020-10-14');
    const awaiting = judge(m, '2020-09', undefined, at('2020-10-14'));
    expect(outcome(awaiting)).toEqual(['grey', 'not-due']);
    expect(awaiting.reasonEn).toBe('Awaiting figures, due by 2020-10-14');
    const overdue = judge(m, '2020-09', undefined, at('2020-10-15'));
    expect(outcome(overdue)).toEqual(['red', 'overdue']);
    expect(overdue.reasonZh).toBe('逾期未报送：2020-09 的数据应于 2020-10-14 前报送');
  });

  it('January 2020 is due 2020-02-07 (holiday to 02-02); Q1 2020 is due 2020-04-08 (Qingming 04-04..06)', () => {
    expect(dueDate(m, period(m, '2020-01'), LATE)).toBe('2020-02-07');
    const q = makeMetric({ frequency: 'quarterly' });
    expect(dueDate(q, period(q, '2020-Q1'), LATE)).toBe('2020-04-08');
    expect(outcome(judge(q, '2020-Q1', undefined, at('2020-04-08')))).toEqual(['grey', 'not-due']);
    expect(outcome(judge(q, '2020-Q1', undefined, at('2020-04-09')))).toEqual(['red', 'overdue']);
  });

  it("honours the metric's own number of working days", () => {
    const slow = makeMetric({ dueWorkingDays: 10 });
    expect(dueDate(slow, period(slow, '2020-09'), LATE)).toBe('2020-10-21');
    expect(outcome(judge(slow, '2020-09', undefined, at('2020-10-15')))).toEqual(['grey', 'not-due']);
  });
});

describe('case records', () => {
  const within7 = makeMetric({ kind: 'case', comparator: 'lte', target: 7, unit: 'working-days', period: 'case' });
  const c = (
    reference: string,
    startDate: string | null,
    completedOn: string | null,
    v: number | null = null,
  ): CaseRecord => ({ reference, startDate, completedOn, value: v });
  const cases = (...list: CaseRecord[]): Figure => ({ type: 'cases', cases: list });
  // 09-25 → 10-12 is 17 calendar days but exactly 7 working days (09-27, 28, 29, 30, 10-09, 10, 12).
  const onTime = c('C1', '2020-09-25', '2020-10-12');
  const late = c('C4', '2020-09-25', '2020-10-13');

  it('all within the limit, counted in working days over the National Day holiday: green 100%', () => {
    const e = judge(
      within7,
      '2020-09',
      cases(onTime, c('C2', '2020-09-01', '2020-09-02'), c('C3', '2020-09-07', '2020-09-16')),
    );
    expect(e).toMatchObject({ status: 'green', basis: 'met', value: 100, target: 100 });
    expect(e.reasonZh).toBe('3 件中 3 件符合 ≤ 7 个工作日（100%）');
  });

  it('one of four late is 75%, beyond the 5-point band: red, naming the late case', () => {
    const e = judge(
      within7,
      '2020-09',
      cases(onTime, c('C2', '2020-09-01', '2020-09-02'), c('C3', '2020-09-07', '2020-09-16'), late),
    );
    expect(e).toMatchObject({ status: 'red', basis: 'missed', value: 75 });
    expect(e.reasonZh).toBe('4 件中 3 件符合 ≤ 7 个工作日（75%）；不符合：C4 8 个工作日');
    expect(e.reasonEn).toContain('not meeting it: C4 8 working days');
  });

  it('one of twenty late is 95%: amber within the band; a tolerance widens it', () => {
    const twenty = Array.from({ length: 19 }, (_, i) => c(`K${i}`, '2020-09-01', '2020-09-02'));
    expect(judge(within7, '2020-09', cases(...twenty, late))).toMatchObject({
      status: 'amber',
      basis: 'within-band',
      value: 95,
    });
    expect(
      judge(makeMetric({ ...within7, tolerance: 30 }), '2020-09', cases(onTime, onTime, onTime, late)).status,
    ).toBe('amber');
  });

  it('an open case past the limit counts as late; one within the limit is pending, not judged', () => {
    const open = c('OPEN', '2020-09-25', null);
    const past = judge(within7, '2020-09', cases(onTime, open), at('2020-10-13'));
    expect(past).toMatchObject({ status: 'red', value: 50 });
    expect(past.reasonZh).toContain('OPEN 8 个工作日（未办结）');
    const pending = judge(within7, '2020-09', cases(onTime, open), at('2020-10-12'));
    expect(pending).toMatchObject({ status: 'green', value: 100 });
    expect(pending.reasonZh).toBe('1 件中 1 件符合 ≤ 7 个工作日（100%），另有 1 件办理中');
    const onlyPending = judge(within7, '2020-09', cases(open), at('2020-10-12'));
    expect(onlyPending).toMatchObject({ status: 'grey', basis: 'not-applicable' });
    expect(onlyPending.reasonEn).toBe('No applicable cases this period; 1 still open');
  });

  it('no cases: grey not-applicable', () => {
    expect(outcome(judge(within7, '2020-09', cases()))).toEqual(['grey', 'not-applicable']);
  });

  it('calendar days (≥ 30 days of consultation): 29 days red, 30 green; an open one is pending', () => {
    const consult = makeMetric({ kind: 'case', comparator: 'gte', target: 30, unit: 'days', period: 'case' });
    const short = judge(consult, '2020-03', cases(c('Z1', '2020-03-01', '2020-03-30')));
    expect(short).toMatchObject({ status: 'red', value: 0 });
    expect(short.reasonZh).toContain('Z1 29 日');
    expect(judge(consult, '2020-03', cases(c('Z1', '2020-03-01', '2020-03-31'))).status).toBe('green');
    expect(judge(consult, '2020-03', cases(c('Z1', '2020-03-01', null)), at('2020-03-10')).basis).toBe(
      'not-applicable',
    );
  });

  it('persons per case (≥ 2) judge the figure given on each case', () => {
    const panel = makeMetric({ kind: 'case', comparator: 'gte', target: 2, unit: 'persons', period: 'case' });
    expect(judge(panel, '2020-03', cases(c('P1', null, null, 2), c('P2', null, null, 5))).status).toBe('green');
    const e = judge(panel, '2020-03', cases(c('P1', null, null, 2), c('P2', null, null, 1)));
    expect(e).toMatchObject({ status: 'red', value: 50 });
    expect(e.reasonZh).toContain('P2 1 人');
  });
});
