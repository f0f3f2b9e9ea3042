import type { MetricUnit } from '../metric';
import { CHINESE_NUMERAL_CLASS, chineseNumberValue } from './normalise-text';

/** A number with its unit ("80%", "5个工作日", "一次") or a date ("1月31日前", "第一季度"), found in masked text. */
export interface Figure {
  start: number;
  end: number;
  kind: 'quantity' | 'date';
  value: number | null;
  unit: MetricUnit;
  /** "MM-DD" for dates. */
  deadline: string | null;
  /** Written in Chinese characters ("一次"): in prose these are mostly ordinary words, so they need support. */
  chinese: boolean;
  /** A repaired reading (a lost character); lowers confidence. */
  repaired: string | null;
}

export interface FigureProblem {
  start: number;
  end: number;
  reason: string;
}

const CN = `[${CHINESE_NUMERAL_CLASS}]+`;
// Longest units first: "5个工作日" is working days, not "5个".
const UNITS: Array<[string, MetricUnit | null]> = [
  ['个工作日', 'working-days'],
  ['工作日', 'working-days'],
  ['个自然日', 'days'],
  ['自然日', 'days'],
  ['个月', null],
  ['%', 'percent'],
  ['学时', 'hours'],
  ['课时', 'hours'],
  ['小时', 'hours'],
  ['人次', 'count'],
  ['名', 'persons'],
  ['人', 'persons'],
  ['日', 'days'],
  ['天', 'days'],
  ['次', 'count'],
  ['个', 'count'],
  ['项', 'count'],
  ['件', 'count'],
  ['家', 'count'],
  ['场次', 'count'],
  ['户', 'count'],
  ['所', 'count'],
  ['处', 'count'],
  ['台', 'count'],
  ['座', 'count'],
  ['条', 'count'],
  ['株', 'count'],
  ['册', 'count'],
  ['张', 'count'],
  ['片', 'count'],
  ['层', 'count'],
  ['辆', 'count'],
  ['套', 'count'],
  ['间', 'count'],
  ['栋', 'count'],
  ['场', 'count'],
  ['年', 'years'],
];
const UNIT_OF = new Map(UNITS);
// Spaces may stand between a number and its counter ("不少于 1 次"), a line break may not (table cells); "5万人" is 50000.
const QUANTITY = new RegExp(
  `(\\d+(?:\\.\\d+)?|${CN})[ \\t]*(万[ \\t]*)?(${UNITS.map(([u]) => u).join('|')})|百分之(${CN}(?:点${CN})?)`,
  'g',
);
const BEFORE = '(?:之前|以前|前)';
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number) => String(n).padStart(2, '0');
const validDate = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1];
const monthEnd = (m: number) => `${pad(m)}-${pad(m === 2 ? 28 : MONTH_DAYS[m - 1])}`;

const overlapsAny = (spans: Array<[number, number]>, s: number, e: number) => spans.some(([a, b]) => s < b && a < e);

