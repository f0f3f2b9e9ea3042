import chineseDays from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import type { Figure } from './figure';
import {
  checkSoftRules,
  comparableValue,
  isLateFigure,
  JUMP_PERCENT_POINTS,
  SOFT_RULES,
  type SoftRuleFacts,
} from './soft-rules';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDays, [2020, 2021]));

const ratio = (numerator: number, denominator: number): Figure => ({ type: 'ratio', numerator, denominator });
const value = (v: number): Figure => ({ type: 'value', value: v });

// September 2020's figures are due on the 5th working day after 30 September: 2020-10-13 (National Day holiday).
const facts = (over: Partial<SoftRuleFacts> = {}): SoftRuleFacts => ({
  metric: makeMetric(),
  period: { key: '2020-09', start: '2020-09-01', end: '2020-09-30' },
  figure: ratio(45, 50),
  today: '2020-10-12',
  dueDate: '2020-10-13',
  calendar,
  awaitingFigure: true,
  hasEvidence: false,
  previous: null,
  ...over,
});
const rules = (f: SoftRuleFacts) => checkSoftRules(f).map((x) => x.rule);

describe(checkSoftRules.name, () => {
  it('asks nothing of a figure on time, in line with the last one, not perfect', () => {
    expect(checkSoftRules(facts({ previous: { periodKey: '2020-08', figure: ratio(40, 50) } }))).toEqual([]);
  });

  it('asks why a figure came after its due date, saying how late in working days and days', () => {
    expect(checkSoftRules(facts({ today: '2020-10-20' }))).toEqual([
      {
        rule: 'late',
        messageZh: '逾期报送：2020-09 的数据应于 2020-10-13 前报送，已晚 5 个工作日（7 天），请说明逾期原因',
        messageEn:
          'Late: the 2020-09 figures were due by 2020-10-13; this is 5 working days (7 days) late — explain why',
      },
    ]);
  });

  it('is not late on the due date itself, nor for a correction of a standing figure', () => {
    expect(rules(facts({ today: '2020-10-13' }))).toEqual([]);
    expect(rules(facts({ today: '2020-12-01', awaitingFigure: false }))).toEqual([]);
  });

  it('names the threshold and the previous figure when a rate jumps more than 20 points', () => {
    const [finding] = checkSoftRules(
      facts({ figure: ratio(49, 50), previous: { periodKey: '2020-08', figure: ratio(35, 50) } }),
    );
    expect(finding).toEqual({
      rule: 'jump',
      messageZh:
        '与本单位上期数据相比变动过大：2020-08 为 70%，本期 98%，相差 28 个百分点，超过 20 个百分点的阈值，请说明原因',
      messageEn:
        "A jump against this department's previous figure: 70% for 2020-08, 98% now, 28 points apart, beyond the 20-point threshold — explain why",
    });
    // Exactly 20 points is within the threshold.
    expect(rules(facts({ figure: value(90), previous: { periodKey: '2020-08', figure: value(70) } }))).toEqual([]);
  });

  it('measures a jump of another figure against 50% of the previous one', () => {
    const m = makeMetric({ unit: 'hours', target: 40 });
    expect(
      checkSoftRules(facts({ metric: m, figure: value(16), previous: { periodKey: '2020-08', figure: value(40) } }))[0],
    ).toMatchObject({
      rule: 'jump',
      messageZh: expect.stringContaining('2020-08 为 40 学时，本期 16 学时，变动 60%，超过 50% 的阈值'),
    });
    expect(
      rules(facts({ metric: m, figure: value(60), previous: { periodKey: '2020-08', figure: value(40) } })),
    ).toEqual([]);
    expect(
      rules(facts({ metric: m, figure: value(60), previous: { periodKey: '2020-08', figure: value(0) } })),
    ).toEqual([]);
  });

  it('does not compare yearly counts, which grow month by month', () => {
    expect(
      rules(
        facts({
          metric: makeMetric({ kind: 'annual-count', unit: 'count', target: 12 }),
          figure: value(9),
          previous: { periodKey: '2020-08', figure: value(2) },
        }),
      ),
    ).toEqual([]);
  });

  it('asks for evidence or a word for a rate of exactly 100% and a count exactly at its target', () => {
    expect(rules(facts({ figure: value(100) }))).toEqual(['perfect-without-evidence']);
    expect(rules(facts({ figure: ratio(50, 50) }))).toEqual(['perfect-without-evidence']);
    expect(rules(facts({ figure: ratio(50, 50), hasEvidence: true }))).toEqual([]);
    const count = makeMetric({ kind: 'annual-count', unit: 'count', target: 12 });
    expect(checkSoftRules(facts({ metric: count, figure: value(12) }))[0].messageZh).toBe(
      '数值恰为目标值 12 次 且未附佐证材料：请上传佐证材料，或说明数据来源',
    );
    expect(rules(facts({ metric: count, figure: value(13) }))).toEqual([]);
    expect(rules(facts({ figure: ratio(49, 50) }))).toEqual([]);
  });

  it('asks why nothing was applicable in a period that was overdue, and not in one reported on time', () => {
    expect(rules(facts({ figure: ratio(0, 0), today: '2020-10-14' }))).toEqual(['late', 'empty-when-overdue']);
    expect(checkSoftRules(facts({ figure: ratio(0, 0), today: '2020-10-14' }))[1].messageZh).toBe(
      '2020-09 已逾期（截止 2020-10-13），本次报送分母为 0（本期无适用事项），将使逾期的红色变为灰色：请说明本期为何没有适用事项',
    );
    expect(
      rules(
        facts({
          figure: { type: 'cases', cases: [] },
          today: '2020-10-14',
          metric: makeMetric({ kind: 'case', unit: 'working-days' }),
        }),
      ),
    ).toEqual(['late', 'empty-when-overdue']);
    expect(rules(facts({ figure: ratio(0, 0) }))).toEqual([]);
  });

  describe('properties', () => {
    const day = fc
      .integer({ min: 0, max: 500 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const figure: fc.Arbitrary<Figure> = fc.oneof(
      fc.integer({ min: 0, max: 100 }).map((v) => value(v)),
      fc.integer({ min: 0, max: 60 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => ratio(n, d))),
    );
    const anyFacts = fc
      .record({
        today: day,
        dueDate: day,
        figure,
        previous: fc.option(figure.map((f) => ({ periodKey: '2020-08', figure: f }))),
        awaitingFigure: fc.boolean(),
        hasEvidence: fc.boolean(),
      })
      .map((over) => facts(over));

    it('gives each rule at most once, in order, each with words in both languages', () => {
      fc.assert(
        fc.property(anyFacts, (f) => {
          const found = checkSoftRules(f);
          const order = found.map((x) => SOFT_RULES.indexOf(x.rule));
          expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
          for (const x of found) {
            expect(x.messageZh).toMatch(/[\u4e00-\u9fff]/);
            expect(x.messageEn).toMatch(/[A-Za-z]{3,}/);
          }
        }),
      );
    });

    it('never calls a figure late on or before its due date, and always when awaited after it', () => {
      fc.assert(
        fc.property(anyFacts, (f) => {
          expect(rules(f).includes('late')).toBe(f.awaitingFigure && f.today > f.dueDate);
        }),
      );
    });

    it('flags a jump exactly when a rate moved more than the threshold from the previous one', () => {
      fc.assert(
        fc.property(anyFacts, (f) => {
          const now = comparableValue(f.figure);
          const before = f.previous ? comparableValue(f.previous.figure) : null;
          const expected = now !== null && before !== null && Math.abs(now - before) > JUMP_PERCENT_POINTS + 1e-9;
          expect(rules(f).includes('jump')).toBe(expected);
        }),
      );
    });

    it('lets evidence answer a perfect figure: with evidence it is never flagged as perfect', () => {
      fc.assert(
        fc.property(anyFacts, (f) => {
          expect(rules({ ...f, hasEvidence: true })).not.toContain('perfect-without-evidence');
        }),
      );
    });

    it('never lets 0/0 of an overdue period pass unasked', () => {
      fc.assert(
        fc.property(day, day, (today, dueDate) => {
          fc.pre(today > dueDate);
          expect(rules(facts({ today, dueDate, figure: ratio(0, 0) }))).toContain('empty-when-overdue');
        }),
      );
    });
  });
});

describe(isLateFigure.name, () => {
  it('is late only when no figure stands for the period and its due date has passed', () => {
    expect(isLateFigure({ awaitingFigure: true, today: '2020-10-16', dueDate: '2020-10-15' })).toBe(true);
    expect(isLateFigure({ awaitingFigure: true, today: '2020-10-15', dueDate: '2020-10-15' })).toBe(false);
    expect(isLateFigure({ awaitingFigure: false, today: '2020-10-16', dueDate: '2020-10-15' })).toBe(false);
  });
});
