import type { EvaluationBasis } from './evaluation';
import type { WorkingDays } from './evaluation';
import { addCalendarDays, nextDay } from './recheck-date';
import { CalendarRangeError, WorkingDayCalendar } from './working-day-calendar';

/** Reminder stages: a few working days before a figure is due, and once it is overdue. */
export const REMINDER_STAGES = ['due-soon', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

export const DEFAULT_REMINDER_LEAD_WORKING_DAYS = 3;
/** 0: overdue from the day after the due date. */
export const DEFAULT_OVERDUE_AFTER_WORKING_DAYS = 0;
/** The range a plan may set either lead time to. */
export const REMINDER_WORKING_DAYS_MAX = 30;

/**
 * The reminder a missing figure calls for today, if any: "due soon" from `lead` working days before the
 * due date, "overdue" once today is more than `overdueAfter` working days after it. Each stage is sent once;
 * the caller keeps the ledger of sent ones.
 */
export function reminderStage(
  today: string,
  dueDate: string,
  calendar: WorkingDays,
  lead = DEFAULT_REMINDER_LEAD_WORKING_DAYS,
  overdueAfter = DEFAULT_OVERDUE_AFTER_WORKING_DAYS,
): ReminderStage | null {
  if (today > dueDate) {
    // With no grace any later day counts, a weekend included; a grace is counted in working days only.
    if (overdueAfter === 0) return 'overdue';
    return calendar.countWorkingDays(dueDate, today) > overdueAfter ? 'overdue' : null;
  }
  return calendar.countWorkingDays(today, dueDate) <= lead ? 'due-soon' : null;
}

/**
 * The first day after `today` on which `reminderStage` answers differently for the same due date, or null when
 * it never will (overdue stays overdue). The supervision loop leaves a plan alone until its earliest such day.
 */
export function reminderRecheckDate(
  today: string,
  dueDate: string,
  calendar: WorkingDays,
  lead = DEFAULT_REMINDER_LEAD_WORKING_DAYS,
  overdueAfter = DEFAULT_OVERDUE_AFTER_WORKING_DAYS,
): string | null {
  if (today > dueDate) {
    if (overdueAfter === 0 || calendar.countWorkingDays(dueDate, today) > overdueAfter) return null;
    // Overdue from the day the count passes the overdue lead: the (overdueAfter + 1)th working day after the due date.
    try {
      return calendar.addWorkingDays(dueDate, overdueAfter + 1);
    } catch (error) {
      // Beyond the calendar's years the stage cannot be told either; adding a year marks every plan changed.
      if (error instanceof CalendarRangeError) return null;
      throw error;
    }
  }
  // "Due soon" lasts to the due date; the day after, it is overdue, or nothing while an overdue lead runs.
  if (calendar.countWorkingDays(today, dueDate) <= lead) return nextDay(dueDate);
  return firstDayWhere(nextDay(today), dueDate, (day) => calendar.countWorkingDays(day, dueDate) <= lead);
}

/** The first day from `from` to `to` for which `holds` is true, where it stays true once it is (binary search); `to` holds. */
function firstDayWhere(from: string, to: string, holds: (day: string) => boolean): string {
  let lo = 0;
  let hi = WorkingDayCalendar.calendarDaysBetween(from, to);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(addCalendarDays(from, mid))) hi = mid;
    else lo = mid + 1;
  }
  return addCalendarDays(from, lo);
}

/** 督办 levels: 提醒 (blue) near a deadline, 督办 (yellow) behind, 挂牌督办 (red) overdue or red twice running. */
export const NOTICE_LEVELS = ['remind', 'supervise', 'listed'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

export const NOTICE_LEVEL_WORDS: Record<NoticeLevel, { zh: string; en: string; colour: 'blue' | 'yellow' | 'red' }> = {
  remind: { zh: '提醒', en: 'Reminder', colour: 'blue' },
  supervise: { zh: '督办', en: 'Supervision', colour: 'yellow' },
  listed: { zh: '挂牌督办', en: 'Listed supervision', colour: 'red' },
};

/** The level a notice starts at, from why the metric is off target and whether the previous period was red too. */
export function initialNoticeLevel(basis: EvaluationBasis, previousPeriodRed: boolean): NoticeLevel {
  if (basis === 'overdue' || previousPeriodRed) return 'listed';
  if (basis === 'deadline-near') return 'remind';
  return 'supervise';
}

/** One level up; 挂牌督办 is the top. */
export function escalate(level: NoticeLevel): NoticeLevel {
  return level === 'remind' ? 'supervise' : 'listed';
}

export const DEFAULT_REPLY_WORKING_DAYS = 5;

/** A notice's reply deadline: the Nth working day after it was issued (or last escalated). */
export function replyDeadline(issuedOn: string, calendar: WorkingDays, days = DEFAULT_REPLY_WORKING_DAYS): string {
  return calendar.addWorkingDays(issuedOn, days);
}

/** The life of a notice: issued → acknowledged → replied → closed (accepted), or sent back to acknowledged. */
export const NOTICE_STATES = ['issued', 'acknowledged', 'replied', 'closed'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
export type NoticeAction = 'acknowledge' | 'reply' | 'accept' | 'send-back' | 'close-green';

const TRANSITIONS: Record<NoticeAction, { from: NoticeState[]; to: NoticeState }> = {
  acknowledge: { from: ['issued'], to: 'acknowledged' },
  reply: { from: ['acknowledged'], to: 'replied' },
  accept: { from: ['replied'], to: 'closed' },
  'send-back': { from: ['replied'], to: 'acknowledged' },
  // A metric back to green closes its notice whatever stage it had reached.
  'close-green': { from: ['issued', 'acknowledged', 'replied'], to: 'closed' },
};

/** The state an action leads to, or null when the action is not allowed from this state. */
export function nextNoticeState(state: NoticeState, action: NoticeAction): NoticeState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** Whether a reply is late: the deadline has passed and the department has not replied. */
export function replyOverdue(state: NoticeState, replyDue: string, today: string): boolean {
  return (state === 'issued' || state === 'acknowledged') && today > replyDue;
}

/** The first day after `today` on which `replyOverdue` turns true, or null when it already is or never will. */
export function replyRecheckDate(state: NoticeState, replyDue: string, today: string): string | null {
  return (state === 'issued' || state === 'acknowledged') && today <= replyDue ? nextDay(replyDue) : null;
}
