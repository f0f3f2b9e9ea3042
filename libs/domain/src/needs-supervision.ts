/** What a plan records about its last supervision run and what has changed since. */
export interface SupervisionMarks {
  /** The day of the last run; null: never supervised. */
  supervisedOn: string | null;
  /** The plan's change counter as the last run read it. */
  supervisedVersion: number | null;
  /** The plan's change counter now (bumped by every change supervision reads). */
  supervisionVersion: number;
  /** The first later day on which time alone changes something; null: never. */
  supervisionRecheckOn: string | null;
}

/**
 * Whether a tick has anything to do in a plan. Reminders and escalations move with the day, notices with
 * evaluations and replies: a plan is left alone while nothing it reads changed since its last run (the version)
 * and the day time alone changes something there has not come (a province has thousands of plans; ticks come
 * every five minutes, and most days nothing falls due in most plans).
 */
export function needsSupervision(plan: SupervisionMarks, today: string): boolean {
  if (plan.supervisedOn === null || plan.supervisedOn > today || plan.supervisedVersion !== plan.supervisionVersion)
    return true;
  return plan.supervisionRecheckOn !== null && today >= plan.supervisionRecheckOn;
}
