import { shortfall } from './evaluate-period';
import { FIGURE_MAX } from './figure';
import { formatTarget, formatValue, roundForDisplay } from './format-value';
import type { RuledMetric } from './metric-rules';
import type { Status } from './status';
import { reportingPeriods, type ReportingPeriod } from './period';

/**
 * linear-pace (yearly counts): the running total so far × 12 ÷ months elapsed.
 * recent-mean (rates and other levels): the mean of the last three periods' year-to-date figures.
 */
export const FORECAST_METHODS = ['linear-pace', 'recent-mean'] as const;
export type ForecastMethod = (typeof FORECAST_METHODS)[number];
export type ForecastStatus = 'green' | 'amber' | 'red';

/** A year-to-date figure of one reporting period (the metric's overall value). */
export interface ForecastPoint {
  periodKey: string;
  periodEnd: string;
  value: number;
}

/** Where a metric's year will end, judged from its figures so far. */
export interface Forecast {
  method: ForecastMethod;
  /** The period of the latest figure the forecast rests on; null when there is none. */
  asOf: string | null;
  /** The year's last reporting period, where the yearly target has to be met. */
  endPeriod: string;
  target: number;
  /** The projected year-end figure; null with too little data. */
  projected: number | null;
  /**
   * What is needed from now on to meet the target: for counts, a count per remaining month (at most, for an upper
   * limit); for rates, the rate over the remaining months. Null when nothing remains, when it cannot be met, or when it
   * cannot be worked out — the reason says which.
   */
  requiredPace: number | null;
  /** green: on course; amber: the projection misses the target; red: meeting it is no longer possible; null: too little data. */
  status: ForecastStatus | null;
  /** The projection from the latest figure to year-end, one value per reporting period (for a dashed line). */
  path: Array<{ period: string; value: number }>;
  methodZh: string;
  methodEn: string;
  reasonZh: string;
  reasonEn: string;
}

/** A forecast needs the figures of at least the first quarter. */
export const FORECAST_MIN_MONTHS = 3;
const MONTHS = 12;
const EPSILON = 1e-9;

const METHOD_TEXT: Record<ForecastMethod, { methodZh: string; methodEn: string }> = {
  'linear-pace': {
    methodZh: '线性进度：截至目前的累计数 × 12 ÷ 已过月数',
    methodEn: 'Linear pace: the running total so far × 12 ÷ months elapsed',
  },
  'recent-mean': {
    methodZh: '近三期平均：最近三个报送期年度累计数值的平均',
    methodEn: 'Recent mean: the average of the last three periods’ year-to-date figures',
  },
};

/**
 * Whether a metric belongs on the attention list (需关注): red or amber now, or green now while its forecast says the
 * year will miss its target (amber) or can no longer meet it (red).
 */
export function needsAttention(status: Status | null, forecast: ForecastStatus | null | undefined): boolean {
  if (status === 'red' || status === 'amber') return true;
  return status === 'green' && (forecast === 'amber' || forecast === 'red');
}

/** Rates and counts with a yearly target (a real figure) whose year-to-date figures are reported monthly or quarterly. */
export function isForecastable(metric: Pick<RuledMetric, 'kind' | 'period' | 'frequency' | 'target'>): boolean {
  return (
    (metric.kind === 'value' || metric.kind === 'annual-count') &&
    metric.period === 'year' &&
    metric.frequency !== 'annual' &&
    metric.target !== null &&
    Math.abs(metric.target) <= FIGURE_MAX
  );
}

/**
 * The year-end forecast of a metric from its year-to-date figures so far (those after the period shown are left out
 * by the caller); null for a metric that has no yearly target reported during the year. `denominatorsKnown`: the
 * latest rate was pooled from numerators and denominators, so the rate still needed can be worked out.
 */
