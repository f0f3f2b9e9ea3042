/*
 * Reads the State Council's yearly holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知) as published:
 * the year from its title, and from each numbered item (一、元旦：… 二、春节：…) every day off and every
 * make-up working day (调休上班). Only the numbered items are read: the 新华社 opening line, the preamble
 * ("国庆节自10月1日起放假调休7天") and the signature carry dates that are not arrangements.
 *
 * A sentence of an item is read only when every date in it is accounted for and checks out (a weekday written
 * beside a date matches it, 共N天 matches the days given, a make-up day is a weekend); otherwise it is listed
 * as unread and none of its dates are taken, so a misreading is shown to the admin instead of stored.
 */

/** read: its dates were taken; unread: it speaks of days off or work but could not be read; ignored: not an arrangement (鼓励…休息). */
export type NoticeSentenceState = 'read' | 'unread' | 'ignored';

export interface NoticeSentence {
  /** The item's heading (元旦, 国庆节、中秋节…) and the sentence as written, punctuation normalised. */
  item: string;
  text: string;
  state: NoticeSentenceState;
  /** Why a sentence was not read or was passed over, in Chinese and English. */
  noteZh?: string;
  noteEn?: string;
}

export interface NoticeReading {
  /** The year the notice arranges; null when the text names none. */
  year: number | null;
  /** Days off of the year (weekend days inside a break included), sorted. */
  holidays: string[];
  /** Make-up working days (调休上班) of the year, sorted. */
  workingDays: string[];
  /** Days of the neighbouring years the notice also arranges (the 元旦 break of 2019 began on 2018-12-30). */
  otherYears: { date: string; kind: 'holiday' | 'workday' }[];
  /** Every sentence of the numbered items, in order. */
  sentences: NoticeSentence[];
  /** The sentences that could not be read. */
  unread: string[];
}

const ITEM_HEADING = /^([一二三四五六七八九十]+)、([^:：。,，]{1,24})[:：](.*)$/;
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Full-width punctuation and digits to ASCII, so that one set of patterns reads every style. */
export function normaliseNoticeText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000\u00a0\u200b]+/g, '');
}

/** The year of the title (which may be wrapped over two lines), else of "现将XXXX年…通知如下". */
function readYear(text: string): number | null {
  const flat = text.replace(/\n/g, '');
  const title = /关于(\d{4})年(?:部分)?节假日安排/.exec(flat) ?? /现将(\d{4})年/.exec(flat);
  return title ? Number(title[1]) : null;
}

/** The numbered items, each with its heading and body; a body wrapped over several lines is joined again. */
function items(text: string): { heading: string; body: string }[] {
  const found: { heading: string; body: string }[] = [];
  let open: { heading: string; body: string } | null = null;
  for (const line of text.split('\n').filter((l) => l.length > 0)) {
    const m = ITEM_HEADING.exec(line);
    if (m) {
      open = { heading: m[2], body: m[3] };
      found.push(open);
    } else if (open && !/[。.]$/.test(open.body)) {
      open.body += line; // a pasted item broken across lines
    } else {
      open = null;
    }
  }
  return found;
}

interface DateToken {
  iso: string;
  /** Where the token ends in the clause, so a following 至 can be found. */
  end: number;
  start: number;
  weekdayWritten: number | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysFromTo(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 40; d = addDaysIso(d, 1)) out.push(d);
  return out;
}

const isWeekend = (iso: string) => weekdayOf(iso) === 0 || weekdayOf(iso) === 6;

class Unreadable extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/**
 * The dates of a clause in order: "2018年12月30日", "1月28日(农历除夕、周二)", "6日" (month carried over from
 * the date before it; into the next year when the month would go backwards, as in 12月31日至1月2日).
 */