/** Dates, and spans that hold numbers but are not quantities (calendar years, dates without 前). */
function findDates(text: string): { dates: Figure[]; claimed: Array<[number, number]>; problems: FigureProblem[] } {
  const dates: Figure[] = [];
  const claimed: Array<[number, number]> = [];
  const problems: FigureProblem[] = [];
  const date = (start: number, end: number, deadline: string, repaired: string | null = null) =>
    dates.push({ start, end, kind: 'date', value: null, unit: 'date', deadline, chinese: false, repaired });
  for (const m of text.matchAll(new RegExp(`(每年)?(\\d{1,2})月(\\d{1,2})日(${BEFORE})?`, 'g'))) {
    claimed.push([m.index!, m.index! + m[0].length]);
    // A date is a deadline when it says "before" or recurs each year; otherwise it is a date of issue or an event.
    if ((m[1] || m[4]) && validDate(+m[2], +m[3]))
      date(m.index!, m.index! + m[0].length, `${pad(+m[2])}-${pad(+m[3])}`);
  }
  // "到2023年底", "到2023年,": a milestone at the end of that (possibly later) year.
  for (const m of text.matchAll(/到\s*(?:19|20)\d{2}\s*年(?:底|末)?(?:前)?(?=\s*[,。;,])/g)) {
    const start = m.index! + 1;
    claimed.push([start, m.index! + m[0].length]);
    date(start, m.index! + m[0].length, '12-31');
  }
  for (const m of text.matchAll(new RegExp(`(每年)?第?([一二三四1-4])季度(?:末)?(${BEFORE})?`, 'g'))) {
    claimed.push([m.index!, m.index! + m[0].length]);
    date(m.index!, m.index! + m[0].length, QUARTER_END[(chineseNumberValue(m[2]) ?? +m[2]) - 1]);
  }
  for (const m of text.matchAll(new RegExp(`每个?月月?(?:底|末)${BEFORE}?`, 'g'))) {
    claimed.push([m.index!, m.index! + m[0].length]);
    problems.push({
      start: m.index!,
      end: m.index! + m[0].length,
      reason: '每月截止日无法写成一个 MM-DD a monthly deadline is not one MM-DD',
    });
  }
  for (const m of text.matchAll(new RegExp(`(\\d{1,2}|${CN})月(?:底|末)(${BEFORE})?`, 'g'))) {
    const month = chineseNumberValue(m[1]) ?? +m[1];
    if (overlapsAny(claimed, m.index!, m.index! + m[0].length) || !(month >= 1 && month <= 12)) continue;
    claimed.push([m.index!, m.index! + m[0].length]);
    date(m.index!, m.index! + m[0].length, monthEnd(month));
  }
  // "6月开工", "7月完工": a milestone month means its last day.
  for (const m of text.matchAll(
    new RegExp(`(\\d{1,2}|${CN})月(?=份?(?:开工|完工|竣工|建成|投用|投入使用|启动|上线|开通))`, 'g'),
  )) {
    const month = chineseNumberValue(m[1]) ?? +m[1];
    if (overlapsAny(claimed, m.index!, m.index! + m[0].length) || !(month >= 1 && month <= 12)) continue;
    if (/[\d-]$/.test(text.slice(Math.max(0, m.index! - 1), m.index!))) continue; // "1-11月": a span of months
    claimed.push([m.index!, m.index! + m[0].length]);
    date(m.index!, m.index! + m[0].length, monthEnd(month));
  }
  // "年内完工": the end of the plan year, when the clause says nothing more.
  for (const m of text.matchAll(/年内(?:完工|竣工)(?=\s*(?:[,。;,]|$))/g)) {
    claimed.push([m.index!, m.index! + m[0].length]);
    date(m.index!, m.index! + m[0].length, '12-31');
  }
  for (const m of text.matchAll(new RegExp(`(?:年底|年末)${BEFORE}`, 'g'))) {
    if (overlapsAny(claimed, m.index!, m.index! + m[0].length)) continue;
    claimed.push([m.index!, m.index! + m[0].length]);
    date(m.index!, m.index! + m[0].length, '12-31');
  }
  // "每年131日前": the 月 was lost. Recover only when exactly one split gives a valid month and day.
  for (const m of text.matchAll(new RegExp(`(每年|于|在)(\\d{3,4})日${BEFORE}`, 'g'))) {
    const digits = m[2];
    const start = m.index! + (m[1] === '每年' ? 0 : m[1].length);
    const end = m.index! + m[0].length;
    claimed.push([start, end]);
    const readings = [1, 2]
      .map((cut) => [Number(digits.slice(0, cut)), Number(digits.slice(cut))] as const)
      .filter(([mo, d], i) => digits[i + 1] !== '0' && validDate(mo, d));
    if (readings.length === 1)
      date(
        start,
        end,
        `${pad(readings[0][0])}-${pad(readings[0][1])}`,
        `"${digits}日" read as ${readings[0][0]}月${readings[0][1]}日 (a lost 月)`,
      );
    else
      problems.push({
        start,
        end,
        reason: `"${digits}日"不是有效日期或有多种读法 not a date, or more than one reading of a lost 月`,
      });
  }
  for (const m of text.matchAll(/(?:19|20)\d{2}\s*年(?:度)?/g)) claimed.push([m.index!, m.index! + m[0].length]); // calendar years
  return { dates, claimed, problems };
}

/** Every figure of `text` (folded and masked), in order, and the figures that cannot be read. */
export function findFigures(text: string): { figures: Figure[]; problems: FigureProblem[] } {
  const { dates, claimed, problems } = findDates(text);
  const figures: Figure[] = [...dates];
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (overlapsAny(claimed, start, end)) continue;
    if (m[4] !== undefined) {
      const [whole, fraction] = m[4].split('点');
      const value = Number(
        `${chineseNumberValue(whole)}${fraction ? `.${[...fraction].map((c) => chineseNumberValue(c)).join('')}` : ''}`,
      );
      figures.push({
        start,
        end,
        kind: 'quantity',
        value,
        unit: 'percent',
        deadline: null,
        chinese: true,
        repaired: null,
      });
      continue;
    }
    const chinese = !/^\d/.test(m[1]);
    const before = text.slice(Math.max(0, start - 1), start);
    // "第一", "某一", "之一": ordinals and ordinary words; "统一" and the like end in 一 but are words too.
    if (chinese && /[第某之统唯单同进万]$/.test(before)) continue;
    // "第8条", "s356", "12.5": ordinals, codes and the tail of another number.
    if (!chinese && /[\d.第a-zA-Z]$/.test(before)) continue;
    const base = chinese ? chineseNumberValue(m[1]) : Number(m[1]);
    const unit = UNIT_OF.get(m[3]);
    if (base === null) continue;
    if (unit === null || unit === undefined) {
      if (!chinese)
        problems.push({ start, end, reason: `单位"${m[3]}"不在指标单位中 unit "${m[3]}" is not a metric unit` });
      continue;
    }
    const value = m[2] ? Math.round(base * 10000) : base;
    figures.push({ start, end, kind: 'quantity', value, unit, deadline: null, chinese, repaired: null });
  }
  return { figures: figures.sort((a, b) => a.start - b.start), problems };
}
