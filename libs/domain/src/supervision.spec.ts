import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { nextDay } from './recheck-date';
import {
  escalate,
  initialNoticeLevel,
  nextNoticeState,
  NOTICE_STATES,
  reminderRecheckDate,
  reminderStage,
  replyDeadline,
  replyOverdue,
  replyRecheckDate,
  type NoticeAction,
} from './supervision';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDays, [2020, 2021, 2022]));

describe(reminderStage.name, () => {
  // The 2020-09 figures are due 2020-10-14 (National Day holiday 10-01..10-08; 10-10 a make-up day).
  it('stays silent until 3 working days before the due date, across the holiday', () => {
    expect(reminderStage('2020-09-30', '2020-10-14', calendar)).toBeNull();
    expect(reminderStage('2020-10-09', '2020-10-14', calendar)).toBeNull(); // 4 working days left: 10-10, 10-12, 10-13, 10-14
    expect(reminderStage('2020-10-10', '2020-10-14', calendar)).toBe('due-soon');
  });
  it('reminds as due soon on the due date itself, and as overdue the day after', () => {
    expect(reminderStage('2020-10-14', '2020-10-14', calendar)).toBe('due-soon');
    expect(reminderStage('2020-10-15', '2020-10-14', calendar)).toBe('overdue');
  });
  it("honours a plan's own lead time", () => {
    expect(reminderStage('2020-10-09', '2020-10-14', calendar, 5)).toBe('due-soon');
  });
  it("waits a plan's overdue lead in working days: with 2, not on Friday 10-16 nor Saturday 10-17, but on Monday 10-19", () => {
    expect(reminderStage('2020-10-15', '2020-10-14', calendar, 3, 2)).toBeNull();
    expect(reminderStage('2020-10-16', '2020-10-14', calendar, 3, 2)).toBeNull(); // 2 working days after: 10-15, 10-16
    expect(reminderStage('2020-10-17', '2020-10-14', calendar, 3, 2)).toBeNull(); // a rest day adds none
    expect(reminderStage('2020-10-19', '2020-10-14', calendar, 3, 2)).toBe('overdue');
  });
  it('counts the overdue lead across the National Day holiday', () => {
    // Due on 09-30: 10-01..10-08 are rest days, 10-09 is the 1st working day after, Saturday 10-10 the 2nd.
    expect(reminderStage('2020-10-08', '2020-09-30', calendar, 3, 1)).toBeNull();
    expect(reminderStage('2020-10-09', '2020-09-30', calendar, 3, 1)).toBeNull();
    expect(reminderStage('2020-10-10', '2020-09-30', calendar, 3, 1)).toBe('overdue');
  });
  it('keeps "overdue from the next day" for an overdue lead of 0, even when that day is a holiday', () => {
    expect(reminderStage('2020-10-01', '2020-09-30', calendar, 3, 0)).toBe('overdue');
    expect(reminderStage('2020-10-01', '2020-09-30', calendar)).toBe('overdue');
  });
  it('is never "due soon" once the due date has passed, while the overdue lead runs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (overdueAfter, lead) => reminderStage('2020-10-15', '2020-10-14', calendar, lead, overdueAfter) === null,
      ),
    );
  });
});

