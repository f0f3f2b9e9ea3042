import type { MetricDefinition } from './metric';
import type { Status } from './status';
import { formatTarget, formatValue, roundForDisplay } from './format-value';
import { deadlineIn } from './period';

/** The latest figure a department reported for a metric, as of the period being looked at. */
export interface Observation {
  /** The reported figure (a rate in percent, a year-to-date count, the longest case duration…). */
  value: number | null;
  /** When the task was done, for deadline metrics; ISO date. */
  completedOn: string | null;
  /** End of the period the figure covers; ISO date. */
  periodEnd: string;
}

export interface Evaluation {
  status: Status;
  reasonZh: string;
  reasonEn: string;
}

/**
 * First status rule of the walking skeleton: the latest figure against the target.
 * green: meets it; amber: misses it within the tolerance band (5 points for percents, 10% of the
 * target otherwise); red: misses it beyond the band, or a deadline met late; grey: no figure yet.
 * Yearly minimum counts are compared with the share of the target due by the period's end (序时进度).
 */
export function evaluateLatest(metric: MetricDefinition, latest: Observation | undefined): Evaluation {
  if (!latest) return { status: 'grey', reasonZh: '尚无报送数据', reasonEn: 'No figures reported yet' };
  if (metric.kind === 'deadline') return evaluateDeadline(metric, latest);
  if (latest.value === null || metric.target === null) {
    return { status: 'grey', reasonZh: '报送数据不完整', reasonEn: 'The reported figures are incomplete' };
  }
  const expected = expectedByPeriodEnd(metric, latest.periodEnd);
  const value = latest.value;
  const shortfall = metric.comparator === 'gte' ? expected - value : metric.comparator === 'lte' ? value - expected : Math.abs(value - expected);
  const shown = formatValue(value, metric.unit);
  const shownEn = formatValue(value, metric.unit, 'en');
  const target = expected === metric.target ? formatTarget(metric) : `${formatTarget(metric)}（序时进度 ${roundForDisplay(expected)}）`;
  const targetEn = expected === metric.target ? formatTarget(metric, 'en') : `${formatTarget(metric, 'en')} (pro rata ${roundForDisplay(expected)})`;
  if (shortfall <= 0) {
    return { status: 'green', reasonZh: `${shown} 达到目标 ${target}`, reasonEn: `${shownEn} meets the target ${targetEn}` };
  }
  const band = toleranceBand(metric);
  const bandZh = metric.unit === 'percent' ? `${band} 个百分点` : formatValue(band, metric.unit);
  const bandEn = metric.unit === 'percent' ? `${band}-point` : formatValue(band, metric.unit, 'en');
  // A little slack, so that a figure exactly at the edge of the band is amber despite floating point
  // (7.7 working days against ≤ 7: a shortfall of 0.7000000000000002 against a band of 0.7000000000000001).
  if (shortfall <= band + BAND_EPSILON) {
    return {
      status: 'amber',
      reasonZh: `${shown} 未达目标 ${target}，在 ${bandZh}预警带内`,
      reasonEn: `${shownEn} misses the target ${targetEn}, within the ${bandEn} amber band`,
    };
  }
  return {
    status: 'red',
    reasonZh: `${shown} 未达目标 ${target}，超出 ${bandZh}预警带`,
    reasonEn: `${shownEn} misses the target ${targetEn}, beyond the ${bandEn} amber band`,
  };
}

const BAND_EPSILON = 1e-9;

/** Default amber band: 5 percentage points for percents, 10% of the target otherwise. */
export function toleranceBand(metric: Pick<MetricDefinition, 'unit' | 'target'>): number {
  return metric.unit === 'percent' ? 5 : Math.abs(metric.target ?? 0) * 0.1;
}

/** For a yearly minimum count, the share of the target due by a date; otherwise the target itself. */
export function expectedByPeriodEnd(metric: MetricDefinition, periodEnd: string): number {
  const target = metric.target ?? 0;
  if (metric.kind !== 'annual-count' || metric.period !== 'year') return target;
  const month = Number(periodEnd.slice(5, 7));
  return (target * month) / 12;
}

function evaluateDeadline(metric: MetricDefinition, latest: Observation): Evaluation {
  const due = deadlineIn(Number(latest.periodEnd.slice(0, 4)), metric.deadline ?? '12-31');
  if (!latest.completedOn) {
    return { status: 'red', reasonZh: `期限 ${due} 已过，尚未完成`, reasonEn: `The ${due} deadline has passed and it is not done` };
  }
  if (latest.completedOn <= due) {
    return { status: 'green', reasonZh: `已于 ${latest.completedOn} 完成，期限 ${due}`, reasonEn: `Done on ${latest.completedOn}, deadline ${due}` };
  }
  return { status: 'red', reasonZh: `于 ${latest.completedOn} 完成，晚于期限 ${due}`, reasonEn: `Done on ${latest.completedOn}, after the ${due} deadline` };
}
