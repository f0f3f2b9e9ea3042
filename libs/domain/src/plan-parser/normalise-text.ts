/**
 * Text normalisation for matching. The parser must report exact source offsets, so the folding used
 * for matching maps every UTF-16 unit to exactly one unit: a regex run on the folded copy finds the
 * same offsets in the original.
 */

/** Full-width ASCII (０-９, ％, （, ，, ：…) to ASCII, odd spaces to " ". Same length as the input. */
export function foldForMatching(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000 || code === 0x00a0 || code === 0x2002 || code === 0x2003 || code === 0x200b) out += ' ';
    else out += text[i];
  }
  return out;
}

/** Collapses every run of whitespace (including line breaks) to one space and trims: for comparing texts. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Characters that make up a written-out Chinese number. */
export const CHINESE_NUMERAL_CLASS = '零〇一二两三四五六七八九十百千万';

/** Value of a written-out Chinese number ("一" → 1, "十二" → 12, "一百零五" → 105); null if it is not one. */
export function chineseNumberValue(text: string): number | null {
  if (!text || ![...text].every((c) => c in DIGITS || c in POWERS)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      digit = DIGITS[c];
      continue;
    }
    const power = POWERS[c];
    if (power === 10000) {
      total = (total + section + (digit ?? 0)) * 10000;
      section = 0;
    } else {
      section += (digit ?? 1) * power; // "十二": a leading 十 means one ten
    }
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/** Value of a heading's ordinal, Arabic or Chinese ("3" → 3, "十一" → 11). */
export function ordinalValue(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : chineseNumberValue(text);
}
