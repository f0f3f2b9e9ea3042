/**
 * Numerals that are never targets: document numbers (〔2019〕11号, 【2020】6号, even 【20206号 with a lost
 * bracket), titles of laws and documents (《…2020年工作计划》), hotline numbers (12345热线, 热线8890) and short
 * quoted slogans (“12.4”, “七五”, “一网、一门、一次”, “1+1+1”). They are blanked out before figures are
 * looked for. Blanking keeps the length, so offsets found in the masked text are offsets in the original.
 */
export const MASK_CHAR = '□';

const MASKS: RegExp[] = [
  /《[^《》]*》/g, // titles of laws, plans and documents
  /[〔[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]?\s*\d{1,4}\s*号/g, // document numbers
  /(?:服务热线|热线|电话)\s*:?\s*\d{3,}|\d{3,}\s*(?:服务热线|热线|电话)/g, // hotlines
  /“[^“”\n]{1,15}”|"[^"\n]{1,15}"|‘[^‘’\n]{1,15}’|「[^「」\n]{1,15}」/g, // short quoted slogans and names
  /\d+(?:\s*\+\s*\d+)+/g, // "1+1+1" models
  /(?:19|20)\d{2}\s*-\s*\d{1,2}\s*-\s*\d{1,2}(?:\s+\d{1,2}:\d{2})?/g, // ISO dates of issue
];

/** `folded` with every non-target stretch replaced by MASK_CHAR, and the stretches masked. */
export function maskNonTargets(folded: string): { masked: string; spans: Array<{ start: number; end: number }> } {
  const chars = folded.split('');
  const spans: Array<{ start: number; end: number }> = [];
  for (const pattern of MASKS) {
    for (const m of folded.matchAll(pattern)) {
      const start = m.index!;
      const end = start + m[0].length;
      spans.push({ start, end });
      for (let i = start; i < end; i++) if (folded[i] !== '\n') chars[i] = MASK_CHAR;
    }
  }
  return { masked: chars.join(''), spans: spans.sort((a, b) => a.start - b.start) };
}
