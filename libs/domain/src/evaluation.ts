import type { Status } from './status';

/** Why an evaluation came out as it did; a program can match on it, a person reads the reason. */
export const EVALUATION_BASES = [
  'met', // meets the target
  'within-band', // misses it within the amber band
  'behind-pro-rata', // a yearly count behind the share due so far (序时进度)
  'missed', // misses it beyond the band
  'done-late', // a deadline met late
  'overdue', // figures not reported after their due date (逾期未报送), or a deadline passed undone
  'deadline-near', // a deadline close and not yet done
  'not-due', // nothing due yet
  'not-applicable', // no applicable cases this period (a denominator of 0, no case)
] as const;
export type EvaluationBasis = (typeof EVALUATION_BASES)[number];

export interface Evaluation {
  status: Status;
  basis: EvaluationBasis;
  /** The figure judged (percent, count, share of compliant cases…), null when there is none. */
  value: number | null;
  /** The target it was judged against (pro rata where that applies), null for deadlines. */
  target: number | null;
  reasonZh: string;
  reasonEn: string;
}

/** The working-day arithmetic the rules need; `WorkingDayCalendar` provides it. */
export interface WorkingDays {
  addWorkingDays(start: string, days: number): string;
  countWorkingDays(start: string, end: string): number;
}

/** What an evaluation depends on besides the figures: the date it is made on and the calendar. */
export interface EvaluationContext {
  today: string;
  calendar: WorkingDays;
}
