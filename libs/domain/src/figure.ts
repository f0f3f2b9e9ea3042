import type { RuledMetric } from './metric-rules';

/** One case of a per-case metric: a document published, a consultation held, a review done. */
export interface CaseRecord {
  reference: string;
  /** When the clock starts (decision made, draft published…), ISO date; needed for duration units. */
  startDate: string | null;
  /** When it was done, ISO date; null while the case is still open. */
  completedOn: string | null;
  /** The measured figure for units that are not durations (years of validity, persons on a panel). */
  value: number | null;
}

/** What a department reports for one metric and period. */
export type Figure =
  | { type: 'value'; value: number }
  | { type: 'ratio'; numerator: number; denominator: number }
  | { type: 'cases'; cases: CaseRecord[] }
  | { type: 'completion'; completedOn: string | null };

export type FigureType = Figure['type'];

export interface FigureProblem {
  field: string;
  messageZh: string;
  messageEn: string;
}

/**
 * The largest figure anyone may report or set as a target: far above any real count, rate or duration, and far below
 * where sums of figures lose whole numbers (2^53) or overflow to Infinity.
 */
export const FIGURE_MAX = 1e12;
const TOO_LARGE_ZH = '不能超过 1 万亿（10^12）';
const TOO_LARGE_EN = 'cannot exceed one trillion (10^12)';

const DURATION_UNITS = new Set(['working-days', 'days']);

export function isDurationUnit(unit: string): boolean {
  return DURATION_UNITS.has(unit);
}

/** Which kinds of figure a metric accepts. */
export function acceptedFigureTypes(metric: Pick<RuledMetric, 'kind' | 'unit'>): FigureType[] {
  switch (metric.kind) {
    case 'deadline':
      return ['completion'];
    case 'case':
      return ['cases'];
    case 'annual-count':
      return ['value'];
    case 'value':
      return metric.unit === 'percent' ? ['value', 'ratio'] : ['value'];
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Everything wrong with a figure for a metric, in words a department clerk can act on; empty when sound. */
export function validateFigure(metric: Pick<RuledMetric, 'kind' | 'unit'>, figure: Figure): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const add = (field: string, zh: string, en: string) => problems.push({ field, messageZh: zh, messageEn: en });
  const accepted = acceptedFigureTypes(metric);
  if (!accepted.includes(figure.type)) {
    add(
      'type',
      `该指标应报送：${accepted.map((t) => TYPE_ZH[t]).join('或')}`,
      `This metric takes ${accepted.map((t) => TYPE_EN[t]).join(' or ')}`,
    );
    return problems;
  }
  switch (figure.type) {
    case 'value':
      if (!Number.isFinite(figure.value) || figure.value < 0)
        add('value', '数值应为不小于 0 的数字', 'The figure must be a number of 0 or more');
      else if (metric.unit === 'percent' && figure.value > 100)
        add('value', '百分比不能超过 100', 'A percentage cannot exceed 100');
      else if (figure.value > FIGURE_MAX) add('value', `数值${TOO_LARGE_ZH}`, `The figure ${TOO_LARGE_EN}`);
      break;
    case 'ratio':
      if (!Number.isInteger(figure.numerator) || figure.numerator < 0)
        add('numerator', '分子应为不小于 0 的整数', 'The numerator must be a whole number of 0 or more');
      else if (figure.numerator > FIGURE_MAX) add('numerator', `分子${TOO_LARGE_ZH}`, `The numerator ${TOO_LARGE_EN}`);
      if (!Number.isInteger(figure.denominator) || figure.denominator < 0)
        add('denominator', '分母应为不小于 0 的整数', 'The denominator must be a whole number of 0 or more');
      else if (figure.denominator > FIGURE_MAX)
        add('denominator', `分母${TOO_LARGE_ZH}`, `The denominator ${TOO_LARGE_EN}`);
      if (figure.numerator > figure.denominator)
        add(
          'numerator',
          `分子 ${figure.numerator} 不能大于分母 ${figure.denominator}`,
          `The numerator ${figure.numerator} cannot exceed the denominator ${figure.denominator}`,
        );
      break;
    case 'completion':
      if (figure.completedOn !== null && !isRealDate(figure.completedOn))
        add('completedOn', '完成日期应为有效日期 YYYY-MM-DD', 'The completion date must be a real date, YYYY-MM-DD');
      break;
    case 'cases':
      validateCases(metric, figure.cases, add);
      break;
  }
  return problems;
}

function validateCases(
  metric: Pick<RuledMetric, 'unit'>,
  cases: CaseRecord[],
  add: (field: string, zh: string, en: string) => void,
): void {
  const seen = new Set<string>();
  cases.forEach((c, i) => {
    const field = `cases[${i}]`;
    const ref = c.reference?.trim();
    if (!ref) add(`${field}.reference`, `第 ${i + 1} 件缺少编号`, `Case ${i + 1} has no reference`);
    else if (seen.has(ref)) add(`${field}.reference`, `案件编号 ${ref} 重复`, `Case reference ${ref} appears twice`);
    seen.add(ref);
    const label = ref || i + 1;
    const duration = isDurationUnit(metric.unit);
    // A duration needs its start; any case's dates are checked whenever given (a case of a count metric keeps them too).
    if (duration ? !c.startDate || !isRealDate(c.startDate) : c.startDate !== null && !isRealDate(c.startDate))
      add(
        `${field}.startDate`,
        `${label}：开始日期应为有效日期 YYYY-MM-DD`,
        `${label}: the start date must be a real date, YYYY-MM-DD`,
      );
    if (c.completedOn !== null && !isRealDate(c.completedOn))
      add(
        `${field}.completedOn`,
        `${label}：完成日期应为有效日期 YYYY-MM-DD`,
        `${label}: the completion date must be a real date, YYYY-MM-DD`,
      );
    else if (c.completedOn && c.startDate && isRealDate(c.startDate) && c.completedOn < c.startDate)
      add(`${field}.completedOn`, `${label}：完成日期早于开始日期`, `${label}: completed before it started`);
    if (duration) return;
    if (c.value === null || !Number.isFinite(c.value) || c.value < 0)
      add(`${field}.value`, `${label}：应填写不小于 0 的数值`, `${label}: give a figure of 0 or more`);
    else if (c.value > FIGURE_MAX)
      add(`${field}.value`, `${label}：数值${TOO_LARGE_ZH}`, `${label}: the figure ${TOO_LARGE_EN}`);
  });
}

const TYPE_ZH: Record<FigureType, string> = {
  value: '数值',
  ratio: '分子和分母',
  cases: '案件记录',
  completion: '完成日期',
};
const TYPE_EN: Record<FigureType, string> = {
  value: 'a figure',
  ratio: 'a numerator and denominator',
  cases: 'case records',
  completion: 'a completion date',
};
