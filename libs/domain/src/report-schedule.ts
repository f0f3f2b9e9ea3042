import type { WorkingDays } from './evaluation';
import { monthKey, previousMonthKey } from './period';

/** The first working day of a month: the monthly report (情况通报) goes out then. */
export function firstWorkingDayOfMonth(year: number, month: number, calendar: WorkingDays): string {
  // The first working day after the last day of the previous month.
  const dayBefore = new Date(Date.UTC(year, month - 1, 0)).toISOString().slice(0, 10);
  return calendar.addWorkingDays(dayBefore, 1);
}

/** Whether `today` is the day the previous month's report is due, and for which month. */
export function reportDue(today: string, calendar: WorkingDays): { due: boolean; month: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return {
    due: firstWorkingDayOfMonth(year, month, calendar) === today,
    month: previousMonthKey(monthKey(year, month)),
  };
}
