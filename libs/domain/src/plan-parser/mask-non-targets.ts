/**
 * Numerals that are never targets: document numbers (〔2019〕11号, 【2020】6号, even 【20206号 with a lost
 * bracket), titles of laws and documents (《…2020年工作计划》), hotline numbers (12345热线, 热线8890), short
 * quoted slogans (“12.4”, “七五”, “一网、一门、一次”, “1+1+1”), counts of the document's own parts ("15件民生实事",
 * "4个方面", "共149项") and results (what was done: "截至…完成投资…97.6%", "已建成…3个"). They are blanked out
 * before figures are looked for. Blanking keeps the length, so offsets found in the masked text are offsets in
 * the original.
 */
export const MASK_CHAR = '□';

// A quoted rule with a bound ("“5个工作日内限时办结”") is a target, not a slogan.
const QUOTED_LIMIT = /\d\s*(?:个工作日|工作日|个自然日|小时|天|日|%)\s*(?:内|之内|以内|以上|以下)/;

const MASKS: RegExp[] = [
  /《[^《》]*》/g, // titles of laws, plans and documents
  /[〔[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]?\s*\d{1,4}\s*号/g, // document numbers
  /(?:服务热线|热线|电话)\s*:?\s*\d{3,}|\d{3,}\s*(?:服务热线|热线|电话)/g, // hotlines
  /“[^“”\n]{1,15}”|"[^"\n]{1,15}"|‘[^‘’\n]{1,15}’|「[^「」\n]{1,15}」/g, // short quoted slogans and names
  /\d+(?:\s*\+\s*\d+)+/g, // "1+1+1" models
  /(?:19|20)\d{2}\s*-\s*\d{1,2}\s*-\s*\d{1,2}(?:\s+\d{1,2}:\d{2})?/g, // ISO dates of issue
  // Counts of the document's own parts: "15件大事和民生实事", "13项政府民生实事候选项目", "4个方面", "共149项".
  /(?:\d+|[一二三四五六七八九十百]+)\s*(?:件|项|个方面|大)(?=[^,,。;;:\n]{0,16}?(?:实事|大事|任务|工作|方面|措施|举措|内容))/g,
  /共\s*\d+\s*(?:项|件|条)(?=\s*(?:[,,。;;]|$))/g,
];

// What was done, not what is to be done: a result cue masks from the start of its clause to the end of the
// line, unless a target cue ("预期目标", "力争") comes first.
const RESULT_CUE =
  /截至|截止到|累计|共(?:接收|受理|办结|完成|建成|帮助|投入)|已经?(?:完成|建成|开工|进场|启动|实施|办结|签订|投入)|正在|取得(?:了)?(?:显著|明显|积极|良好|重大)?成效|成效显著|获悉|表决|出炉/g;
const TARGET_CUE = /预期目标|主要目标|工作目标|目标任务|力争|下一步/g;
const BOUND_WORD = /不低于|不少于|不高于|不超过|不得少于|不得超过|以上|以内|达到|控制在|确保|力争/;
// A clause that turns to what is to come ("…共完成1.2万人次，2023年继续开展…不少于1.5万人次") ends the result's mask.
const CLAUSE_TARGET_CUE = /[,;]\s*(?:(?:19|20)\d{2}\s*年\s*)?(?:继续|今年|明年|将|计划|拟|确保|要)/g;

function resultSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const base = line.index!;
    const resets = [...line[0].matchAll(TARGET_CUE), ...line[0].matchAll(CLAUSE_TARGET_CUE)]
      .map((m) => m.index!)
      .sort((a, b) => a - b);
    for (const cue of line[0].matchAll(RESULT_CUE)) {
      let start = cue.index!;
      // Back to the start of its sentence, but not over a clause that states a target with a bound word:
      // "确保办结率不低于95%,已办结120件" keeps the target before the result.
      let sentence = start;
      while (sentence > 0 && !/[。;;!?]/.test(line[0][sentence - 1])) sentence--;
      while (start > sentence && !/,/.test(line[0][start - 1])) start--;
      if (!BOUND_WORD.test(line[0].slice(sentence, start))) start = sentence;
      const end = resets.find((r) => r > cue.index!) ?? line[0].length;
      if (!spans.length || base + start >= spans.at(-1)![1]) spans.push([base + start, base + end]);
      else spans.at(-1)![1] = Math.max(spans.at(-1)![1], base + end);
    }
  }
  return spans;
}

/** `folded` with every non-target stretch replaced by MASK_CHAR, and the stretches masked. */
export function maskNonTargets(folded: string): { masked: string; spans: Array<{ start: number; end: number }> } {
  const chars = folded.split('');
  const spans: Array<{ start: number; end: number }> = [];
  const blank = (start: number, end: number) => {
    spans.push({ start, end });
    for (let i = start; i < end; i++) if (folded[i] !== '\n') chars[i] = MASK_CHAR;
  };
  for (const pattern of MASKS) {
    for (const m of folded.matchAll(pattern))
      if (!(/^[“"‘「]/.test(m[0]) && QUOTED_LIMIT.test(m[0]))) blank(m.index!, m.index! + m[0].length);
  }
  for (const [start, end] of resultSpans(folded)) blank(start, end);
  return { masked: chars.join(''), spans: spans.sort((a, b) => a.start - b.start) };
}
