import { markProvisional, ProvisionalWatch, type Evaluation, type EvaluationContext } from './evaluation';
import { isDurationUnit, type CaseRecord, type Figure } from './figure';
import { formatTarget, formatValue, roundForDisplay } from './format-value';
import { caseShareBand, toleranceBand, type RuledMetric } from './metric-rules';
import { isFinalPeriodOfYear, type ReportingPeriod } from './period';
import { WorkingDayCalendar } from './working-day-calendar';

// Slack so that a figure exactly on the edge of the band is amber despite floating point.
const EPSILON = 1e-9;

/** The date a period's figures are due: the metric's Nth working day after the period ends. */
export function dueDate(
  metric: Pick<RuledMetric, 'kind' | 'dueWorkingDays'>,
  period: ReportingPeriod,
  ctx: Pick<EvaluationContext, 'calendar'>,
): string {
  return metric.kind === 'deadline' ? period.end : ctx.calendar.addWorkingDays(period.end, metric.dueWorkingDays);
}

/** How the latest figures stand: a leader may have returned them for correction (退回), so they are not accepted. */
export interface FigureState {
  returned?: boolean;
}

/**
 * The status of one department's figures for one period of a metric, as of `ctx.today`.
 * `figure` is the latest revision submitted, or undefined if none was; a returned one is not judged, the period
 * awaits a corrected figure. A status that rests on a provisional calendar year (a due date or a count of working
 * days in it) says so in its reason.
 */
export function evaluatePeriod(
  metric: RuledMetric,
  period: ReportingPeriod,
  figure: Figure | undefined,
  ctx: EvaluationContext,
  state: FigureState = {},
): Evaluation {
  if (!ctx.calendar.touchesProvisional) return judgePeriod(metric, period, figure, ctx, state);
  const watch = new ProvisionalWatch(ctx.calendar);
  const evaluation = judgePeriod(metric, period, figure, { ...ctx, calendar: watch }, state);
  return watch.touched ? markProvisional(evaluation) : evaluation;
}

function judgePeriod(
  metric: RuledMetric,
  period: ReportingPeriod,
  figure: Figure | undefined,
  ctx: EvaluationContext,
  state: FigureState,
): Evaluation {
  if (figure && state.returned) return evaluateReturned(metric, period, ctx);
  if (metric.kind === 'deadline')
    return evaluateDeadline(metric, period, figure?.type === 'completion' ? figure.completedOn : null, ctx);
  if (!figure) return evaluateMissing(metric, period, ctx);
  switch (figure.type) {
    case 'value':
      return evaluateValue(metric, period, figure.value);
    case 'ratio':
      if (figure.denominator === 0)
        return notApplicable('本期无适用事项（分母为 0）', 'No applicable cases this period (denominator 0)');
      return evaluateValue(
        metric,
        period,
        (figure.numerator / figure.denominator) * 100,
        `${figure.numerator}/${figure.denominator}`,
      );
    case 'cases':
      return evaluateCases(metric, figure.cases, ctx);
    case 'completion':
      return evaluateMissing(metric, period, ctx);
  }
}

function notApplicable(reasonZh: string, reasonEn: string): Evaluation {
  return { status: 'grey', basis: 'not-applicable', value: null, target: null, reasonZh, reasonEn };
}

function evaluateMissing(metric: RuledMetric, period: ReportingPeriod, ctx: EvaluationContext): Evaluation {
  const due = dueDate(metric, period, ctx);
  if (ctx.today > due) {
    return {
      status: 'red',
      basis: 'overdue',
      value: null,
      target: metric.target,
      reasonZh: `逾期未报送：${period.key} 的数据应于 ${due} 前报送`,
      reasonEn: `Overdue: the figures for ${period.key} were due by ${due}`,
    };
  }
  const open = ctx.today <= period.end;
  return {
    status: 'grey',
    basis: 'not-due',
    value: null,
    target: metric.target,
    reasonZh: open ? `${period.key} 尚未结束，报送截止 ${due}` : `待报送，截止 ${due}`,
    reasonEn: open ? `${period.key} is still running; figures due by ${due}` : `Awaiting figures, due by ${due}`,
  };
}

/** A returned figure is no accepted figure: grey while a corrected one can still arrive in time, red once the due date has passed. */
function evaluateReturned(metric: RuledMetric, period: ReportingPeriod, ctx: EvaluationContext): Evaluation {
  const due = dueDate(metric, period, ctx);
  const base = { basis: 'returned' as const, value: null, target: metric.target };
  if (ctx.today > due) {
    return {
      ...base,
      status: 'red',
      reasonZh: `退回后逾期未更正：${period.key} 的数据已被退回，更正后的数据应于 ${due} 前报送`,
      reasonEn: `Returned and not corrected: the ${period.key} figures were sent back and corrected figures were due by ${due}`,
    };
  }
  return {
    ...base,
    status: 'grey',
    reasonZh: `待更正：${period.key} 的数据已被退回，请于 ${due} 前报送更正后的数据`,
    reasonEn: `Awaiting correction: the ${period.key} figures were sent back; corrected figures are due by ${due}`,
  };
}

