import { FIGURE_MAX } from './figure';

/** One problem of a seed, in Chinese and in English. */
export interface SeedProblem {
  zh: string;
  en: string;
}

/** Reads one value at a path and adds what is wrong with it to `out`. */
type Rule = (value: unknown, at: string, out: SeedProblem[]) => void;
const say = (zh: string, en: string): SeedProblem => ({ zh, en });

// Enough problems to correct a seed by; a seed of a million nulls must not produce a million strings.
const MAX_PROBLEMS = 20;

const text =
  (max: number, { optional = false, blank = true } = {}): Rule =>
  (v, at, out) => {
    if (optional && v === null) return;
    if (typeof v !== 'string')
      out.push(say(`${at} 应为文字${optional ? '或 null' : ''}`, `${at} must be text${optional ? ' or null' : ''}`));
    else if (v.length > max) out.push(say(`${at} 超过 ${max} 字`, `${at} is longer than ${max} characters`));
    else if (!blank && !v.trim()) out.push(say(`${at} 为空`, `${at} is empty`));
  };
const whole =
  (min: number, max: number): Rule =>
  (v, at, out) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      out.push(say(`${at} 应为 ${min}–${max} 的整数`, `${at} must be a whole number from ${min} to ${max}`));
  };
const flag: Rule = (v, at, out) => {
  if (typeof v !== 'boolean') out.push(say(`${at} 应为 true 或 false`, `${at} must be true or false`));
};
const figure: Rule = (v, at, out) => {
  if (v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > FIGURE_MAX)
    out.push(say(`${at} 应为 0–${FIGURE_MAX} 的数或 null`, `${at} must be a number from 0 to ${FIGURE_MAX}, or null`));
};
const list =
  (item: Rule, max: number): Rule =>
  (v, at, out) => {
    if (!Array.isArray(v)) return void out.push(say(`${at} 应为列表`, `${at} must be a list`));
    if (v.length > max)
      return void out.push(
        say(`${at} 有 ${v.length} 项，超过 ${max} 项`, `${at} has ${v.length} entries, more than ${max}`),
      );
    for (let i = 0; i < v.length && out.length < MAX_PROBLEMS; i++) item(v[i], `${at}[${i}]`, out);
  };
/** An object with exactly these fields (`optional` ones may be left out); any other field is refused, not carried into the database. */
const record =
  (fields: Record<string, Rule>, optional: string[] = []): Rule =>
  (v, at, out) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return void out.push(say(`${at} 应为对象`, `${at} must be an object`));
    for (const [name, rule] of Object.entries(fields)) {
      if (out.length >= MAX_PROBLEMS) return;
      if (!(name in v)) {
        if (!optional.includes(name)) out.push(say(`缺少 ${at}.${name}`, `${at}.${name} is missing`));
      } else rule((v as Record<string, unknown>)[name], `${at}.${name}`, out);
    }
    for (const name of Object.keys(v))
      if (!(name in fields) && out.length < MAX_PROBLEMS)
        out.push(say(`${at}.${name} 不是计划的字段`, `${at}.${name} is not a field of a plan`));
  };

const NUMBER = whole(1, 100_000);
const CODE = text(64, { blank: false });
const CODES = list(CODE, 1000);
// Kinds, comparators, units and periods: checkPlanSeed names an unknown one with its metric.
const WORD = text(32);
const department = record({ code: CODE, name: text(200, { blank: false }) });
const task = record({ number: NUMBER, text: text(20_000), rawText: text(20_000) });
const secondLevel = record(
  {
    number: NUMBER,
    title: text(2000),
    leadDepartments: CODES,
    leadGroups: CODES,
    responsibleDepartments: CODES,
    responsibleGroups: CODES,
    departmentsCarriedOver: flag,
    tasks: list(task, 1000),
  },
  ['leadGroups'],
);
const firstLevel = record({ number: NUMBER, title: text(2000), children: list(secondLevel, 1000) });
const metric = record(
  {
    code: CODE,
    taskNumber: NUMBER,
    name: text(200),
    nameEn: text(200),
    kind: WORD,
    comparator: WORD,
    target: figure,
    unit: WORD,
    period: WORD,
    deadline: text(5, { optional: true }),
    source: text(20_000),
    note: text(4000, { optional: true }),
    reportingDepartments: CODES,
  },
  ['reportingDepartments'],
);
const planSeed = record({
  plan: record({
    code: CODE,
    title: text(200, { blank: false }),
    year: whole(2000, 2100),
    district: text(100),
    source: text(1000),
  }),
  departments: list(department, 1000),
  departmentGroups: list(department, 1000),
  indicators: list(firstLevel, 1000),
  metrics: list(metric, 5000),
});

/**
 * What keeps a value from being a plan seed at all (a missing list, a number where text belongs, a null task, a
 * field no seed has), as paths a reviewer can follow: `seed.metrics[3].target must be a number…`. Empty when it has
 * the shape; checkPlanSeed then judges its content.
 */
export function planSeedShapeProblems(seed: unknown): string[] {
  return planSeedShapeIssues(seed).map((p) => p.en);
}

/** The same problems, each in Chinese and English. */
export function planSeedShapeIssues(seed: unknown): SeedProblem[] {
  const out: SeedProblem[] = [];
  planSeed(seed, 'seed', out);
  return out.slice(0, MAX_PROBLEMS);
}
