import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { evaluatePeriod } from './evaluate-period';
import type { EvaluationContext } from './evaluation';
import type { Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import { findPeriod } from './period';
import { earliestDate, nextDay, recheckDate, recheckDateOverall } from './recheck-date';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { makeMetric } from './testing/make-metric';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020, 2021]));
const at = (today: string): EvaluationContext => ({ today, calendar });

/** The recheck date, and whether the evaluation on that date differs from today's (it is not too early). */
function recheck(m: RuledMetric, key: string, figure: Figure | undefined, today: string) {
  const p = findPeriod(m, key)!;
  const date = recheckDate(m, p, figure, at(today));
  const changes =
    date !== null &&
    JSON.stringify(evaluatePeriod(m, p, figure, at(date))) !== JSON.stringify(evaluatePeriod(m, p, figure, at(today)));
  return { date, changes };
}

describe('recheckDate: when time alone can change an evaluation', () => {
  const monthly = makeMetric({ frequency: 'monthly' });

  it('a period that has not begun is first evaluated the day it begins', () => {
    expect(recheck(monthly, '2020-05', undefined, '2020-04-20').date).toBe('2020-05-01');
  });

  it('missing figures: the day after the period ends, then the day after the due date (5th working day), then never', () => {
    expect(recheck(monthly, '2020-09', undefined, '2020-09-10')).toEqual({ date: '2020-10-01', changes: true });
    // 2020-09 is due on the 5th working day after 30 September: the National Day holiday runs to 8 October, so 2020-10-14.
    expect(recheck(monthly, '2020-09', undefined, '2020-10-01')).toEqual({ date: '2020-10-15', changes: true });
    expect(recheck(monthly, '2020-09', undefined, '2020-10-15').date).toBeNull();
  });

  it('a value or a ratio is judged the same on any day', () => {
    expect(recheck(monthly, '2020-09', { type: 'value', value: 70 }, '2020-09-10').date).toBeNull();
    expect(recheck(monthly, '2020-09', { type: 'ratio', numerator: 1, denominator: 2 }, '2020-09-10').date).toBeNull();
  });

  it('a deadline far away: unchanged until it comes within the warning days; near it, every working day', () => {
    const deadline = makeMetric({
      kind: 'deadline',
      unit: 'date',
      target: null,
      deadline: '01-31',
      warnWorkingDays: 5,
    });
    const far = recheck(deadline, '2021', undefined, '2021-01-04');
    // On Friday 22 January 5 working days are left (25–29 January; the 31st is a Sunday): amber from then.
    expect(far).toEqual({ date: '2021-01-22', changes: true });
    expect(evaluatePeriod(deadline, findPeriod(deadline, '2021')!, undefined, at('2021-01-21')).status).toBe('grey');
    expect(recheck(deadline, '2021', undefined, '2021-01-29')).toEqual({ date: '2021-02-01', changes: true });
    expect(recheck(deadline, '2021', { type: 'completion', completedOn: '2021-01-10' }, '2021-01-04').date).toBeNull();
  });

  it('an open case against an upper limit: the first day it runs past the limit, then every day (its running length is in the reason)', () => {
    const cases = makeMetric({
      kind: 'case',
      unit: 'working-days',
      comparator: 'lte',
      target: 7,
      frequency: 'monthly',
    });
    const open: Figure = {
      type: 'cases',
      cases: [{ reference: 'A1', startDate: '2020-09-28', completedOn: null, value: null }],
    };
    // 7 working days after 28 September: 29, 30 September, 9, 10 (a make-up Saturday), 12, 13, 14 October; the 8th, 15 October, is late.
    expect(recheck(cases, '2020-09', open, '2020-09-29')).toEqual({ date: '2020-10-15', changes: true });
    expect(recheck(cases, '2020-09', open, '2020-10-15')).toEqual({ date: '2020-10-16', changes: true });
    const lowerLimit = makeMetric({ kind: 'case', unit: 'days', comparator: 'gte', target: 30, frequency: 'monthly' });
    expect(recheck(lowerLimit, '2020-09', open, '2020-09-29').date).toBeNull();
  });

  it('overall: the earliest of its departments, and a metric without departments like a missing figure', () => {
    const p = findPeriod(monthly, '2020-09')!;
    expect(recheckDateOverall(monthly, p, [{ type: 'value', value: 90 }, undefined], at('2020-09-10'))).toBe(
      '2020-10-01',
    );
    expect(recheckDateOverall(monthly, p, [{ type: 'value', value: 90 }], at('2020-09-10'))).toBeNull();
    expect(recheckDateOverall(monthly, p, [], at('2020-09-10'))).toBe('2020-10-01');
  });

  it('earliestDate ignores nulls; nextDay crosses months and leap days', () => {
    expect(earliestDate([null, '2020-03-01', '2020-02-29', null])).toBe('2020-02-29');
    expect(earliestDate([null])).toBeNull();
    expect(nextDay('2020-02-28')).toBe('2020-02-29');
    expect(nextDay('2020-12-31')).toBe('2021-01-01');
  });
});
