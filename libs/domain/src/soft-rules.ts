import type { WorkingDays } from './evaluation';
import type { Figure } from './figure';
import { formatValue, roundForDisplay } from './format-value';
import { isWholeUnit, type RuledMetric } from './metric-rules';
import type { ReportingPeriod } from './period';
import { WorkingDayCalendar } from './working-day-calendar';

/**
 * Soft rules (联网直报-style checks): a figure that trips one is not refused like a hard rule (validateFigure), but
 * needs a written explanation (说明) that is stored with the revision and shown to leaders.
 */
export const SOFT_RULES = ['late', 'jump', 'perfect-without-evidence', 'empty-when-overdue'] as const;
export type SoftRule = (typeof SOFT_RULES)[number];

/** A jump of a rate against the department's own previous figure beyond this many percentage points asks for a word. */
export const JUMP_PERCENT_POINTS = 20;
/** A jump of any other figure beyond this share of the previous figure asks for a word. */
export const JUMP_RELATIVE = 0.5;

/** One soft rule a figure tripped: which, what was found, and what the clerk should explain, in Chinese and English. */
export interface SoftRuleFinding {
  rule: SoftRule;
  messageZh: string;
  messageEn: string;
}

/** The department's latest figure for an earlier period of the same metric. */
export interface PreviousFigure {
  periodKey: string;
  figure: Figure;
}

export interface SoftRuleFacts {
  metric: Pick<RuledMetric, 'kind' | 'unit' | 'target'>;
  period: ReportingPeriod;
  figure: Figure;
  /** The day it is submitted. */
  today: string;
  /** When the period's figures were due. */
  dueDate: string;
  calendar: WorkingDays;
  /** No accepted figure stands for the period: nothing was submitted yet, or the latest revision was returned. */
  awaitingFigure: boolean;
  /** The submission carries an evidence file. */
  hasEvidence: boolean;
  /** The department's latest figure of the closest earlier period that has one, if any. */
  previous: PreviousFigure | null;
}

/** Every soft rule the figure trips, in the order of SOFT_RULES; empty when none. */
export function checkSoftRules(f: SoftRuleFacts): SoftRuleFinding[] {
  return [late(f), jump(f), perfectWithoutEvidence(f), emptyWhenOverdue(f)].filter(
    (x): x is SoftRuleFinding => x !== null,
  );
}

/** The figure as a comparable number (a percent for a ratio); null when it has none (0/0, cases, a date). */
export function comparableValue(figure: Figure): number | null {
  if (figure.type === 'value') return figure.value;
  if (figure.type === 'ratio') return figure.denominator > 0 ? (figure.numerator / figure.denominator) * 100 : null;
  return null;
}

/** A figure given on `today` is late: no accepted figure stands for the period and its due date has passed. */
export function isLateFigure(f: Pick<SoftRuleFacts, 'awaitingFigure' | 'today' | 'dueDate'>): boolean {
  return f.awaitingFigure && f.today > f.dueDate;
}

/** (1) Submitted after the due date while no accepted figure stood: how late, in working days and in days. */
function late(f: SoftRuleFacts): SoftRuleFinding | null {
  if (!isLateFigure(f)) return null;
  const working = f.calendar.countWorkingDays(f.dueDate, f.today);
  const days = WorkingDayCalendar.calendarDaysBetween(f.dueDate, f.today);
  return {
    rule: 'late',
    messageZh: `逾期报送：${f.period.key} 的数据应于 ${f.dueDate} 前报送，已晚 ${working} 个工作日（${days} 天），请说明逾期原因`,
    messageEn: `Late: the ${f.period.key} figures were due by ${f.dueDate}; this is ${working} working days (${days} days) late — explain why`,
  };
}

