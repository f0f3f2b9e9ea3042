import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import { dueDate } from './evaluate-period';
import { obligations, obligationsOf } from './obligations';
import { reportingPeriods } from './period';
import { makeMetric } from './testing/make-metric';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';

// 2020 only: a December due date falls in 2021, beyond the calendar's years.
const calendar2020 = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020]));
const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020, 2021]));

const monthly = makeMetric({ code: 'M1', frequency: 'monthly', dueWorkingDays: 5 });
const quarterly = makeMetric({ code: 'Q1', frequency: 'quarterly', dueWorkingDays: 10 });
const deadline = makeMetric({ code: 'D1', kind: 'deadline', unit: 'date', deadline: '01-31', target: null });
const sfj = { id: 7, name: '司法局' };
const zwb = { id: 9, name: '政务服务办' };

describe('obligations', () => {
  it('lists every period of every metric, in the order given, with who owes it and its due date', () => {
    const list = obligations(
      [
        { metric: 'a', rules: monthly, departments: [sfj] },
        { metric: 'b', rules: quarterly, departments: [sfj, zwb] },
      ],
      2020,
      calendar,
    );
    expect(list.map((o) => `${o.metric}:${o.period.key}`)).toEqual([
      ...reportingPeriods(monthly, 2020).map((p) => `a:${p.key}`),
      'b:2020-Q1',
      'b:2020-Q2',
      'b:2020-Q3',
      'b:2020-Q4',
    ]);
    // September's figures: the 5th working day after 30 September, past the National Day week.
    expect(list.find((o) => o.metric === 'a' && o.period.key === '2020-09')?.dueDate).toBe('2020-10-14');
    expect(list.find((o) => o.metric === 'b' && o.period.key === '2020-Q1')?.dueDate).toBe('2020-04-15');
    expect(list.find((o) => o.metric === 'b')?.departments).toEqual([sfj, zwb]);
  });

  it('dates a deadline on the deadline itself', () => {
    const [only] = obligations([{ metric: 'd', rules: deadline, departments: [zwb] }], 2020, calendar);
    expect(only.period).toEqual({ key: '2020', start: '2020-01-01', end: '2020-01-31' });
    expect(only.dueDate).toBe('2020-01-31');
  });

  it('leaves a due date beyond the calendar untimed (null) instead of stopping the schedule', () => {
    const list = obligations([{ metric: 'a', rules: monthly, departments: [sfj] }], 2020, calendar2020);
    expect(list).toHaveLength(12);
    expect(list.find((o) => o.period.key === '2020-12')?.dueDate).toBeNull();
    expect(list.find((o) => o.period.key === '2020-11')?.dueDate).toBe('2020-12-07');
  });

  it('passes on a calendar fault that is not a missing year', () => {
    const broken = {
      addWorkingDays: () => {
        throw new Error('disk on fire');
      },
      countWorkingDays: () => 0,
    };
    expect(() => obligations([{ metric: 'a', rules: monthly, departments: [] }], 2020, broken)).toThrow('disk on fire');
  });

  it('keeps a department to what it reports', () => {
    const list = obligations(
      [
        { metric: 'a', rules: deadline, departments: [sfj] },
        { metric: 'b', rules: deadline, departments: [sfj, zwb] },
        { metric: 'c', rules: deadline, departments: [zwb] },
      ],
      2020,
      calendar,
    );
    expect(obligationsOf(list, zwb.id).map((o) => o.metric)).toEqual(['b', 'c']);
    expect(obligationsOf(list, 99)).toEqual([]);
  });

  describe('properties', () => {
    const rules = fc
      .record({
        frequency: fc.constantFrom('monthly' as const, 'quarterly' as const, 'annual' as const),
        dueWorkingDays: fc.integer({ min: 0, max: 20 }),
        kind: fc.constantFrom('value' as const, 'deadline' as const),
        month: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ frequency, dueWorkingDays, kind, month }) =>
        kind === 'deadline'
          ? makeMetric({ kind, unit: 'date', target: null, deadline: `${String(month).padStart(2, '0')}-28` })
          : makeMetric({ frequency, dueWorkingDays }),
      );
    const sources = fc.array(
      fc.record({
        rules,
        departments: fc.uniqueArray(fc.integer({ min: 1, max: 5 })).map((ids) => ids.map((id) => ({ id }))),
      }),
      { maxLength: 6 },
    );

    it('holds one obligation per metric and period, each due on its period end or after, as dueDate says', () => {
      fc.assert(
        fc.property(sources, (given) => {
          const list = obligations(
            given.map((s, i) => ({ metric: i, ...s })),
            2020,
            calendar,
          );
          expect(list).toHaveLength(given.reduce((n, s) => n + reportingPeriods(s.rules, 2020).length, 0));
          for (const o of list) {
            expect(o.dueDate).toBe(dueDate(o.rules, o.period, { calendar }));
            expect(o.dueDate! >= o.period.end).toBe(true);
            expect(o.departments).toBe(given[o.metric].departments);
          }
        }),
      );
    });

    it('gives each department exactly the obligations it is named in', () => {
      fc.assert(
        fc.property(sources, fc.integer({ min: 1, max: 5 }), (given, id) => {
          const list = obligations(
            given.map((s, i) => ({ metric: i, ...s })),
            2020,
            calendar,
          );
          const mine = obligationsOf(list, id);
          expect(mine.length).toBe(list.filter((o) => o.departments.some((d) => d.id === id)).length);
          expect(mine.every((o) => o.departments.some((d) => d.id === id))).toBe(true);
        }),
      );
    });
  });
});