function evaluateDeadline(
  metric: RuledMetric,
  period: ReportingPeriod,
  completedOn: string | null,
  ctx: EvaluationContext,
): Evaluation {
  const due = period.end;
  const target = formatTarget(metric);
  if (completedOn) {
    if (completedOn <= due) {
      return {
        status: 'green',
        basis: 'met',
        value: null,
        target: null,
        reasonZh: `已于 ${completedOn} 完成（${target}）`,
        reasonEn: `Done on ${completedOn} (${formatTarget(metric, 'en')})`,
      };
    }
    const late = ctx.calendar.countWorkingDays(due, completedOn);
    return {
      status: 'red',
      basis: 'done-late',
      value: late,
      target: null,
      reasonZh: `于 ${completedOn} 完成，晚于期限 ${due} ${late} 个工作日`,
      reasonEn: `Done on ${completedOn}, ${late} working days after the ${due} deadline`,
    };
  }
  if (ctx.today > due) {
    return {
      status: 'red',
      basis: 'overdue',
      value: null,
      target: null,
      reasonZh: `期限 ${due} 已过，尚未完成`,
      reasonEn: `The ${due} deadline has passed and it is not done`,
    };
  }
  const left = ctx.calendar.countWorkingDays(ctx.today, due);
  if (left <= metric.warnWorkingDays) {
    return {
      status: 'amber',
      basis: 'deadline-near',
      value: null,
      target: null,
      reasonZh: `距期限 ${due} 还有 ${left} 个工作日，尚未完成`,
      reasonEn: `${left} working days to the ${due} deadline and it is not done`,
    };
  }
  return {
    status: 'grey',
    basis: 'not-due',
    value: null,
    target: null,
    reasonZh: `期限 ${due}，尚未到期`,
    reasonEn: `Due by ${due}; not yet due`,
  };
}

/** The share of a yearly minimum count due by the end of a period (序时进度); the full target otherwise. */
export function expectedByPeriod(
  metric: Pick<RuledMetric, 'kind' | 'frequency' | 'target' | 'period'>,
  period: ReportingPeriod,
): number {
  const target = metric.target ?? 0;
  if (metric.kind !== 'annual-count' || metric.frequency === 'annual') return target;
  // A quarterly minimum reported quarterly is due in full each quarter; a yearly count reported monthly or quarterly is due pro rata.
  if (metric.frequency === 'quarterly' && metric.period === 'quarter') return target;
  return (target * Number(period.end.slice(5, 7))) / 12;
}

/** How far a figure falls short of a target in the direction that counts; ≤ 0 means it meets it. */
export function shortfall(comparator: RuledMetric['comparator'], value: number, target: number): number {
  if (comparator === 'gte') return target - value;
  if (comparator === 'lte') return value - target;
  return Math.abs(value - target);
}

function evaluateValue(metric: RuledMetric, period: ReportingPeriod, value: number, shownAs?: string): Evaluation {
  const expected = expectedByPeriod(metric, period);
  const proRata = expected !== metric.target;
  const gap = shortfall(metric.comparator, value, expected);
  const shown = `${formatValue(value, metric.unit)}${shownAs ? `（${shownAs}）` : ''}`;
  const shownEn = `${formatValue(value, metric.unit, 'en')}${shownAs ? ` (${shownAs})` : ''}`;
  const target = proRata ? `${formatTarget(metric)}，序时进度 ${roundForDisplay(expected)}` : formatTarget(metric);
  const targetEn = proRata
    ? `${formatTarget(metric, 'en')}, pro rata ${roundForDisplay(expected)}`
    : formatTarget(metric, 'en');
  const base = { value, target: expected };
  if (gap <= EPSILON && proRata && shortfall(metric.comparator, value, metric.target ?? 0) > EPSILON)
    return onPace(metric, value, expected);
  if (gap <= EPSILON)
    return {
      ...base,
      status: 'green',
      basis: 'met',
      reasonZh: `${shown} 达到目标（${target}）`,
      reasonEn: `${shownEn} meets the target (${targetEn})`,
    };
  if (proRata && !isFinalPeriodOfYear(period)) {
    return {
      ...base,
      status: 'amber',
      basis: 'behind-pro-rata',
      reasonZh: `${shown} 落后序时进度（${target}）`,
      reasonEn: `${shownEn} is behind the pro-rata progress (${targetEn})`,
    };
  }
  const band = toleranceBand(metric);
  const bandZh = metric.unit === 'percent' ? `${roundForDisplay(band)} 个百分点` : formatValue(band, metric.unit);
  const bandEn = metric.unit === 'percent' ? `${roundForDisplay(band)}-point` : formatValue(band, metric.unit, 'en');
  if (gap <= band + EPSILON) {
    return {
      ...base,
      status: 'amber',
      basis: 'within-band',
      reasonZh: `${shown} 未达目标（${target}），在 ${bandZh}预警带内`,
      reasonEn: `${shownEn} misses the target (${targetEn}), within the ${bandEn} amber band`,
    };
  }
  // A band of nothing (a whole-number target under 10) is not worth naming.
  if (band <= EPSILON)
    return {
      ...base,
      status: 'red',
      basis: 'missed',
      reasonZh: `${shown} 未达目标（${target}）`,
      reasonEn: `${shownEn} misses the target (${targetEn})`,
    };
  return {
    ...base,
    status: 'red',
    basis: 'missed',
    reasonZh: `${shown} 未达目标（${target}），超出 ${bandZh}预警带`,
    reasonEn: `${shownEn} misses the target (${targetEn}), beyond the ${bandEn} amber band`,
  };
}

