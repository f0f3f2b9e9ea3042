import fc from 'fast-check';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { escalate, initialNoticeLevel, nextNoticeState, NOTICE_STATES, reminderStage, replyDeadline, replyOverdue, type NoticeAction } from './supervision';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDays, [2020, 2021]));

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
  it('honours a plan\'s own lead time', () => {
    expect(reminderStage('2020-10-09', '2020-10-14', calendar, 5)).toBe('due-soon');
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
    fc.assert(fc.property(fc.constantFrom(...NOTICE_STATES), fc.constantFrom<NoticeAction>('acknowledge', 'reply', 'accept', 'send-back', 'close-green'), (s, a) => {
      const next = nextNoticeState(s, a);
      if (next !== null) expect(NOTICE_STATES).toContain(next);
    }));
  });
});

describe(replyOverdue.name, () => {
  it('is late after the deadline until the department replies', () => {
    expect(replyOverdue('acknowledged', '2020-10-12', '2020-10-13')).toBe(true);
    expect(replyOverdue('replied', '2020-10-12', '2020-10-13')).toBe(false);
    expect(replyOverdue('issued', '2020-10-12', '2020-10-12')).toBe(false);
  });
});
