import type { Comparator, MetricKind, MetricPeriod, MetricTerms, MetricUnit } from '../metric';
import { findFigures, type Figure } from './find-figures';
import { maskNonTargets } from './mask-non-targets';
import { foldForMatching } from './normalise-text';
import {
  clauseAround,
  prefixComparator,
  qualifierBefore,
  sentenceAround,
  sharedSubjects,
  suffixComparator,
  type Bounds,
} from './read-context';
import type { ParsedTarget, TargetExtraction } from './types';

/** Kind and period of a target from its unit and qualifiers (see seeds/README.md §E for the conventions). */
function classify(
  unit: MetricUnit,
  qualifier: MetricPeriod | null,
  perCase: boolean,
): { kind: MetricKind; period: MetricPeriod } {
  switch (unit) {
    case 'date':
      return { kind: 'deadline', period: 'year' };
    case 'percent':
      return { kind: 'value', period: qualifier ?? 'year' };
    case 'days':
    case 'working-days':
      // A time limit applies to each case; "每年…不少于10天" is an amount per period.
      return qualifier ? { kind: 'annual-count', period: qualifier } : { kind: 'case', period: 'case' };
    case 'years':
      return { kind: 'case', period: 'case' };
    case 'persons':
      if (perCase) return { kind: 'case', period: 'case' };
      return qualifier ? { kind: 'annual-count', period: qualifier } : { kind: 'value', period: 'year' };
    default: // count, hours
      return qualifier ? { kind: 'annual-count', period: qualifier } : { kind: 'value', period: 'year' };
  }
}

const SOFT = /一般|原则上|有条件的|基本/g;
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Quantitative targets of one piece of plan text, with exact spans (offsets + `offset` into the caller's
 * input) and what could not be decided. Pure and total: it never throws, whatever the text.
 */
export function extractTargets(text: string, offset = 0): TargetExtraction {
  const { masked } = maskNonTargets(foldForMatching(text));
  const { figures, problems } = findFigures(masked);
  const targets: ParsedTarget[] = [];
  const unresolved = problems.map((p) => ({
    start: offset + p.start,
    end: offset + p.end,
    text: text.slice(p.start, p.end),
    reason: p.reason,
  }));
  const spanOf = (start: number, end: number) => ({
    start: offset + start,
    end: offset + end,
    text: text.slice(start, end),
  });
  const leave = (start: number, end: number, reason: string) => unresolved.push({ ...spanOf(start, end), reason });

  let previousEnd = 0;
  for (const figure of figures) {
    const from = Math.max(previousEnd, clauseAround(masked, figure.start).start);
    previousEnd = figure.end;
    const read = readFigure(masked, figure, from);
    if ('reason' in read) {
      if (read.reason) leave(figure.start, figure.end, read.reason);
      continue;
    }
    previousEnd = Math.max(previousEnd, read.end);
    // Subjects sharing one figure share the whole span, from the first subject to the figure.
    const start = read.subjects.length > 1 ? Math.min(read.subjects[0].start, read.start) : read.start;
    for (const subject of read.subjects) {
      // "…不少于5个工作日,最长不超过15个工作日": a clause with no words of its own speaks of the previous subject.
      const previous = targets.at(-1);
      const borrow =
        read.wordless &&
        previous &&
        sentenceAround(masked, previous.span.start - offset).start === sentenceAround(masked, read.start).start;
      targets.push({
        ...read.metric,
        subject: borrow
          ? previous.subject
          : text
              .slice(subject.start, subject.end)
              .trim()
              .replace(/^(?:一般|原则上)|(?:一般|原则上)$/g, ''),
        span: spanOf(start, read.end),
        confidence: round(read.confidence),
        notes: read.notes,
      });
    }
  }
  return { targets: absorbLeadingDates(masked, targets, offset), unresolved };
}

// Words that may stand with a date in a clause of its own ("到2023年底前,", "力争于6月底前,").
const TIME_FILLER = /^(?:到|于|在|力争|争取|今年|本年|(?:19|20)\d{2}\s*年|\s)*$/;

/**
 * "2020年年底前,建成26个试点": a clause that is only a time governs the figures of its sentence, so it is their
 * deadline (noted on them), not a milestone of its own. With no figure in the sentence it stays a date target.
 */
function absorbLeadingDates(masked: string, targets: ParsedTarget[], offset: number): ParsedTarget[] {
  const absorbed = new Set<ParsedTarget>();
  for (const date of targets.filter((t) => t.unit === 'date')) {
    const at = date.span.start - offset;
    const clause = clauseAround(masked, at);
    const rest = masked.slice(clause.start, at) + masked.slice(date.span.end - offset, clause.end);
    if (!TIME_FILLER.test(rest)) continue;
    const sentence = sentenceAround(masked, at);
    const governed = targets.filter(
      (t) => t.unit !== 'date' && t.span.start - offset >= clause.end && t.span.start - offset < sentence.end,
    );
    if (!governed.length) continue;
    absorbed.add(date);
    for (const t of governed) t.notes.push(`期限 deadline ${date.deadline} ("${date.span.text}")`);
  }
  return targets.filter((t) => !absorbed.has(t));
}

