import { dueDate, judgeCase, type FigureState } from './evaluate-period';
import type { EvaluationContext } from './evaluation';
import { isDurationUnit, type CaseRecord, type Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import type { ReportingPeriod } from './period';

/**
 * When an evaluation must be made again although no figure changed: the earliest date after `ctx.today` on
 * which the same figures could be judged differently, because the period begins or ends, the due date or the
 * deadline passes, the deadline comes near, or an open case runs past its limit. null: never by time alone.
 *
 * This is what lets the scheduler evaluate only what time has moved instead of every period of every plan.
 * The answer may come early (one more evaluation that changes nothing costs little), never late: a property
 * test evaluates every day before it and finds the same evaluation.
 */
export function recheckDate(
  metric: RuledMetric,
  period: ReportingPeriod,
  figure: Figure | undefined,
  ctx: EvaluationContext,
  state: FigureState = {},
): string | null {
  if (period.start > ctx.today) return period.start;
  // A returned figure counts in time like none at all: its period turns red when the due date passes.
  if (state.returned) return recheckDate(metric, period, undefined, ctx);
  if (metric.kind === 'deadline')
    return deadlineRecheck(metric, period, figure?.type === 'completion' ? figure.completedOn : null, ctx);
  if (!figure || figure.type === 'completion') {
    const due = dueDate(metric, period, ctx);
    if (ctx.today > due) return null; // overdue stays overdue until figures arrive
    // "still running" until the period ends, "awaiting figures" until the due date passes.
    return ctx.today <= period.end ? nextDay(period.end) : nextDay(due);
  }
  if (figure.type === 'cases' && isDurationUnit(metric.unit)) return openCasesRecheck(metric, figure.cases, ctx);
  // A value or a ratio is judged the same on any day.
  return null;
}

/** The same for a metric's overall evaluation of a period: it is built from its departments' evaluations (`states` in the same order). */
export function recheckDateOverall(
  metric: RuledMetric,
  period: ReportingPeriod,
  figures: (Figure | undefined)[],
  ctx: EvaluationContext,
  states: FigureState[] = [],
): string | null {
  if (figures.length === 0) return recheckDate(metric, period, undefined, ctx);
  return earliestDate(figures.map((f, i) => recheckDate(metric, period, f, ctx, states[i])));
}

/** The earliest of some ISO dates, ignoring nulls; null when there is none. */
export function earliestDate(dates: Iterable<string | null>): string | null {
  let earliest: string | null = null;
  for (const d of dates) if (d !== null && (earliest === null || d < earliest)) earliest = d;
  return earliest;
}

/** The calendar day after an ISO date. */
export function nextDay(date: string): string {
  return addCalendarDays(date, 1);
}

/** The calendar day `days` after an ISO date. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function deadlineRecheck(
  metric: RuledMetric,
  period: ReportingPeriod,
  completedOn: string | null,
  ctx: EvaluationContext,
): string | null {
  if (completedOn) return null; // done on time or late: settled
  const due = period.end;
  if (ctx.today > due) return null; // passed undone: red until it is done
  const overdue = nextDay(due);
  const left = ctx.calendar.countWorkingDays(ctx.today, due);
  // Near the deadline the reason counts the working days left, which shrinks on each working day.
  if (left <= metric.warnWorkingDays) return earliestDate([workingDaysAfter(ctx, ctx.today, 1), overdue]);
  // Far from it: unchanged until only warnWorkingDays are left.
  return earliestDate([workingDaysAfter(ctx, ctx.today, left - metric.warnWorkingDays), overdue]);
}

/**
 * Open cases are measured up to today. Against an upper limit one turns late on the first day its running
 * duration exceeds the limit; a late one shows its growing duration in the reason, so it changes every day.
 * Against a lower limit or an exact figure an open case is not judged until it is done.
 */
function openCasesRecheck(metric: RuledMetric, cases: CaseRecord[], ctx: EvaluationContext): string | null {
  if (metric.comparator !== 'lte') return null;
  const firstLateMeasure = Math.floor(metric.target ?? 0) + 1;
  const dates: (string | null)[] = [];
  for (const c of cases) {
    if (c.completedOn !== null || !c.startDate) continue;
    if (judgeCase(metric, c, ctx).compliant === false) return nextDay(ctx.today);
    dates.push(
      metric.unit === 'working-days'
        ? workingDaysAfter(ctx, c.startDate, firstLateMeasure)
        : addCalendarDays(c.startDate, firstLateMeasure),
    );
  }
  return earliestDate(dates);
}

/** addWorkingDays, or tomorrow when the answer lies beyond the calendar's known years (too early is safe, a throw is not). */
function workingDaysAfter(ctx: EvaluationContext, start: string, days: number): string {
  try {
    return ctx.calendar.addWorkingDays(start, days);
  } catch {
    return nextDay(ctx.today);
  }
}