function dateTokens(clause: string, context: { year: number; month: number | null }): DateToken[] {
  const tokens: DateToken[] = [];
  const pattern = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
  for (let m = pattern.exec(clause); m; m = pattern.exec(clause)) {
    let year = m[1] ? Number(m[1]) : context.year;
    const explicitMonth = m[2] ? Number(m[2]) : null;
    if (explicitMonth === null && context.month === null)
      throw new Unreadable(`"${m[0]}" 没有月份`, `"${m[0]}" has no month`);
    const month = explicitMonth ?? context.month!;
    const previous = tokens[tokens.length - 1];
    if (!m[1] && previous && `${year}-${pad(month)}` < previous.iso.slice(0, 7)) year += 1;
    const day = Number(m[3]);
    if (!isRealDate(year, month, day))
      throw new Unreadable(`${year}年${month}月${day}日不是真实日期`, `${year}-${month}-${day} is not a real date`);
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    const weekday = /(?:星期|周|礼拜)([日天一二三四五六])/.exec(m[4] ?? '');
    const weekdayWritten = weekday ? WEEKDAYS[weekday[1]] : null;
    if (weekdayWritten !== null && weekdayWritten !== weekdayOf(iso)) {
      const actual = weekdayOf(iso);
      throw new Unreadable(
        `${iso} 是${WEEKDAY_ZH[actual]}，与括号中所写的"${m[4]}"不符`,
        `${iso} is a ${WEEKDAY_EN[actual]}: the weekday written beside it ("${m[4]}") does not match`,
      );
    }
    tokens.push({ iso, start: m.index, end: m.index + m[0].length, weekdayWritten });
    context.year = year;
    context.month = month;
  }
  return tokens;
}

/** The days a clause names: single dates, and every day of an "A至B" range. */
function daysOfClause(clause: string, tokens: DateToken[]): string[] {
  const days: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (next && /^(至|到|-|—|~)$/.test(clause.slice(tokens[i].end, next.start))) {
      if (next.iso < tokens[i].iso)
        throw new Unreadable(
          `${tokens[i].iso} 至 ${next.iso} 的终点早于起点`,
          `${tokens[i].iso} to ${next.iso} ends before it begins`,
        );
      days.push(...daysFromTo(tokens[i].iso, next.iso));
      i++;
    } else {
      days.push(tokens[i].iso);
    }
  }
  return days;
}

interface SentenceDays {
  holidays: string[];
  workdays: string[];
}

/** One sentence of an item: "1月28日(…)至2月4日(…)放假调休,共8天" or "1月26日(周日)、2月8日(周六)上班". */
function readSentence(sentence: string, context: { year: number; month: number | null }): SentenceDays {
  const result: SentenceDays = { holidays: [], workdays: [] };
  let daysOffInSentence: string[] = [];
  let joinWeekend = false;
  for (const clause of sentence.split(/[,;]/).filter((c) => c.length > 0)) {
    const tokens = dateTokens(clause, context);
    const stated = /共(\d+)天/.exec(clause);
    if (stated) {
      const counted = new Set(daysOffInSentence).size;
      if (counted !== Number(stated[1])) {
        throw new Unreadable(
          `所列放假日共 ${counted} 天，与"共${stated[1]}天"不符`,
          `The days off listed come to ${counted}, not the ${stated[1]} stated`,
        );
      }
    }
    if (/与周末连休/.test(clause)) joinWeekend = true;
    if (tokens.length === 0) continue;
    const days = daysOfClause(clause, tokens);
    if (/上班/.test(clause)) {
      const weekday = days.find((d) => !isWeekend(d));
      if (weekday)
        throw new Unreadable(`调休上班日 ${weekday} 不是周末`, `Make-up working day ${weekday} is not a weekend day`);
      result.workdays.push(...days);
    } else if (/放假|补休|休息|调休/.test(clause)) {
      result.holidays.push(...days);
      daysOffInSentence.push(...days);
    } else {
      throw new Unreadable(
        `看不出"${clause}"中的日期是放假还是上班`,
        `Cannot tell whether the dates in "${clause}" are days off or working days`,
      );
    }
  }
  if (joinWeekend) {
    // "5月1日放假,与周末连休": the weekend next to the holiday belongs to the break.
    daysOffInSentence = [...new Set(daysOffInSentence)].sort();
    if (daysOffInSentence.length > 0) {
      for (let d = addDaysIso(daysOffInSentence[0], -1); isWeekend(d); d = addDaysIso(d, -1)) result.holidays.push(d);
      for (let d = addDaysIso(daysOffInSentence[daysOffInSentence.length - 1], 1); isWeekend(d); d = addDaysIso(d, 1))
        result.holidays.push(d);
    }
  }
  return result;
}