/** A yearly count on or ahead of its share due so far, but short of the year's target: green, and never "met". */
function onPace(metric: RuledMetric, value: number, expected: number): Evaluation {
  const ahead = value - expected > EPSILON;
  const of = `${roundForDisplay(value)}/${formatValue(metric.target ?? 0, metric.unit)}`;
  const ofEn = `${roundForDisplay(value)} of ${formatValue(metric.target ?? 0, metric.unit, 'en')}`;
  return {
    status: 'green',
    basis: 'on-pace',
    value,
    target: expected,
    reasonZh: `${ahead ? '领先' : '符合'}序时进度：${of}，按进度应达 ${roundForDisplay(expected)}`,
    reasonEn: `${ahead ? 'Ahead of' : 'On'} pace: ${ofEn}, ${roundForDisplay(expected)} due by now`,
  };
}

interface JudgedCase {
  reference: string;
  measure: number;
  open: boolean;
  compliant: boolean | null; // null: still open and not yet late, so not judged
}

/** A case's measured figure: its duration in working or calendar days (open cases up to today), or the figure given. */
export function judgeCase(metric: RuledMetric, c: CaseRecord, ctx: EvaluationContext): JudgedCase {
  const target = metric.target ?? 0;
  if (!isDurationUnit(metric.unit)) {
    const measure = c.value ?? 0;
    return {
      reference: c.reference,
      measure,
      open: false,
      compliant: shortfall(metric.comparator, measure, target) <= EPSILON,
    };
  }
  const end = c.completedOn ?? ctx.today;
  const measure =
    metric.unit === 'working-days'
      ? ctx.calendar.countWorkingDays(c.startDate!, end)
      : WorkingDayCalendar.calendarDaysBetween(c.startDate!, end);
  const open = c.completedOn === null;
  // An open case is late once it has run past an upper limit; against a lower limit it is simply still running.
  if (open)
    return {
      reference: c.reference,
      measure,
      open,
      compliant: metric.comparator === 'lte' && measure > target ? false : null,
    };
  return { reference: c.reference, measure, open, compliant: shortfall(metric.comparator, measure, target) <= EPSILON };
}

function evaluateCases(metric: RuledMetric, cases: CaseRecord[], ctx: EvaluationContext): Evaluation {
  const judged = cases.map((c) => judgeCase(metric, c, ctx));
  const counted = judged.filter((j) => j.compliant !== null);
  const pending = judged.length - counted.length;
  const pendingZh = pending ? `，另有 ${pending} 件办理中` : '';
  const pendingEn = pending ? `; ${pending} still open` : '';
  if (counted.length === 0) {
    return notApplicable(`本期无适用案件${pendingZh}`, `No applicable cases this period${pendingEn}`);
  }
  const compliant = counted.filter((j) => j.compliant).length;
  const share = (compliant / counted.length) * 100;
  const failures = counted.filter((j) => !j.compliant);
  const target = formatTarget(metric);
  const worst = failures
    .slice(0, 3)
    .map((f) => `${f.reference} ${formatValue(f.measure, metric.unit)}${f.open ? '（未办结）' : ''}`)
    .join('、');
  const worstEn = failures
    .slice(0, 3)
    .map((f) => `${f.reference} ${formatValue(f.measure, metric.unit, 'en')}${f.open ? ' (open)' : ''}`)
    .join(', ');
  const head = `${counted.length} 件中 ${compliant} 件符合 ${target}（${roundForDisplay(share)}%）`;
  const headEn = `${compliant} of ${counted.length} cases meet ${formatTarget(metric, 'en')} (${roundForDisplay(share)}%)`;
  const base = { value: share, target: 100 };
  if (failures.length === 0)
    return {
      ...base,
      status: 'green',
      basis: 'met',
      reasonZh: `${head}${pendingZh}`,
      reasonEn: `${headEn}${pendingEn}`,
    };
  const detailZh = `；不符合：${worst}${failures.length > 3 ? ' 等' : ''}${pendingZh}`;
  const detailEn = `; not meeting it: ${worstEn}${failures.length > 3 ? ' and more' : ''}${pendingEn}`;
  const band = caseShareBand(metric);
  if (100 - share <= band + EPSILON)
    return { ...base, status: 'amber', basis: 'within-band', reasonZh: head + detailZh, reasonEn: headEn + detailEn };
  return { ...base, status: 'red', basis: 'missed', reasonZh: head + detailZh, reasonEn: headEn + detailEn };
}
