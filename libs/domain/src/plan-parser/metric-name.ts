/**
 * A metric's name, made from the words the parser found before its figure. Those words are cut from running
 * text: they start with list markers and dates ("(3)", "*", "2021年", "年底前") and end with the verb or particle
 * that leads to the figure ("压缩至", "要", "在", "达到"). A name says *what* is measured, so both ends are trimmed;
 * a bare verb ("新增", "完成") takes the object that follows the figure ("新增15家托育机构" → 新增托育机构); nothing
 * left, the task's first clause stands in.
 */

const NAME_MAX = 40;
const CN = '零〇一二两三四五六七八九十百千万';

// Leading list markers: (3) （三） 3、 3. ① * ＊ ★ 一、 01
const LEADING_MARKER = new RegExp(
  `^(?:[(（][0-9${CN}]{1,3}[)）]|[0-9]{1,3}[、.．](?!\\d)|[${CN}]{1,3}、|[①-⑳]|[*＊★●·•\\-—])\\s*`,
);
// Leading time and framing words: 2021年, 今年, 年内, 年底前, 到2023年底, 6月底前, 第一季度, 上半年, 于, 到, 力争
const LEADING_TIME = new RegExp(
  `^(?:(?:力争|争取|计划|确保)?(?:于|到|在)?\\s*(?:(?:19|20)\\d{2}\\s*年(?:底|末|内)?|今年|本年|年内|年底|年末|全年|上半年|下半年|[0-9${CN}]{1,2}\\s*月(?:底|末|份)?|第?[一二三四1-4]\\s*季度(?:末)?)(?:前|之前|以前)?[,，、\\s]*)+`,
);
// Trailing verbs and particles that lead to the figure; longest first, peeled repeatedly.
const TRAILING = [
  '压缩到',
  '压缩至',
  '缩短到',
  '缩短至',
  '控制在',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '降低到',
  '降低至',
  '减少到',
  '减少至',
  '做到',
  '不低于',
  '不少于',
  '不超过',
  '不高于',
  '不多于',
  '达到',
  '保持在',
  '稳定在',
  '分别为',
  '分别达',
  '均达到',
  '均达',
  '均为',
  '要求',
  '应当',
  '要',
  '应',
  '须',
  '需',
  '在',
  '于',
  '由',
  '为',
  '达',
  '至',
  '到',
  '的',
  '均',
  '分别',
  '有',
  '是',
  '共',
  '累计',
  '总计',
  '合计',
  '约',
  '超过',
];
// A name that is only one of these says what is done, not to what.
const BARE_VERB =
  /^(?:新增|新建|新建改建|新建、更新|新改扩建|改建|改造|扩建|建成|建设|完成|开工|完工|竣工|计划竣工|实施|实施并完成|开展|组织|帮助|培训|增加|提供|启用|打通|配送|创建|举办|招募|解决|安置)$/;
// Words whose last character is also a particle: "违法行为" keeps its 为.
const WORD_END = /(?:行为|作为|成为|认为|等于|属于|存在|现在|所在|所有|具有|拥有|到达|表达|满意度|覆盖率)$/;
const PUNCTUATION = /[,，;；。:：!！?？、\s]+/;

const trimEnds = (s: string) => s.replace(/^[\s,，;；。:：、“”"'()（）]+|[\s,，;；。:：、“"'(（]+$/g, '');

function peelStart(s: string): string {
  let prev: string;
  do {
    prev = s;
    s = trimEnds(s.replace(LEADING_MARKER, '').replace(LEADING_TIME, ''));
  } while (s !== prev);
  return s;
}

function peelEnd(s: string): string {
  let prev: string;
  do {
    prev = s;
    const word = WORD_END.test(s) ? undefined : TRAILING.find((w) => s.endsWith(w) && s.length > w.length);
    if (word) s = trimEnds(s.slice(0, -word.length));
  } while (s !== prev);
  return s;
}

/** Of a list of figures ("修复堰塘1座、建设机电井7座、农桥"), the item the figure belongs to: what follows the last figure and its counter. */
function lastItem(s: string): string {
  const cut = s.match(/^.*\d[^,，;；、]*[、,，;；]/);
  return cut ? s.slice(cut[0].length) : s;
}

/** At most NAME_MAX characters, keeping the clause nearest the figure. */
function bounded(s: string): string {
  if (s.length <= NAME_MAX) return s;
  const clauses = s.split(/[,，;；。:：!！?？\s]+/).filter(Boolean);
  const last = clauses[clauses.length - 1] ?? s;
  return last.length <= NAME_MAX ? last : last.slice(-NAME_MAX);
}

/** The object after a figure and its counter: "15家托育机构,…" → 托育机构. */
function objectAfter(after: string): string {
  const rest = after.replace(
    /^[\s]*(?:[0-9.]+|[零〇一二两三四五六七八九十百千万]+)?\s*(?:万|千|百)?\s*(?:个|家|所|座|条|处|台|套|场次|场|次|户|人次|人|名|辆|张|间|项|公里|千米|米|平方米|亩|吨|册|部|件|支|批|片|栋|幢|班|类)?/,
    '',
  );
  const clause = rest.split(PUNCTUATION)[0] ?? '';
  return /\d/.test(clause) ? '' : clause.slice(0, 16);
}

const readsAsName = (s: string) =>
  s.length >= 2 && /\p{Script=Han}/u.test(s) && !/^\d/.test(s) && !/^[\d\s年月日底前内]+$/.test(s);

/**
 * The name of a metric read from plan text. `subject`: the words before the figure; `after`: the text right
 * after the target's words (for a bare verb's object); `task`: the task's text (the last resort).
 */
export function metricName(subject: string, context: { after?: string; task?: string } = {}): string {
  // "01 新建幼儿园": a row number set off by a space is a marker too.
  const plain = subject.replace(/^\s*\d{1,3}\s+(?=\D)/, '').replace(/\s+/g, '');
  let name = peelEnd(peelStart(lastItem(peelStart(plain))));
  if (!name && plain) name = peelEnd(peelStart(plain.replace(/[0-9.]+%?[、,，]?$/, '')));
  if (BARE_VERB.test(name) || (name && !readsAsName(name))) {
    const object = peelEnd(objectAfter(context.after ?? ''));
    name =
      readsAsName(name) && object && !object.startsWith(name)
        ? `${name}${object}`
        : readsAsName(object)
          ? object
          : name;
  }
  if (!readsAsName(name)) {
    const first = (context.task ?? '')
      .split(PUNCTUATION)
      .map((c) => peelEnd(peelStart(c)))
      .find((c) => readsAsName(c) && !/[/.]/.test(c));
    if (first) name = first;
  }
  return bounded(name || plain.slice(0, NAME_MAX));
}
