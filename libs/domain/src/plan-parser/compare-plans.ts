import { metricTermsOf, type MetricDefinition } from '../metric';
import type { PlanSeed } from '../plan-seed';
import { diceSimilarity, similarityKey } from './text-similarity';

/**
 * Next year's ledger against the current plan: which metrics stay, which change their target, which are
 * new and which are dropped. Ledgers renumber and reword tasks from year to year, so metrics are matched
 * by what they say, not by code or task number.
 */

export const METRIC_CHANGES = ['unchanged', 'target-changed', 'new', 'removed'] as const;
export type MetricChange = (typeof METRIC_CHANGES)[number];

/** What a metric demands; a difference in any of these is a changed target. */
export const TERM_FIELDS = ['kind', 'comparator', 'target', 'unit', 'period', 'deadline'] as const;
export type TermField = (typeof TERM_FIELDS)[number];

export type ComparableMetric = Pick<MetricDefinition, 'code' | 'name' | TermField> & {
  taskNumber: number;
  source: string;
};

/** The part of a plan the comparison reads: a seed, or a stored plan put in the same shape. */
export interface ComparablePlan {
  tasks: Array<{ number: number; text: string }>;
  metrics: ComparableMetric[];
}

export interface MetricComparison {
  change: MetricChange;
  /** The metric in the current plan; null when new. */
  before: ComparableMetric | null;
  /** The metric in the proposal; null when removed. */
  after: ComparableMetric | null;
  /** The terms that differ (only for target-changed). */
  changedFields: TermField[];
  /** How alike the matched metrics' words are, 0–1; null when new or removed. */
  similarity: number | null;
}

/** Tasks matched the same way: the same words, reworded, or only on one side. */
export interface TaskCounts {
  unchanged: number;
  reworded: number;
  new: number;
  removed: number;
}

export interface PlanComparison {
  counts: Record<MetricChange, number>;
  tasks: TaskCounts;
  /** The proposal's metrics in its order (unchanged, target-changed or new), then the removed ones in the current plan's order. */
  items: MetricComparison[];
}

/** The comparable part of a seed. */
export function comparablePlan(seed: Pick<PlanSeed, 'indicators' | 'metrics'>): ComparablePlan {
  return {
    tasks: seed.indicators.flatMap((f) =>
      f.children.flatMap((s) => s.tasks.map((t) => ({ number: t.number, text: t.text }))),
    ),
    metrics: seed.metrics.map((m) => ({
      code: m.code,
      name: m.name,
      taskNumber: m.taskNumber,
      source: m.source,
      ...metricTermsOf(m),
    })),
  };
}

export const changedTerms = (a: ComparableMetric, b: ComparableMetric): TermField[] =>
  TERM_FIELDS.filter((f) => a[f] !== b[f]);

/** The same name (subject) is enough when the tasks around the two metrics are at least this alike. */
const NAME_TASK_THRESHOLD = 0.3;
/** Otherwise the task and the target's words together must be mostly alike. */
const MATCH_THRESHOLD = 0.55;
const TASK_MATCH_THRESHOLD = 0.5;
/** Or, measured the same way, most of one's name stands in the other's task. */
const NAME_IN_TASK_THRESHOLD = 0.6;

/** The share of `part`'s character bigrams found in `whole` (0 for a part too short to have two). */
function containment(part: string, whole: string): number {
  const chars = [...part];
  if (chars.length < 3) return 0;
  const grams = chars.slice(1).map((c, i) => chars[i] + c);
  return grams.filter((g) => whole.includes(g)).length / grams.length;
}

interface Keys {
  name: string;
  source: string;
  task: string;
  /** The number of the other plan's task this metric's task was matched to, if any. */
  counterpart: number | undefined;
}

function keysOf(plan: ComparablePlan, counterparts: Map<number, number>): Keys[] {
  const taskText = new Map(plan.tasks.map((t) => [t.number, t.text]));
  return plan.metrics.map((m) => ({
    name: similarityKey(m.name),
    source: similarityKey(m.source, { maskFigures: true }),
    task: similarityKey(taskText.get(m.taskNumber) ?? '', { maskFigures: true }),
    counterpart: counterparts.get(m.taskNumber),
  }));
}

const rounded = (x: number) => Math.round(x * 1e6) / 1e6;

function taskLikeness(a: Keys, b: Keys, bTask: number): number {
  return a.counterpart === bTask ? 1 : 0.8 * diceSimilarity(a.task, b.task);
}

/** A reviewed seed quotes whole sentences, a parsed one only the figure's words and its subject: one inside the other counts as alike. */
function wordsLikeness(a: Keys, b: Keys): number {
  const within = (part: string, whole: string) => part.length >= 3 && part !== whole && whole.includes(part);
  const inside =
    [a.source, a.name].some((p) => within(p, b.source)) || [b.source, b.name].some((p) => within(p, a.source))
      ? 0.9
      : 0;
  return Math.max(diceSimilarity(a.source, b.source), diceSimilarity(a.name, b.name), inside);
}

interface Pair {
  i: number;
  j: number;
  score: number;
  /** Tie-breakers, so that equal scores resolve the same way every time and a plan matches itself one to one. */
  same: number;
}

/** Greedy one-to-one matching: best pairs first, each side used once. Adds to `match` (i → j) and `scores`. */
function takeGreedy(pairs: Pair[], match: Map<number, number>, taken: Set<number>, scores: Map<number, number>): void {
  pairs.sort((p, q) => q.score - p.score || q.same - p.same || p.i - q.i || p.j - q.j);
  for (const p of pairs) {
    if (match.has(p.i) || taken.has(p.j)) continue;
    match.set(p.i, p.j);
    taken.add(p.j);
    scores.set(p.i, p.score);
  }
}