export function forecastYearEnd(
  metric: RuledMetric,
  year: number,
  points: ForecastPoint[],
  options: { denominatorsKnown: boolean } = { denominatorsKnown: false },
): Forecast | null {
  if (!isForecastable(metric)) return null;
  const periods = reportingPeriods(metric, year);
  const keys = new Set(periods.map((p) => p.key));
  const target = metric.target!;
  const method: ForecastMethod = metric.kind === 'annual-count' ? 'linear-pace' : 'recent-mean';
  const base = { method, endPeriod: periods.at(-1)!.key, target, ...METHOD_TEXT[method] };
  // A figure beyond FIGURE_MAX cannot have been accepted; leaving such out keeps every sum finite.
  const known = points
    .filter((p) => keys.has(p.periodKey) && Math.abs(p.value) <= FIGURE_MAX)
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
  const latest = known.at(-1);
  if (!latest || monthOf(latest.periodEnd) < FORECAST_MIN_MONTHS) {
    return {
      ...base,
      asOf: latest?.periodKey ?? null,
      projected: null,
      requiredPace: null,
      status: null,
      path: [],
      reasonZh: `数据不足：至少需要前 ${FORECAST_MIN_MONTHS} 个月的数据才能预测年末情况`,
      reasonEn: `Too little data: a forecast needs the figures of at least the first ${FORECAST_MIN_MONTHS} months`,
    };
  }
  const elapsed = monthOf(latest.periodEnd);
  const remaining = MONTHS - elapsed;
  const recent = known.slice(-3);
  const projected =
    method === 'linear-pace'
      ? (latest.value * MONTHS) / elapsed
      : remaining === 0
        ? latest.value
        : recent.reduce((n, p) => n + p.value, 0) / recent.length;
  const misses = shortfall(metric.comparator, projected, target) > EPSILON;
  const pace = paceNeeded(metric, latest.value, elapsed, options.denominatorsKnown);
  const status: ForecastStatus =
    remaining === 0 ? (misses ? 'red' : 'green') : pace.impossible ? 'red' : misses ? 'amber' : 'green';
  const how = methodReason(metric, method, latest, recent, elapsed, remaining);
  const targetZh = formatTarget(metric);
  const targetEn = formatTarget(metric, 'en');
  const outcomeZh = `年末预计 ${formatValue(projected, metric.unit)}，${misses ? '未达' : '可达到'}目标（${targetZh}）`;
  const outcomeEn = `${formatValue(projected, metric.unit, 'en')} projected at year-end, ${misses ? 'missing' : 'meeting'} the target (${targetEn})`;
  return {
    ...base,
    asOf: latest.periodKey,
    projected,
    requiredPace: pace.value,
    status,
    path: projectionPath(periods, latest, projected, method),
    reasonZh: `${how.zh}，${outcomeZh}；${pace.zh}`,
    reasonEn: `${how.en}: ${outcomeEn}; ${pace.en}`,
  };
}

function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

function methodReason(
  metric: RuledMetric,
  method: ForecastMethod,
  latest: ForecastPoint,
  recent: ForecastPoint[],
  elapsed: number,
  remaining: number,
): { zh: string; en: string } {
  if (remaining === 0) return { zh: `${latest.periodKey} 为全年最后报送期`, en: `${latest.periodKey} closes the year` };
  if (method === 'linear-pace') {
    return {
      zh: `按线性进度推算（截至 ${latest.periodKey} 累计 ${formatValue(latest.value, metric.unit)} × 12 ÷ ${elapsed}）`,
      en: `Linear pace (${formatValue(latest.value, metric.unit, 'en')} by ${latest.periodKey} × 12 ÷ ${elapsed})`,
    };
  }
  const span = recent.length > 1 ? `${recent[0].periodKey} 至 ${latest.periodKey}` : latest.periodKey;
  const spanEn = recent.length > 1 ? `${recent[0].periodKey} to ${latest.periodKey}` : latest.periodKey;
  return {
    zh: `按近 ${recent.length} 期平均推算（${span}）`,
    en: `Mean of the last ${recent.length} period${recent.length > 1 ? 's' : ''} (${spanEn})`,
  };
}

interface Pace {
  value: number | null;
  impossible: boolean;
  zh: string;
  en: string;
}

