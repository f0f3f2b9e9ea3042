import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import { evaluateOverall } from './evaluate-overall';
import { dueDate, evaluatePeriod } from './evaluate-period';
import type { Evaluation, EvaluationContext } from './evaluation';
import { validateFigure, type CaseRecord, type Figure } from './figure';
import type { MetricDefinition } from './metric';
import { reportingPeriods } from './period';
import { nextDay, recheckDate, recheckDateOverall } from './recheck-date';
import { STATUSES, type Status } from './status';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2019, 2020, 2021, 2022]));
const at = (today: string): EvaluationContext => ({ today, calendar });
const LATE = at('2021-06-30');

const value = (v: number): Figure => ({ type: 'value', value: v });
const both = (e: Evaluation) => `${e.reasonZh} | ${e.reasonEn}`;

describe('evaluatePeriod properties', () => {
  const SEVERITY: Record<Status, number> = { grey: 0, green: 1, amber: 2, red: 3 };
  const day = fc
    .integer({ min: 0, max: 730 })
    .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
  const date2020 = fc
    .integer({ min: 0, max: 365 })
    .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
  const rules = fc.record({
    tolerance: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
    dueWorkingDays: fc.integer({ min: 1, max: 15 }),
    warnWorkingDays: fc.integer({ min: 0, max: 15 }),
  });
  const comparator = fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const);
  const caseRecord = fc.tuple(
    date2020,
    fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    fc.integer({ min: 0, max: 10 }),
  );

  /** A metric of any kind with a period of it and a sound figure (or none). */
  const scenario = fc
    .record({
      kind: fc.constantFrom('value', 'annual-count', 'deadline', 'case') as fc.Arbitrary<MetricDefinition['kind']>,
      comparator,
      rules,
      percent: fc.boolean(),
      target: fc.integer({ min: 0, max: 100 }),
      frequency: fc.constantFrom('monthly' as const, 'quarterly' as const, 'annual' as const),
    })
    .chain(({ kind, comparator, rules, percent, target, frequency }) => {
      const caseUnit = percent ? (target % 2 ? 'working-days' : 'days') : 'persons';
      const unit =
        kind === 'deadline' ? 'date' : kind === 'case' ? caseUnit : percent && kind === 'value' ? 'percent' : 'count';
      const m = makeMetric({
        kind,
        comparator,
        unit,
        target: kind === 'deadline' ? null : target,
        deadline: kind === 'deadline' ? '03-31' : null,
        frequency,
        ...rules,
      });
      const periods = reportingPeriods(m, 2020);
      const figure: fc.Arbitrary<Figure> =
        kind === 'deadline'
          ? fc.option(date2020, { nil: null }).map((completedOn) => ({ type: 'completion', completedOn }))
          : kind === 'case'
            ? fc
                .uniqueArray(caseRecord, { maxLength: 5 })
                .map((list) => ({ type: 'cases', cases: list.map(([start, span, v], i) => c(i, start, span, v)) }))
            : unit === 'percent'
              ? fc.oneof(
                  fc.double({ min: 0, max: 100, noNaN: true }).map(value),
                  fc
                    .integer({ min: 0, max: 50 })
                    .chain((d) =>
                      fc
                        .integer({ min: 0, max: d })
                        .map((n) => ({ type: 'ratio' as const, numerator: n, denominator: d })),
                    ),
                )
              : fc.double({ min: 0, max: 1000, noNaN: true }).map(value);
      return fc.record({
        m: fc.constant(m),
        p: fc.constantFrom(...periods),
        figure: fc.option(figure, { nil: undefined }),
        today: day,
      });
    });
  function c(i: number, start: string, span: number | null, v: number): CaseRecord {
    const end =
      span === null ? null : new Date(Date.parse(`${start}T00:00:00Z`) + span * 86_400_000).toISOString().slice(0, 10);
    return { reference: `R${i}`, startDate: start, completedOn: end, value: v };
  }

  it('every sound input yields exactly one of the four statuses, a known basis and a reason in both languages', () => {
    fc.assert(
      fc.property(scenario, ({ m, p, figure, today }) => {
        if (figure) expect(validateFigure(m, figure)).toEqual([]);
        const e = evaluatePeriod(m, p, figure, at(today));
        expect(STATUSES).toContain(e.status);
        expect(e.reasonZh.trim()).not.toBe('');
        expect(e.reasonEn.trim()).not.toBe('');
        expect(both(e)).not.toMatch(/NaN|undefined|Infinity|null/);
        expect(/[\u4e00-\u9fff]/.test(e.reasonZh)).toBe(true);
        if (e.value !== null) expect(Number.isFinite(e.value)).toBe(true);
        if (e.basis === 'met') expect(e.status).toBe('green');
        if (e.status === 'green') expect(['met', 'on-pace']).toContain(e.basis);
      }),
      { numRuns: 500 },
    );
  });

  it('never judges a returned figure green: grey awaiting correction up to the due date, red after it, whatever the figure', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => s.figure !== undefined),
        ({ m, p, figure, today }) => {
          const e = evaluatePeriod(m, p, figure, at(today), { returned: true });
          const due = dueDate(m, p, at(today));
          expect(e).toMatchObject({ basis: 'returned', status: today > due ? 'red' : 'grey', value: null });
          expect(e.reasonZh).toContain(due);
          expect(e.reasonEn).toContain(due);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is the same on every day before the recheck date of a returned figure', () => {
    fc.assert(
      fc.property(
        scenario.filter((s) => s.figure !== undefined && s.p.start <= s.today),
        ({ m, p, figure, today }) => {
          const until = recheckDate(m, p, figure, at(today), { returned: true });
          const now = evaluatePeriod(m, p, figure, at(today), { returned: true });
          for (const d of daysBefore(today, until))
            expect(evaluatePeriod(m, p, figure, at(d), { returned: true })).toEqual(now);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is deterministic and idempotent: same inputs, same result, inputs untouched', () => {
    fc.assert(
      fc.property(scenario, ({ m, p, figure, today }) => {
        const before = JSON.stringify([m, p, figure]);
        const first = evaluatePeriod(m, p, figure, at(today));
        const other = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2019, 2020, 2021, 2022]));
        expect(evaluatePeriod(m, p, figure, { today, calendar: other })).toEqual(first);
        expect(evaluatePeriod(m, p, figure, at(today))).toEqual(first);
        expect(JSON.stringify([m, p, figure])).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  it('is monotone: for "at least" a higher figure is never worse, for "at most" a lower one never worse', () => {
    const kindUnit = fc.constantFrom(
      ['value', 'percent'] as const,
      ['value', 'count'] as const,
      ['annual-count', 'count'] as const,
    );
    fc.assert(
      fc.property(
        kindUnit,
        fc.constantFrom('gte' as const, 'lte' as const),
        fc.integer({ min: 0, max: 100 }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        ([kind, unit], cmp, target, tolerance, month, a, b) => {
          const m = makeMetric({ kind, unit, comparator: cmp, target, tolerance });
          const p = reportingPeriods(m, 2020)[month - 1];
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const better = evaluatePeriod(m, p, value(cmp === 'gte' ? hi : lo), LATE).status;
          const worse = evaluatePeriod(m, p, value(cmp === 'gte' ? lo : hi), LATE).status;
          expect(SEVERITY[better]).toBeLessThanOrEqual(SEVERITY[worse]);
        },
      ),
      { numRuns: 500 },
    );
  });

  /** Every day after `today` and before `until` (at most `limit` of them, and not past the calendar's 2022). */
  function daysBefore(today: string, until: string | null, limit = 120): string[] {
    const days: string[] = [];
    for (
      let d = nextDay(today);
      (until === null || d < until) && d <= '2022-12-31' && days.length < limit;
      d = nextDay(d)
    )
      days.push(d);
    return days;
  }

  it('is the same on every day before its recheck date, which is never today or earlier', () => {
    fc.assert(
      fc.property(scenario, ({ m, p, figure, today }) => {
        const until = recheckDate(m, p, figure, at(today));
        if (until !== null) expect(until > today).toBe(true);
        if (p.start > today) return expect(until).toBe(p.start);
        const now = evaluatePeriod(m, p, figure, at(today));
        for (const d of daysBefore(today, until)) expect(evaluatePeriod(m, p, figure, at(d))).toEqual(now);
      }),
      { numRuns: 400 },
    );
  });

  it("a metric's overall evaluation is the same on every day before the earliest recheck date of its departments", () => {
    const several = scenario.chain((s) =>
      fc.record({
        s: fc.constant(s),
        others: fc.array(
          scenario.filter((o) => o.m.kind === s.m.kind && o.m.unit === s.m.unit).map((o) => o.figure),
          { maxLength: 3 },
        ),
        lead: fc.nat(3),
        returned: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(several, ({ s: { m, p, figure, today }, others, lead, returned }) => {
        if (p.start > today) return;
        const figures = [figure, ...others];
        const states = figures.map((f, i) => ({ returned: f !== undefined && returned[i] }));
        const departments = (ctx: EvaluationContext) =>
          figures.map((f, i) => ({
            department: { code: `D${i}`, name: `部门${i}`, isLead: i === lead % figures.length },
            figure: f,
            evaluation: evaluatePeriod(m, p, f, ctx, states[i]),
          }));
        const until = recheckDateOverall(m, p, figures, at(today), states);
        const now = evaluateOverall(m, p, departments(at(today)), at(today));
        // A returned figure awaiting correction never leaves the metric green.
        if (!m.consolidated && states.some((st) => st.returned)) expect(now.status).not.toBe('green');
        for (const d of daysBefore(today, until, 60))
          expect(evaluateOverall(m, p, departments(at(d)), at(d))).toEqual(now);
      }),
      { numRuns: 200 },
    );
  });
});
