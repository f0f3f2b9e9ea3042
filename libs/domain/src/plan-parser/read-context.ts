import type { Comparator, MetricPeriod, MetricUnit } from '../metric';

/** What comparator words and qualifiers say around a figure. All positions are in the masked text. */
export interface ComparatorHit {
  comparator: Comparator;
  start: number;
  end: number;
  word: string;
  /** Characters between the word and the figure ("至少集中组织1次": 4). */
  gap: number;
}

export interface Bounds {
  start: number;
  end: number;
}

const SENTENCE_END = /[。;!?\n]/;
const CLAUSE_END = /[。;!?\n,:]/;

function around(text: string, pos: number, stop: RegExp): Bounds {
  let start = pos;
  while (start > 0 && !stop.test(text[start - 1])) start--;
  let end = pos;
  while (end < text.length && !stop.test(text[end])) end++;
  return { start, end };
}

/** The sentence (up to 。;!? or a line break) holding `pos`: the scope of 每年 / 每季度. */
export const sentenceAround = (text: string, pos: number) => around(text, pos, SENTENCE_END);
/** The clause (up to a comma or colon as well) holding `pos`: the scope of a comparator. */
export const clauseAround = (text: string, pos: number) => around(text, pos, CLAUSE_END);

// Words before the figure. "达" and "为" are common verbs, so they must touch the figure; "不少于…的5%",
// "至少集中组织1次" put a few words between. Longest first, so "最长不超过" wins over "不超过".
const ADJACENT: Record<string, Comparator> = {
  均达到: 'gte',
  均达: 'gte',
  达到: 'gte',
  达: 'gte',
  一般为: 'eq',
  均为: 'eq',
  为: 'eq',
};
const GAPPED: Record<string, Comparator> = {
  最长不超过: 'lte',
  最多不超过: 'lte',
  不得超过: 'lte',
  不得多于: 'lte',
  不得高于: 'lte',
  控制在: 'lte',
  不超过: 'lte',
  不多于: 'lte',
  不高于: 'lte',
  不大于: 'lte',
  不长于: 'lte',
  不得少于: 'gte',
  不得低于: 'gte',
  不低于: 'gte',
  不少于: 'gte',
  不小于: 'gte',
  不短于: 'gte',
  至少: 'gte',
  最少: 'gte',
  最低: 'gte',
};
const PREFIX = new RegExp(
  Object.keys({ ...GAPPED, ...ADJACENT })
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const MAX_GAP = 12;

/** The comparator word nearest before the figure at `figureStart`, searching from `from`. */
export function prefixComparator(text: string, from: number, figureStart: number): ComparatorHit | null {
  let best: ComparatorHit | null = null;
  for (const m of text.slice(from, figureStart).matchAll(PREFIX)) {
    const start = from + m.index!;
    const end = start + m[0].length;
    const between = text.slice(end, figureStart);
    const fits = m[0] in GAPPED ? between.length <= MAX_GAP && !/\d/.test(between) : /^\s*$/.test(between);
    if (fits) best = { comparator: GAPPED[m[0]] ?? ADJACENT[m[0]], start, end, word: m[0], gap: between.trim().length };
  }
  return best;
}

/** "80%以上", "5%以下", "20个工作日内", "7个工作日之内": the comparator word right after the figure. */
export function suffixComparator(text: string, figureEnd: number, unit: MetricUnit): ComparatorHit | null {
  const m = /^\s*(及以上|以上|及以下|以下|以内|之内|内(?![容部外涵在心设]))/.exec(text.slice(figureEnd, figureEnd + 8));
  if (!m) return null;
  // A bare "内" (within) only follows spans of time: "100%内容" is not "within 100%".
  if (m[1] === '内' && !['days', 'working-days', 'hours', 'years'].includes(unit)) return null;
  const comparator: Comparator = m[1].endsWith('以上') ? 'gte' : 'lte';
  return { comparator, start: figureEnd + m[0].length - m[1].length, end: figureEnd + m[0].length, word: m[1], gap: 0 };
}

/** The last 每年 / 每季度 / 每月 of the sentence before `pos`, if any. */
export function qualifierBefore(
  text: string,
  sentenceStart: number,
  pos: number,
): { period: MetricPeriod; start: number; end: number } | null {
  let found: { period: MetricPeriod; start: number; end: number } | null = null;
  for (const m of text.slice(sentenceStart, pos).matchAll(/每年度?|每个?季度?|每个?月/g)) {
    const period: MetricPeriod = m[0].startsWith('每年') ? 'year' : m[0].includes('季') ? 'quarter' : 'month';
    found = { period, start: sentenceStart + m.index!, end: sentenceStart + m.index! + m[0].length };
  }
  return found;
}

/** "报备率、报备及时率、规范率均达100%": the subjects sharing one figure, with their positions. */
export function sharedSubjects(text: string, clause: Bounds, hit: ComparatorHit): Bounds[] {
  const before = text[hit.start - 1];
  const listEnd = hit.word.startsWith('均') ? hit.start : before === '均' || before === '都' ? hit.start - 1 : -1;
  if (listEnd < 0) return [];
  const items: Bounds[] = [];
  for (const m of text.slice(clause.start, listEnd).matchAll(/[^、]+/g)) {
    let start = clause.start + m.index!;
    const lead = /^\s*(?:且|并|和|及|使|确保)?\s*/.exec(m[0])![0].length;
    start += items.length ? /^\s*/.exec(m[0])![0].length : lead;
    const end = clause.start + m.index! + m[0].trimEnd().length;
    if (end > start) items.push({ start, end });
  }
  return items.length >= 2 ? items : [];
}