/** What the remaining months must bring for the year to meet the target, or why that cannot be said. */
function paceNeeded(metric: RuledMetric, soFar: number, elapsed: number, denominatorsKnown: boolean): Pace {
  const target = metric.target!;
  const remaining = MONTHS - elapsed;
  const met = shortfall(metric.comparator, soFar, target) <= EPSILON;
  if (remaining === 0) {
    return met
      ? { value: null, impossible: false, zh: '全年已达标', en: 'the year met it' }
      : {
          value: null,
          impossible: true,
          zh: '全年已结束，无法再达到',
          en: 'the year is over and it can no longer be met',
        };
  }
  if (metric.kind === 'annual-count') return countPace(metric, soFar, remaining);
  if (metric.unit !== 'percent') {
    return {
      value: null,
      impossible: false,
      zh: '该指标为时点数，年末达到目标即可，不按月分摊进度',
      en: 'a level rather than a running total: it has to stand at the target at year-end, so no monthly pace applies',
    };
  }
  if (!denominatorsKnown) {
    return {
      value: null,
      impossible: false,
      zh: '未全部按分子分母报送，无法推算余下各月所需比率',
      en: 'not every figure came as a numerator and denominator, so the rate needed over the remaining months cannot be worked out',
    };
  }
  // Taking as many cases a month from now on as so far, the year's rate is (elapsed × rate so far + remaining × rate to come) ÷ 12.
  const needed = (MONTHS * target - elapsed * soFar) / remaining;
  const cap = { gte: needed > 100 + EPSILON, lte: needed < -EPSILON, eq: needed > 100 + EPSILON || needed < -EPSILON }[
    metric.comparator
  ];
  if (cap) {
    return {
      value: null,
      impossible: true,
      zh: `余下 ${remaining} 个月需达到 ${roundForDisplay(needed)}%，已无法达到`,
      en: `the remaining ${remaining} months would need ${roundForDisplay(needed)}%, so it can no longer be met`,
    };
  }
  const value = Math.min(100, Math.max(0, needed));
  const word = { gte: ['不低于', 'at least'], lte: ['不高于', 'at most'], eq: ['为', 'exactly'] }[metric.comparator];
  return {
    value,
    impossible: false,
    zh: `余下 ${remaining} 个月需${word[0]} ${roundForDisplay(value)}%（按各月事项数与此前相当计）`,
    en: `the remaining ${remaining} months need ${word[1]} ${roundForDisplay(value)}% (with as many cases a month as so far)`,
  };
}

function countPace(metric: RuledMetric, soFar: number, remaining: number): Pace {
  const target = metric.target!;
  const perMonth = (target - soFar) / remaining;
  if (metric.comparator !== 'gte' && soFar > target + EPSILON) {
    return {
      value: null,
      impossible: true,
      zh: `累计 ${formatValue(soFar, metric.unit)} 已超过目标，无法再达到`,
      en: `${formatValue(soFar, metric.unit, 'en')} so far is already beyond the target, so it can no longer be met`,
    };
  }
  if (metric.comparator === 'gte' && perMonth <= EPSILON)
    return { value: 0, impossible: false, zh: '已达到全年目标', en: 'the yearly target is already reached' };
  const value = Math.max(0, perMonth);
  const left = Math.max(0, target - soFar);
  // The count still to come, and what that is a month: "1 more (0.2 a month)" reads better than 0.2 a month alone.
  const zh = {
    gte: `还需至少 ${formatValue(left, metric.unit)}`,
    lte: `至多还可再有 ${formatValue(left, metric.unit)}`,
    eq: `还需恰好 ${formatValue(left, metric.unit)}`,
  }[metric.comparator];
  const en = {
    gte: `need at least ${formatValue(left, metric.unit, 'en')} more`,
    lte: `may add at most ${formatValue(left, metric.unit, 'en')}`,
    eq: `need exactly ${formatValue(left, metric.unit, 'en')} more`,
  }[metric.comparator];
  return {
    value,
    impossible: false,
    zh: `余下 ${remaining} 个月${zh}（平均每月 ${formatValue(value, metric.unit)}）`,
    en: `the remaining ${remaining} months ${en} (${formatValue(value, metric.unit, 'en')} a month on average)`,
  };
}

/** From the latest figure to year-end: along the pace for counts, a straight line to the projection for levels. */
function projectionPath(
  periods: ReportingPeriod[],
  latest: ForecastPoint,
  projected: number,
  method: ForecastMethod,
): Forecast['path'] {
  const from = monthOf(latest.periodEnd);
  return periods
    .filter((p) => p.end >= latest.periodEnd)
    .map((p) => {
      const month = monthOf(p.end);
      const value =
        method === 'linear-pace'
          ? (latest.value * month) / from
          : from === MONTHS
            ? latest.value
            : latest.value + ((projected - latest.value) * (month - from)) / (MONTHS - from);
      return { period: p.key, value };
    });
}