function matchMetrics(current: ComparablePlan, proposed: ComparablePlan, tasks: Map<number, number>) {
  const [a, b] = [keysOf(current, tasks), keysOf(proposed, new Map())];
  const match = new Map<number, number>();
  const taken = new Set<number>();
  const scores = new Map<number, number>();
  const pairsWhere = (fits: (i: number, j: number, task: number) => boolean) => {
    const pairs: Pair[] = [];
    current.metrics.forEach((x, i) => {
      if (match.has(i)) return;
      proposed.metrics.forEach((y, j) => {
        if (taken.has(j)) return;
        const task = taskLikeness(a[i], b[j], y.taskNumber);
        if (!fits(i, j, task)) return;
        const score = rounded(0.5 * task + 0.5 * wordsLikeness(a[i], b[j]));
        pairs.push({ i, j, score, same: (changedTerms(x, y).length === 0 ? 2 : 0) + (x.code === y.code ? 1 : 0) });
      });
    });
    return pairs;
  };
  // First the same name (subject) in a like task, then alike words among metrics measured the same way.
  takeGreedy(
    pairsWhere((i, j, task) => a[i].name === b[j].name && task >= NAME_TASK_THRESHOLD),
    match,
    taken,
    scores,
  );
  const sameMeasure = (i: number, j: number) =>
    current.metrics[i].kind === proposed.metrics[j].kind && current.metrics[i].unit === proposed.metrics[j].unit;
  takeGreedy(
    pairsWhere((i, j) => sameMeasure(i, j)).filter((p) => p.score >= MATCH_THRESHOLD),
    match,
    taken,
    scores,
  );
  // Last, a ledger of another shape words the sentence and the task anew ("进一步压缩企业开办时间,承诺办理时限不超过5个工作日"
  // → "企业开办时间压缩至3个工作日以内"): what stays is how it is measured and the words of its name in the other's task.
  const sameTerms = (x: ComparableMetric, y: ComparableMetric) =>
    x.kind === y.kind && x.unit === y.unit && x.comparator === y.comparator && x.period === y.period;
  const named: Pair[] = [];
  current.metrics.forEach((x, i) => {
    if (match.has(i)) return;
    proposed.metrics.forEach((y, j) => {
      if (taken.has(j) || !sameTerms(x, y)) return;
      const score = rounded(
        Math.max(containment(a[i].name, b[j].task + b[j].source), containment(b[j].name, a[i].task + a[i].source)),
      );
      if (score >= NAME_IN_TASK_THRESHOLD)
        named.push({ i, j, score: rounded(0.5 * score), same: x.code === y.code ? 1 : 0 });
    });
  });
  takeGreedy(named, match, taken, scores);
  return { match, scores };
}

/** Tasks matched by their words (figures aside): the counts, and which current task number became which proposed one. */
function compareTasks(
  current: ComparablePlan['tasks'],
  proposed: ComparablePlan['tasks'],
): { counts: TaskCounts; numbers: Map<number, number> } {
  const masked = (t: { text: string }) => similarityKey(t.text, { maskFigures: true });
  const [a, b] = [current.map(masked), proposed.map(masked)];
  const [exactA, exactB] = [current.map((t) => similarityKey(t.text)), proposed.map((t) => similarityKey(t.text))];
  const pairs: Pair[] = [];
  a.forEach((x, i) =>
    b.forEach((y, j) => {
      const score = rounded(diceSimilarity(x, y));
      const same = (exactA[i] === exactB[j] ? 2 : 0) + (current[i].number === proposed[j].number ? 1 : 0);
      if (score >= TASK_MATCH_THRESHOLD) pairs.push({ i, j, score, same });
    }),
  );
  const match = new Map<number, number>();
  takeGreedy(pairs, match, new Set(), new Map());
  const unchanged = [...match].filter(([i, j]) => exactA[i] === exactB[j]).length;
  return {
    counts: {
      unchanged,
      reworded: match.size - unchanged,
      new: proposed.length - match.size,
      removed: current.length - match.size,
    },
    numbers: new Map([...match].map(([i, j]) => [current[i].number, proposed[j].number])),
  };
}

/** Every metric of both plans in exactly one class; the same inputs always give the same answer. */
export function comparePlans(current: ComparablePlan, proposed: ComparablePlan): PlanComparison {
  const tasks = compareTasks(current.tasks, proposed.tasks);
  const { match, scores } = matchMetrics(current, proposed, tasks.numbers);
  const currentOf = new Map([...match].map(([i, j]) => [j, i]));
  const items: MetricComparison[] = proposed.metrics.map((after, j) => {
    const i = currentOf.get(j);
    if (i === undefined) return { change: 'new', before: null, after, changedFields: [], similarity: null };
    const before = current.metrics[i];
    const changedFields = changedTerms(before, after);
    return {
      change: changedFields.length ? 'target-changed' : 'unchanged',
      before,
      after,
      changedFields,
      similarity: scores.get(i)!,
    };
  });
  current.metrics.forEach((before, i) => {
    if (!match.has(i)) items.push({ change: 'removed', before, after: null, changedFields: [], similarity: null });
  });
  const counts = Object.fromEntries(
    METRIC_CHANGES.map((c) => [c, items.filter((x) => x.change === c).length]),
  ) as Record<MetricChange, number>;
  return { counts, tasks: tasks.counts, items };
}