describe(reminderRecheckDate.name, () => {
  it('wakes on the first "due soon" day, the make-up Saturday after the holiday', () => {
    expect(reminderRecheckDate('2020-09-30', '2020-10-14', calendar)).toBe('2020-10-10');
    expect(reminderRecheckDate('2020-10-09', '2020-10-14', calendar)).toBe('2020-10-10');
    expect(reminderRecheckDate('2020-09-25', '2020-10-14', calendar, 5)).toBe('2020-09-30'); // from 09-30, 5 working days are left: 10-09, 10-10, 10-12, 10-13, 10-14
  });
  it('wakes the day after the due date once "due soon", and never again once overdue', () => {
    expect(reminderRecheckDate('2020-10-10', '2020-10-14', calendar)).toBe('2020-10-15');
    expect(reminderRecheckDate('2020-10-15', '2020-10-14', calendar)).toBeNull();
  });
  it('wakes when an overdue lead of 2 working days has run: Monday 10-19', () => {
    expect(reminderRecheckDate('2020-10-15', '2020-10-14', calendar, 3, 2)).toBe('2020-10-19');
    expect(reminderRecheckDate('2020-10-19', '2020-10-14', calendar, 3, 2)).toBeNull();
  });
  it("gives no day beyond the calendar's years (adding a year marks every plan changed)", () => {
    expect(reminderRecheckDate('2022-12-30', '2022-12-29', calendar, 3, 5)).toBeNull();
  });

  // Exact both ways: the stage is the same on every day before the answer, and differs on it; with no answer it
  // stays the same for the next 120 days.
  const dayOf = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
  it('is the first day the reminder stage changes, for any day, due date and lead times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 700 }),
        fc.integer({ min: -60, max: 90 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        (t, offset, lead, overdueAfter) => {
          const today = dayOf(t);
          const due = dayOf(t + offset);
          const stageOn = (day: string) => reminderStage(day, due, calendar, lead, overdueAfter);
          const answer = reminderRecheckDate(today, due, calendar, lead, overdueAfter);
          const last = answer ?? dayOf(t + 120);
          for (let day = nextDay(today); day < last; day = nextDay(day)) expect(stageOn(day)).toBe(stageOn(today));
          if (answer) expect(stageOn(answer)).not.toBe(stageOn(today));
          else expect(stageOn(last)).toBe(stageOn(today));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe(replyRecheckDate.name, () => {
  it('is the first day the reply is late, for every state and day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTICE_STATES),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (state, t, d) => {
          const today = new Date(Date.UTC(2020, 9, 1 + t)).toISOString().slice(0, 10);
          const replyDue = new Date(Date.UTC(2020, 9, 1 + d)).toISOString().slice(0, 10);
          const answer = replyRecheckDate(state, replyDue, today);
          if (answer === null)
            expect(replyOverdue(state, replyDue, '2099-01-01')).toBe(replyOverdue(state, replyDue, today));
          else {
            expect(replyOverdue(state, replyDue, today)).toBe(false);
            expect(replyOverdue(state, replyDue, answer)).toBe(true);
            expect(answer).toBe(nextDay(replyDue));
          }
        },
      ),
    );
  });
});

describe(initialNoticeLevel.name, () => {
  it('lists overdue figures and metrics red twice running (挂牌督办)', () => {
    expect(initialNoticeLevel('overdue', false)).toBe('listed');
    expect(initialNoticeLevel('missed', true)).toBe('listed');
  });
  it('supervises a miss (督办) and reminds near a deadline (提醒)', () => {
    expect(initialNoticeLevel('missed', false)).toBe('supervise');
    expect(initialNoticeLevel('deadline-near', false)).toBe('remind');
  });
});

describe(escalate.name, () => {
  it('climbs one level and stops at the top', () => {
    expect(escalate('remind')).toBe('supervise');
    expect(escalate('supervise')).toBe('listed');
    expect(escalate('listed')).toBe('listed');
  });
});

describe(replyDeadline.name, () => {
  it('counts 5 working days after issue, skipping the holiday', () => {
    // 09-30, then 10-09, 10-10 (make-up Saturday), 10-12, 10-13.
    expect(replyDeadline('2020-09-29', calendar)).toBe('2020-10-13');
  });
});

describe(nextNoticeState.name, () => {
  it('follows issued → acknowledged → replied → closed, with send-back to acknowledged', () => {
    expect(nextNoticeState('issued', 'acknowledge')).toBe('acknowledged');
    expect(nextNoticeState('acknowledged', 'reply')).toBe('replied');
    expect(nextNoticeState('replied', 'send-back')).toBe('acknowledged');
    expect(nextNoticeState('replied', 'accept')).toBe('closed');
  });
  it('refuses steps out of order, and nothing leaves closed', () => {
    expect(nextNoticeState('issued', 'reply')).toBeNull();
    expect(nextNoticeState('issued', 'accept')).toBeNull();
    const actions: NoticeAction[] = ['acknowledge', 'reply', 'accept', 'send-back', 'close-green'];
    fc.assert(fc.property(fc.constantFrom(...actions), (a) => expect(nextNoticeState('closed', a)).toBeNull()));
  });
  it('always lands in a known state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTICE_STATES),
        fc.constantFrom<NoticeAction>('acknowledge', 'reply', 'accept', 'send-back', 'close-green'),
        (s, a) => {
          const next = nextNoticeState(s, a);
          if (next !== null) expect(NOTICE_STATES).toContain(next);
        },
      ),
    );
  });
});

describe(replyOverdue.name, () => {
  it('is late after the deadline until the department replies', () => {
    expect(replyOverdue('acknowledged', '2020-10-12', '2020-10-13')).toBe(true);
    expect(replyOverdue('replied', '2020-10-12', '2020-10-13')).toBe(false);
    expect(replyOverdue('issued', '2020-10-12', '2020-10-12')).toBe(false);
  });
});
