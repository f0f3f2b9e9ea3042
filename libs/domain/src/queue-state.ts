import type { WorkingDays } from './evaluation';

/** Where a department stands with one metric and period: what its "what is due" list shows. */
export const QUEUE_STATES = ['due', 'due-soon', 'overdue', 'submitted', 'returned'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export const DEFAULT_DUE_SOON_WORKING_DAYS = 3;

export interface QueueFacts {
  today: string;
  dueDate: string;
  /** Some revision has been submitted for the period. */
  submitted: boolean;
  /** The latest revision was returned for correction and not yet resubmitted. */
  returned: boolean;
}

/**
 * returned beats submitted (the department has work to do again); an unsubmitted period is overdue after
 * its due date, due soon within a few working days of it, and due otherwise.
 */
export function queueState(
  facts: QueueFacts,
  calendar: WorkingDays,
  dueSoonWorkingDays = DEFAULT_DUE_SOON_WORKING_DAYS,
): QueueState {
  if (facts.returned) return 'returned';
  if (facts.submitted) return 'submitted';
  if (facts.today > facts.dueDate) return 'overdue';
  return calendar.countWorkingDays(facts.today, facts.dueDate) <= dueSoonWorkingDays ? 'due-soon' : 'due';
}

// Most urgent first: what is late, then what came back, then what is due soon.
const URGENCY: Record<QueueState, number> = { overdue: 0, returned: 1, 'due-soon': 2, due: 3, submitted: 4 };

/** The order of a department's "what is due" list: by urgency, then by due date, then by metric code. */
export function compareQueueItems(
  a: { state: QueueState; dueDate: string; metricCode: string },
  b: { state: QueueState; dueDate: string; metricCode: string },
): number {
  return (
    URGENCY[a.state] - URGENCY[b.state] ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.metricCode.localeCompare(b.metricCode)
  );
}
