import type { MetricDefinition } from './metric';
import type { ReportingPeriod } from './period';
import type { SeedProblem } from './plan-seed-shape';

/** A plan's live structure in outline order: first levels, their second levels, their tasks (ids only). */
export interface PlanOutline {
  firsts: Array<{ id: number; children: Array<{ id: number; tasks: number[] }> }>;
}

/** The numbers a live structure takes: first levels 1…n, second levels 1…n and tasks 1…n across the whole plan, in outline order (as a ledger numbers them). */
export interface OutlineNumbers {
  indicators: Map<number, number>;
  tasks: Map<number, number>;
}

export function numberOutline(outline: PlanOutline): OutlineNumbers {
  const indicators = new Map<number, number>();
  const tasks = new Map<number, number>();
  let second = 0;
  let task = 0;
  outline.firsts.forEach((first, i) => {
    indicators.set(first.id, i + 1);
    for (const child of first.children) {
      indicators.set(child.id, ++second);
      for (const id of child.tasks) tasks.set(id, ++task);
    }
  });
  return { indicators, tasks };
}

/** The siblings with `id` moved to position `to` (0-based, clamped to the list); the others keep their order. Unknown id: unchanged. */
export function moveWithin<T>(siblings: readonly T[], idOf: (item: T) => number, id: number, to: number): T[] {
  const from = siblings.findIndex((s) => idOf(s) === id);
  if (from < 0) return [...siblings];
  const rest = siblings.filter((_, i) => i !== from);
  const at = Math.max(0, Math.min(rest.length, Math.trunc(to)));
  return [...rest.slice(0, at), siblings[from], ...rest.slice(at)];
}

/** What stands on a metric: figures, notices (督办单) and comments are its record and are never destroyed. */
export interface MetricRecord {
  submissions: number;
  notices: number;
  comments: number;
}

/** A metric with no record may be deleted; one with any record can only be retired, so that its history stays readable. */
export function canDeleteMetric(record: MetricRecord): boolean {
  return record.submissions === 0 && record.notices === 0 && record.comments === 0;
}

/**
 * What retiring a metric on `retiredOn` (YYYY-MM-DD) means for its periods: those that ended before that day keep their
 * figures and evaluations as history (`kept`); the others are no longer due, judged or chased (`dropped`).
 */
export function retirementOfPeriods(
  periods: readonly ReportingPeriod[],
  retiredOn: string,
): { kept: string[]; dropped: string[] } {
  const kept: string[] = [];
  const dropped: string[] = [];
  for (const p of periods) (p.end < retiredOn ? kept : dropped).push(p.key);
  return { kept, dropped };
}

export interface CopiedPlanIdentity {
  code: string;
  title: string;
  year: number;
  district: string;
  source: string;
}

const CODE_MAX = 64;

/**
 * The identity of next year's copy: the year moved on by one in the code and title where they name it (红桥区2020年… →
 * 红桥区2021年…), else added; the source says which plan it was copied from.
 */
export function nextYearIdentity(plan: CopiedPlanIdentity): CopiedPlanIdentity {
  const year = plan.year + 1;
  const from = String(plan.year);
  const to = String(year);
  const at = plan.code.lastIndexOf(from);
  const code =
    at >= 0
      ? plan.code.slice(0, at) + to + plan.code.slice(at + from.length)
      : `${plan.code.slice(0, CODE_MAX - to.length - 1)}-${to}`;
  const title = plan.title.includes(from) ? plan.title.split(from).join(to) : `${plan.title}（${to}年）`;
  return { code, title, year, district: plan.district, source: `${COPY_SOURCE}${plan.code}` };
}

const COPY_SOURCE = 'copy of ';

/** Whether a plan was started from last year's (its source names the plan it was copied from). */
export function isNextYearCopy(plan: Pick<CopiedPlanIdentity, 'source'>): boolean {
  return plan.source.startsWith(COPY_SOURCE);
}

