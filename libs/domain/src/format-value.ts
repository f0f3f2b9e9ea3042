import type { Comparator, MetricDefinition, MetricUnit } from './metric';

const UNIT_ZH: Record<MetricUnit, string> = {
  percent: '%',
  count: ' 次',
  persons: ' 人',
  hours: ' 学时',
  days: ' 日',
  'working-days': ' 个工作日',
  years: ' 年',
  date: '',
};
const UNIT_EN: Record<MetricUnit, string> = {
  percent: '%',
  count: '',
  persons: ' persons',
  hours: ' hours',
  days: ' days',
  'working-days': ' working days',
  years: ' years',
  date: '',
};
const COMPARATOR_ZH: Record<Comparator, string> = { gte: '≥', lte: '≤', eq: '=' };

/** Rounds for display without trailing zeros: 78.456 → "78.5". */
export function roundForDisplay(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function formatValue(value: number, unit: MetricUnit, lang: 'zh' | 'en' = 'zh'): string {
  return `${roundForDisplay(value)}${(lang === 'zh' ? UNIT_ZH : UNIT_EN)[unit]}`;
}

/** "≥ 80%", "≤ 7 个工作日", "1月31日前 / by 31 January". */
export function formatTarget(
  metric: Pick<MetricDefinition, 'comparator' | 'target' | 'unit' | 'deadline'>,
  lang: 'zh' | 'en' = 'zh',
): string {
  if (metric.deadline) {
    const [month, day] = metric.deadline.split('-').map(Number);
    return lang === 'zh' ? `${month}月${day}日前` : `by ${day} ${MONTHS_EN[month - 1]}`;
  }
  return `${COMPARATOR_ZH[metric.comparator]} ${formatValue(metric.target ?? 0, metric.unit, lang)}`;
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
