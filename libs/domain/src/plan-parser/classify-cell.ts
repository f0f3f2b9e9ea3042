import { CHINESE_NUMERAL_CLASS, ordinalValue } from './normalise-text';

/** Numbering schemes of Chinese plans: 一、 / （一） / 1. or 1、 / （1） / ①. Their level is decided by order of first use. */
export type Scheme = 'cn-dun' | 'cn-paren' | 'arabic' | 'arabic-paren' | 'circled';

export type CellKind =
  | { kind: 'heading'; scheme: Scheme; number: number; title: string; titleOffset: number }
  | { kind: 'task-number'; number: number }
  | { kind: 'departments' }
  | { kind: 'text' };

const CN = `[${CHINESE_NUMERAL_CLASS}]{1,4}`;
// Patterns run on folded text, so "（一）" has become "(一)" and "１．" has become "1.".
const HEADINGS: Array<[Scheme, RegExp]> = [
  ['cn-dun', new RegExp(`^(${CN})[、,]\\s*(\\S.*)$`, 's')],
  ['cn-paren', new RegExp(`^\\((${CN})\\)\\s*(\\S.*)$`, 's')],
  // "12.4" (a date or a decimal) is not heading 12, but "4.6月底前…" and "5.2021年…" are tasks 4 and 5 that open
  // with a month or a year.
  ['arabic', /^(\d{1,3})\s*[.、](?!\d(?!\d{0,3}\s*[年月]))\s*(\S.*)$/s],
  ['arabic-paren', /^\((\d{1,3})\)\s*(\S.*)$/s],
  ['circled', /^([\u2460-\u2473])\s*(\S.*)$/s],
];

/** The number a heading's marker stands for: "三" → 3, "12" → 12, "④" → 4. */
function markerValue(scheme: Scheme, marker: string): number | null {
  return scheme === 'circled' ? marker.charCodeAt(0) - 0x2460 + 1 : ordinalValue(marker);
}

/** 牵头单位/牵头部门/责任单位/责任部门/配合部门 with a colon; "责责任部门" is a typo seen in ledgers. */
export const ROLE_LABEL = /(牵头|责+任|配合|协办)(单位|部门)\s*[:]/g;

/** What a cell is, judged from its folded text alone. */
export function classifyCell(folded: string): CellKind {
  const bare = /^(\d{1,4})[.、]?$/.exec(folded);
  if (bare) return { kind: 'task-number', number: Number(bare[1]) };
  if (new RegExp(`^${ROLE_LABEL.source}`).test(folded)) return { kind: 'departments' };
  for (const [scheme, pattern] of HEADINGS) {
    const m = pattern.exec(folded);
    if (!m) continue;
    const number = markerValue(scheme, m[1]);
    if (number === null) continue;
    return { kind: 'heading', scheme, number, title: m[2], titleOffset: folded.length - m[2].length };
  }
  return { kind: 'text' };
}

/** Headings are short titles; a numbered cell with a full sentence is a task written on one line. */
export function looksLikeTitle(title: string): boolean {
  return title.length <= 40 && !/[。;;]/.test(title);
}
