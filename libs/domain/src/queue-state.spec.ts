import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { compareQueueItems, queueState, QUEUE_STATES } from './queue-state';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDays, [2020, 2021]));
const facts = (today: string, dueDate: string, submitted = false, returned = false) => ({
  today,
  dueDate,
  submitted,
  returned,
});

describe(queueState.name, () => {
  it('shows a returned submission as returned, whatever the date', () => {
    expect(queueState(facts('2020-12-31', '2020-10-14', true, true), calendar)).toBe('returned');
  });

  it('shows a submitted period as submitted even after its due date', () => {
    expect(queueState(facts('2020-12-31', '2020-10-14', true), calendar)).toBe('submitted');
  });

  it('is overdue the day after the due date, not on it', () => {
    expect(queueState(facts('2020-10-14', '2020-10-14'), calendar)).toBe('due-soon');
    expect(queueState(facts('2020-10-15', '2020-10-14'), calendar)).toBe('overdue');
  });

  it('counts "due soon" in working days: the National Day holiday does not bring a due date closer', () => {
    // 2020-09-30 → 2020-10-14: 10-01..10-08 are holidays, 10-10 a make-up working day, so 5 working days remain.
    expect(queueState(facts('2020-09-30', '2020-10-14'), calendar)).toBe('due');
    // From 10-09, the make-up Saturday 10-10 counts: 10-10, 10-12, 10-13, 10-14 are four working days.
    expect(queueState(facts('2020-10-09', '2020-10-14'), calendar)).toBe('due');
    expect(queueState(facts('2020-10-12', '2020-10-14'), calendar)).toBe('due-soon');
  });

  it('always gives exactly one known state', () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.boolean(), fc.boolean(), (today, due, submitted, returned) => {
        const state = queueState(facts(today, due, submitted, returned), calendar);
        expect(QUEUE_STATES).toContain(state);
        if (!submitted && !returned && today > due) expect(state).toBe('overdue');
      }),
    );
  });
});

describe(compareQueueItems.name, () => {
  it('puts overdue first, then returned, due soon, due and submitted, earlier due dates first within a state', () => {
    const item = (state: (typeof QUEUE_STATES)[number], dueDate: string, metricCode = 'T001-1') => ({
      state,
      dueDate,
      metricCode,
    });
    const sorted = [
      item('submitted', '2020-01-01'),
      item('due', '2020-03-01'),
      item('overdue', '2020-05-01'),
      item('overdue', '2020-02-01'),
      item('returned', '2020-09-01'),
      item('due-soon', '2020-04-01'),
    ].sort(compareQueueItems);
    expect(sorted.map((i) => `${i.state} ${i.dueDate}`)).toEqual([
      'overdue 2020-02-01',
      'overdue 2020-05-01',
      'returned 2020-09-01',
      'due-soon 2020-04-01',
      'due 2020-03-01',
      'submitted 2020-01-01',
    ]);
  });
});