/** Sentences with no date that still speak of days off or work: the admin should see them. */
const ARRANGEMENT_WORDS = /放假|上班|补休|调休|休息/;
const HARMLESS = /^(?:不调休|共\d+天|与周末连休|[,;])+$/;
/** An encouragement ("鼓励各单位…安排职工在除夕(2月9日)休息") names a day but arranges nothing. */
const NOT_AN_ARRANGEMENT = /鼓励|提倡|倡导|建议/;

export function readHolidayNotice(text: string): NoticeReading {
  const normalised = normaliseNoticeText(text);
  const year = readYear(normalised);
  const sentences: NoticeSentence[] = [];
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { heading, body } of items(normalised)) {
    const context = { year: year ?? 0, month: null as number | null };
    for (const raw of body.split(/[。]/)) {
      const sentence = raw.replace(/\.$/, '');
      if (sentence.length === 0) continue;
      const hasDate = /\d{1,2}日/.test(sentence);
      if (NOT_AN_ARRANGEMENT.test(sentence)) {
        sentences.push({
          item: heading,
          text: sentence,
          state: 'ignored',
          noteZh: '倡议，不是放假安排',
          noteEn: 'An encouragement, not an arrangement',
        });
        continue;
      }
      if (!hasDate) {
        if (ARRANGEMENT_WORDS.test(sentence) && !HARMLESS.test(sentence)) {
          sentences.push({
            item: heading,
            text: sentence,
            state: 'unread',
            noteZh: '没有日期，无法读出安排',
            noteEn: 'No date: no arrangement can be read',
          });
        }
        continue;
      }
      if (year === null) {
        sentences.push({
          item: heading,
          text: sentence,
          state: 'unread',
          noteZh: '通知中找不到年份',
          noteEn: 'The notice names no year',
        });
        continue;
      }
      try {
        const saved = { ...context };
        const days = readSentence(sentence, context);
        const clash =
          days.holidays.find((d) => days.workdays.includes(d) || workdays.has(d)) ??
          days.workdays.find((d) => holidays.has(d));
        if (clash) {
          Object.assign(context, saved);
          throw new Unreadable(`${clash} 既是放假日又是上班日`, `${clash} is both a day off and a working day`);
        }
        days.holidays.forEach((d) => holidays.add(d));
        days.workdays.forEach((d) => workdays.add(d));
        sentences.push({ item: heading, text: sentence, state: 'read' });
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        sentences.push({ item: heading, text: sentence, state: 'unread', noteZh: error.zh, noteEn: error.en });
      }
    }
  }
  const inYear = (d: string) => year !== null && d.startsWith(`${year}-`);
  const otherYears = [
    ...[...holidays].filter((d) => !inYear(d)).map((date) => ({ date, kind: 'holiday' as const })),
    ...[...workdays].filter((d) => !inYear(d)).map((date) => ({ date, kind: 'workday' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return {
    year,
    holidays: [...holidays].filter(inYear).sort(),
    workingDays: [...workdays].filter(inYear).sort(),
    otherYears,
    sentences,
    unread: sentences.filter((s) => s.state === 'unread').map((s) => `${s.item}：${s.text}`),
  };
}