/** (2) A rate or figure that moved against the department's previous figure beyond the threshold. */
function jump(f: SoftRuleFacts): SoftRuleFinding | null {
  if (f.metric.kind !== 'value' || !f.previous) return null;
  const now = comparableValue(f.figure);
  const before = comparableValue(f.previous.figure);
  if (now === null || before === null) return null;
  const nowText = formatValue(now, f.metric.unit);
  const beforeText = formatValue(before, f.metric.unit);
  const nowEn = formatValue(now, f.metric.unit, 'en');
  const beforeEn = formatValue(before, f.metric.unit, 'en');
  if (f.metric.unit === 'percent') {
    const points = Math.abs(now - before);
    if (points <= JUMP_PERCENT_POINTS + 1e-9) return null;
    return {
      rule: 'jump',
      messageZh: `与本单位上期数据相比变动过大：${f.previous.periodKey} 为 ${beforeText}，本期 ${nowText}，相差 ${roundForDisplay(points)} 个百分点，超过 ${JUMP_PERCENT_POINTS} 个百分点的阈值，请说明原因`,
      messageEn: `A jump against this department's previous figure: ${beforeEn} for ${f.previous.periodKey}, ${nowEn} now, ${roundForDisplay(points)} points apart, beyond the ${JUMP_PERCENT_POINTS}-point threshold — explain why`,
    };
  }
  // A change from nothing has no share to measure against.
  if (before <= 0) return null;
  const share = Math.abs(now - before) / before;
  if (share <= JUMP_RELATIVE + 1e-9) return null;
  const pct = Math.round(JUMP_RELATIVE * 100);
  return {
    rule: 'jump',
    messageZh: `与本单位上期数据相比变动过大：${f.previous.periodKey} 为 ${beforeText}，本期 ${nowText}，变动 ${roundForDisplay(share * 100)}%，超过 ${pct}% 的阈值，请说明原因`,
    messageEn: `A jump against this department's previous figure: ${beforeEn} for ${f.previous.periodKey}, ${nowEn} now, a change of ${roundForDisplay(share * 100)}%, beyond the ${pct}% threshold — explain why`,
  };
}

/** (3) A rate of exactly 100%, or a count exactly at its target, with no evidence attached. */
function perfectWithoutEvidence(f: SoftRuleFacts): SoftRuleFinding | null {
  if (f.hasEvidence || (f.metric.kind !== 'value' && f.metric.kind !== 'annual-count')) return null;
  const value = comparableValue(f.figure);
  if (value === null) return null;
  if (f.metric.unit === 'percent' && value === 100) {
    return {
      rule: 'perfect-without-evidence',
      messageZh: '比率恰为 100% 且未附佐证材料：请上传佐证材料，或说明数据来源',
      messageEn:
        'A rate of exactly 100% with no evidence attached: attach evidence, or explain where the figure comes from',
    };
  }
  if (isWholeUnit(f.metric.unit) && f.metric.target !== null && value === f.metric.target) {
    return {
      rule: 'perfect-without-evidence',
      messageZh: `数值恰为目标值 ${formatValue(value, f.metric.unit)} 且未附佐证材料：请上传佐证材料，或说明数据来源`,
      messageEn: `A figure of exactly the target, ${formatValue(value, f.metric.unit, 'en')}, with no evidence attached: attach evidence, or explain where the figure comes from`,
    };
  }
  return null;
}

/** (4) Nothing applicable (0/0, no case) for a period already overdue: grey instead of the red it showed. */
function emptyWhenOverdue(f: SoftRuleFacts): SoftRuleFinding | null {
  if (!isLateFigure(f)) return null;
  const empty =
    (f.figure.type === 'ratio' && f.figure.denominator === 0) ||
    (f.figure.type === 'cases' && f.figure.cases.length === 0);
  if (!empty) return null;
  const what = f.figure.type === 'ratio' ? '分母为 0' : '没有案件';
  const whatEn = f.figure.type === 'ratio' ? 'a denominator of 0' : 'no cases';
  return {
    rule: 'empty-when-overdue',
    messageZh: `${f.period.key} 已逾期（截止 ${f.dueDate}），本次报送${what}（本期无适用事项），将使逾期的红色变为灰色：请说明本期为何没有适用事项`,
    messageEn: `${f.period.key} was overdue (due by ${f.dueDate}) and this gives ${whatEn} (nothing applicable), which turns its overdue red into grey: explain why nothing was applicable this period`,
  };
}
