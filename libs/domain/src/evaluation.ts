import type { Status } from './status';

/** Why an evaluation came out as it did; a program can match on it, a person reads the reason. */
export const EVALUATION_BASES = [
  'met', // meets the target
  'on-pace', // a yearly count at or ahead of the share due so far (序时进度), short of the year's target
  'within-band', // misses it within the amber band
  'behind-pro-rata', // a yearly count behind the share due so far (序时进度)
  'missed', // misses it beyond the band
  'done-late', // a deadline met late
  'overdue', // figures not reported after their due date (逾期未报送), or a deadline passed undone
  'returned', // the latest figures were returned for correction (退回待更正): grey until the due date, red after it
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
  /** Rests on a provisional calendar year (the reasons say so too); not stored, the reasons carry it. */
  provisional?: true;
}

/** What an evaluation concluded, as it is stored, compared and answered (the provisional mark is in the reasons). */
export type EvaluationOutcome = Omit<Evaluation, 'provisional'>;

/** The working-day arithmetic the rules need; `WorkingDayCalendar` provides it. */
export interface WorkingDays {
  addWorkingDays(start: string, days: number): string;
  countWorkingDays(start: string, end: string): number;
  /** Whether the days after the earlier date up to the later one include a provisional (computed, not official) year. */
  touchesProvisional?(start: string, end: string): boolean;
}

/** Passes questions on to a calendar and remembers whether any answer rested on a provisional year. */
export class ProvisionalWatch implements WorkingDays {
  touched = false;
  constructor(private readonly inner: WorkingDays) {}

  addWorkingDays(start: string, days: number): string {
    const date = this.inner.addWorkingDays(start, days);
    this.note(start, date);
    return date;
  }

  countWorkingDays(start: string, end: string): number {
    const days = this.inner.countWorkingDays(start, end);
    this.note(start, end);
    return days;
  }

  touchesProvisional(start: string, end: string): boolean {
    return this.inner.touchesProvisional?.(start, end) ?? false;
  }

  private note(start: string, end: string): void {
    if (!this.touched && this.touchesProvisional(start, end)) this.touched = true;
  }
}

export const PROVISIONAL_REASON_ZH = '按暂定日历计算';
export const PROVISIONAL_REASON_EN = 'on the provisional calendar';

/** An evaluation whose dates rest on a provisional calendar year says so in its reason. */
export function markProvisional(e: Evaluation): Evaluation {
  if (e.provisional) return e;
  return {
    ...e,
    provisional: true,
    reasonZh: `${e.reasonZh}（${PROVISIONAL_REASON_ZH}）`,
    reasonEn: `${e.reasonEn} (${PROVISIONAL_REASON_EN})`,
  };
}

/** What an evaluation depends on besides the figures: the date it is made on and the calendar. */
export interface EvaluationContext {
  today: string;
  calendar: WorkingDays;
}