type Reading =
  | { reason: string | null }
  | {
      metric: MetricTerms;
      start: number;
      end: number;
      subjects: Bounds[];
      wordless: boolean;
      confidence: number;
      notes: string[];
    };

/** One figure read with its comparator, qualifier and subjects; `{reason}` when it is not (or not surely) a target. */
function readFigure(masked: string, figure: Figure, from: number): Reading {
  const clause = clauseAround(masked, figure.start);
  const sentence = sentenceAround(masked, figure.start);
  const notes: string[] = [];
  const pre = figure.kind === 'date' ? null : prefixComparator(masked, from, figure.start);
  const post = figure.kind === 'date' ? null : suffixComparator(masked, figure.end, figure.unit);
  if (pre && post && pre.comparator !== post.comparator)
    return { reason: `比较词矛盾 "${pre.word}" 与 "${post.word}" contradictory comparators` };
  let comparator: Comparator | null = figure.kind === 'date' ? 'lte' : (pre?.comparator ?? post?.comparator ?? null);
  const qualifier = qualifierBefore(masked, sentence.start, pre?.start ?? figure.start);
  let confidence = pre && post ? 0.95 : 0.9;
  if (comparator === null) {
    // No comparator word: a planned amount ("新建学校3所", "增长9%") is the figure itself. 100% cannot be exceeded, and
    // "100个事项实现…" counts things reaching a state, so those are floors. Written-out numbers ("一个部门") only count
    // with a 每年/每季度 qualifier; a time or a span of days needs a comparator word.
    if (figure.chinese && !(qualifier && figure.unit === 'count')) return { reason: null };
    if (!['percent', 'count', 'persons'].includes(figure.unit))
      return { reason: '有数字和单位但没有比较词 a figure with a unit but no comparator' };
    const reaching =
      figure.unit === 'count' && /^[^,。;:]{0,12}?(?:实现|达到|达标)/.test(masked.slice(figure.end, clause.end));
    comparator = (figure.unit === 'percent' && figure.value === 100) || reaching || figure.chinese ? 'gte' : 'eq';
    confidence = figure.unit === 'percent' && !figure.chinese ? 0.7 : figure.chinese ? 0.6 : 0.5;
    notes.push(
      comparator === 'eq'
        ? '没有比较词,按计划数理解 no comparator word: read as the planned figure'
        : '没有比较词,按下限理解 no comparator word: read as a floor',
    );
  }
  if (pre && pre.gap > 0) confidence -= 0.1;
  if (figure.chinese && (pre || post)) confidence -= 0.1;
  if (figure.kind === 'date' && !/前/.test(masked.slice(figure.start, figure.end))) {
    confidence = 0.8;
    notes.push('按期末日期理解 read as the last day of the period');
  }
  if (figure.repaired) {
    confidence = Math.min(confidence, 0.6);
    notes.push(`修复 repaired: ${figure.repaired}`);
  }
  const perCase = /案件|每件|每案|每宗/.test(masked.slice(clause.start, clause.end));
  const { kind, period } = classify(figure.unit, qualifier?.period ?? null, perCase);
  let start = Math.min(pre?.start ?? figure.start, figure.start);
  if (qualifier && /^\s*$/.test(masked.slice(qualifier.end, start))) start = qualifier.start;
  else if (qualifier && kind === 'annual-count') {
    confidence -= 0.05;
    notes.push(
      `"${masked.slice(qualifier.start, qualifier.end)}"取自句中前文 qualifier taken from earlier in the sentence`,
    );
  }
  for (const soft of new Set(masked.slice(clause.start, clause.end).match(SOFT) ?? []))
    notes.push(`软性限定 soft qualifier: ${soft}`);
  const end = post?.end ?? figure.end;
  let subjects: Bounds[] = pre ? sharedSubjects(masked, clause, pre) : [];
  let wordless = false;
  if (subjects.length) {
    confidence = Math.min(confidence, 0.8);
    notes.push(`一个数值对应${subjects.length}个对象 one figure shared by ${subjects.length} subjects`);
  } else {
    // The words before the figure name it ("网上可办率不低于80%"), else the words after ("至少组织开展1次旁听庭审");
    // a clause with neither ("一般为5年") speaks of the previous clause, or of the previous target's subject.
    const from = clause.start + /^\s*(?:且|并|和|及|同时)?\s*/.exec(masked.slice(clause.start))![0].length;
    const words = (a: number, b: number) => masked.slice(a, b).replace(SOFT, '').trim().length >= 2;
    if (words(from, start)) subjects = [{ start: from, end: start }];
    else if (words(end, clause.end)) subjects = [{ start: end, end: clause.end }];
    else {
      wordless = true;
      subjects = [
        clause.start > sentence.start ? clauseAround(masked, clause.start - 1) : { start: from, end: clause.end },
      ];
    }
  }
  const metric = {
    kind,
    comparator,
    unit: figure.unit,
    period,
    target: figure.kind === 'date' ? null : figure.value,
    deadline: figure.deadline,
  };
  return { metric, start, end, subjects, wordless, confidence: Math.max(0.05, Math.min(1, confidence)), notes };
}
