import type { CalendarYearKind, NoticeReading } from '@taizhang/domain';

/** GET /api/calendar/working-days/add */
export interface WorkingDaysAddResponse {
  date: string;
  /** The answer counts days of a year computed from the holiday law, not yet of an official notice. */
  provisional: boolean;
}

/** GET /api/calendar/working-days/count */
export interface WorkingDaysCountResponse {
  days: number;
  provisional: boolean;
}

/** GET /api/calendar/years/:year — any year 2000–2101, stored or computed. */
export interface CalendarYearResponse {
  year: number;
  /** official: from the State Council's notice (pasted in or entered by an admin); package: the bundled chinese-days data; provisional: computed, no make-up days. */
  source: CalendarYearKind;
  /** Where it came from, in words (the notice, the package, the computation, an admin's edits). */
  note: string;
  /** Days off of the year, weekends inside a break included. */
  holidays: string[];
  /** Make-up working days (调休上班): weekend days that are working days. */
  workingDays: string[];
  /** When it was stored; null for a computed year. */
  updatedAt: string | null;
}

/** POST /api/calendar/notices/preview and …/confirm, body */
export interface NoticeTextRequest {
  text: string;
}

/**
 * POST /api/calendar/notices/preview — what the notice says, nothing written: the year, days off, make-up days,
 * days of neighbouring years, every sentence read or not, and the unread ones (confirming is refused while any stands).
 */
export type NoticePreviewResponse = NoticeReading & {
  /** What the year's calendar is now, before confirming; null when the year is outside 2000–2101 or unread. */
  current: CalendarYearKind | null;
};

/** PUT /api/calendar/days/:date, body — one day set by hand, with the reason (audited). */
export interface CalendarDayRequest {
  /** holiday: a day off; workday: a make-up working day; ordinary: as its weekday says. */
  kind: 'holiday' | 'workday' | 'ordinary';
  reason: string;
}

/** GET /api/calendar/status — what the banner and the health answer say about provisional years. */
export interface CalendarStatusResponse {
  today: string;
  nextYear: number;
  /** Next year has no official calendar yet. */
  nextYearProvisional: boolean;
  /** From 1 November while next year is provisional: admins see a banner. */
  warn: boolean;
  /** Provisional years that plans' evaluations and due dates rest on now. */
  provisionalYearsInUse: number[];
}