/** A deadline "MM-DD" in the next year: the same day, except 02-29, which becomes 02-28 outside leap years. */
export function nextYearDeadline(deadline: string | null, nextYear: number): string | null {
  if (deadline !== '02-29') return deadline;
  const leap = (nextYear % 4 === 0 && nextYear % 100 !== 0) || nextYear % 400 === 0;
  return leap ? deadline : '02-28';
}

/** The rows of a plan the next-year copy reads; `retired` rows are left behind. */
export interface CopyablePlan<I, T, M> {
  plan: CopiedPlanIdentity;
  indicators: Array<I & { id: number; parentId: number | null; level: 1 | 2; number: number; retired: boolean }>;
  tasks: Array<T & { id: number; indicatorId: number; number: number; retired: boolean }>;
  metrics: Array<M & { id: number; taskId: number; deadline: string | null; retired: boolean }>;
}

/**
 * Next year's copy of a plan: the live indicators, tasks and metrics in the same outline, numbered 1…n again (a retired
 * row leaves no gap), every target kept and deadlines moved into the new year. Rows keep their old ids so that the
 * caller maps parents; figures and evaluations are not part of a plan's structure and are not copied.
 */
export function nextYearCopy<I, T, M>(source: CopyablePlan<I, T, M>): CopyablePlan<I, T, M> {
  const plan = nextYearIdentity(source.plan);
  const live = <X extends { retired: boolean }>(rows: X[]) => rows.filter((r) => !r.retired);
  const byNumber = <X extends { number: number; id: number }>(a: X, b: X) => a.number - b.number || a.id - b.id;
  const firsts = live(source.indicators)
    .filter((i) => i.level === 1)
    .sort(byNumber);
  const seconds = live(source.indicators)
    .filter((i) => i.level === 2)
    .sort(byNumber);
  const tasks = live(source.tasks).sort(byNumber);
  const outline: PlanOutline = {
    firsts: firsts.map((f) => ({
      id: f.id,
      children: seconds
        .filter((s) => s.parentId === f.id)
        .map((s) => ({ id: s.id, tasks: tasks.filter((t) => t.indicatorId === s.id).map((t) => t.id) })),
    })),
  };
  const numbers = numberOutline(outline);
  const indicators = [...firsts, ...seconds]
    .filter((i) => numbers.indicators.has(i.id))
    .map((i) => ({ ...i, number: numbers.indicators.get(i.id)! }));
  const keptTasks = tasks
    .filter((t) => numbers.tasks.has(t.id))
    .map((t) => ({ ...t, number: numbers.tasks.get(t.id)! }));
  const metrics = live(source.metrics)
    .filter((m) => numbers.tasks.has(m.taskId))
    .map((m) => ({ ...m, deadline: nextYearDeadline(m.deadline, plan.year) }));
  return {
    plan,
    indicators: indicators.sort((a, b) => a.level - b.level || a.number - b.number),
    tasks: keptTasks.sort((a, b) => a.number - b.number),
    metrics,
  };
}

/** What keeps a metric's terms from being judged in a plan year (the content checks a seed's metrics pass), in Chinese and English. */
export function metricTermsProblems(
  m: Pick<MetricDefinition, 'kind' | 'unit' | 'target' | 'deadline'>,
  year: number,
): SeedProblem[] {
  if (m.kind === 'deadline') {
    if (m.deadline === null || !/^\d{2}-\d{2}$/.test(m.deadline))
      return [{ zh: '期限类指标须填写截止日期（MM-DD）', en: 'A deadline metric needs a deadline (MM-DD)' }];
    const day = new Date(`${year}-${m.deadline}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(5, 10) !== m.deadline)
      return [
        { zh: `截止日期 ${m.deadline} 不是 ${year} 年的日期`, en: `The deadline ${m.deadline} is no day of ${year}` },
      ];
    return [];
  }
  if (m.target === null) return [{ zh: '请填写目标值', en: 'Give a target figure' }];
  if (m.unit === 'percent' && m.target > 100)
    return [{ zh: `目标值 ${m.target}% 超过 100%`, en: `A target of ${m.target}% is more than 100%` }];
  return [];
}
