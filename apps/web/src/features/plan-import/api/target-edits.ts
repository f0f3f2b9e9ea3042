import {
  extractTargets,
  freeMetricCode,
  metricName,
  parsedTargetCodes,
  type DepartmentSeed,
  type MetricSeed,
  type ParsedPlan,
  type ParsedTarget,
  type PlanSeed,
  type UnresolvedItem,
} from '@taizhang/domain';

/** One target the parser read, with the code of the metric the seed makes of it. */
export interface TargetEntry {
  code: string;
  taskNumber: number;
  parsed: ParsedTarget;
}

/** The seed numbers tasks 1…n in reading order and names the i-th target of a task `T###-i`; that code is the whole mapping. */
export function targetEntries(parsed: ParsedPlan): TargetEntry[] {
  return parsedTargetCodes(parsed).map(({ code, taskNumber, target }) => ({ code, taskNumber, parsed: target }));
}

/** The reviewer's changes by metric code: fields changed, or null for a discarded target. */
export type MetricEdits = Record<string, Partial<MetricSeed> | null>;

/** Everything the reviewer did to the preview: edited or discarded targets, targets added from the source text, departments named for them. */
export interface Review {
  edits: MetricEdits;
  added: MetricSeed[];
  /** Departments (existing ones, not named in the ledger) that some target is now reported by. */
  departments: DepartmentSeed[];
}

export const emptyReview = (): Review => ({ edits: {}, added: [], departments: [] });

/** The seed to confirm: discarded metrics left out, edited fields applied, added metrics in their tasks, departments they name added. */
export function editedSeed(
  seed: PlanSeed,
  edits: MetricEdits,
  added: MetricSeed[] = [],
  departments: DepartmentSeed[] = [],
): PlanSeed {
  const metrics = [
    ...seed.metrics.filter((m) => edits[m.code] !== null).map((m) => ({ ...m, ...edits[m.code] })),
    ...added.map((m) => ({ ...m, ...edits[m.code] })),
  ];
  // Stable: a task's added targets follow the ones read.
  metrics.sort((a, b) => a.taskNumber - b.taskNumber);
  const used = new Set(metrics.flatMap((m) => m.reportingDepartments ?? []));
  const known = new Set(seed.departments.map((d) => d.code));
  return {
    ...seed,
    departments: [...seed.departments, ...departments.filter((d) => !known.has(d.code) && used.has(d.code))],
    metrics,
  };
}

/** A metric as edited, or null when discarded. */
export function editedMetric(seed: PlanSeed, edits: MetricEdits, code: string): MetricSeed | null {
  const metric = seed.metrics.find((m) => m.code === code);
  if (!metric || edits[code] === null) return null;
  return { ...metric, ...edits[code] };
}

/** The seed task (1…n in reading order) whose text holds the selected words, or null when they lie outside every task. */
export function taskOfSelection(
  parsed: ParsedPlan,
  seed: PlanSeed,
  start: number,
  end: number,
  words: string,
): number | null {
  const tasks = parsed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks));
  const k = tasks.findIndex((t) => t.span.start <= start && end <= t.span.end);
  if (k < 0) return null;
  const task = seed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).find((t) => t.number === k + 1);
  return task && task.text.includes(words) ? task.number : null;
}

/**
 * A new metric for words the reviewer selected in the source text: the selection parsed on its own prefills the
 * terms (a plain value target to fill in when it reads none), its words are the metric's source, its code the next free
 * one of its task.
 */
export function metricFromSelection(
  text: string,
  start: number,
  end: number,
  taskNumber: number,
  taskText: string,
  taken: readonly string[],
): MetricSeed {
  const words = text.slice(start, end);
  const [read] = extractTargets(words, start).targets;
  const name = metricName(read?.subject || words.replace(/[0-9０-９.]+.*$/s, '') || words, {
    after: read ? text.slice(read.span.end, read.span.end + 40) : '',
    task: taskText,
  });
  return {
    code: freeMetricCode(taskNumber, taken),
    taskNumber,
    name,
    nameEn: name,
    kind: read?.kind ?? 'value',
    comparator: read?.comparator ?? 'gte',
    target: read ? read.target : null,
    unit: read?.unit ?? 'count',
    period: read?.period ?? 'year',
    deadline: read?.deadline ?? null,
    source: words,
    note: null,
  };
}

/** A stretch of the source text: plain, marked as the words of one or more targets (by code), or an unresolved item. */
export type SourceSegment =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'target'; text: string; start: number; codes: string[] }
  | { kind: 'unresolved'; text: string; start: number; reason: string };

interface Mark {
  start: number;
  end: number;
  codes: string[];
  reason?: string;
}

/**
 * Cuts the text at every target's span. Targets whose words overlap (one figure read for several subjects)
 * share one mark that carries all their codes; an unresolved item is marked only where no target is.
 */
export function sourceSegments(text: string, targets: TargetEntry[], unresolved: UnresolvedItem[]): SourceSegment[] {
  const valid = (m: { start: number; end: number }) => m.start >= 0 && m.end > m.start && m.end <= text.length;
  const clusters: Mark[] = [];
  for (const t of [...targets].sort((a, b) => a.parsed.span.start - b.parsed.span.start)) {
    const { start, end } = t.parsed.span;
    if (!valid({ start, end })) continue;
    const last = clusters[clusters.length - 1];
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.codes.push(t.code);
    } else clusters.push({ start, end, codes: [t.code] });
  }
  const free = unresolved.filter((u) => valid(u) && !clusters.some((c) => u.start < c.end && c.start < u.end));
  const marks: Mark[] = [
    ...clusters,
    ...free.map((u) => ({ start: u.start, end: u.end, codes: [], reason: u.reason })),
  ].sort((a, b) => a.start - b.start);
  const segments: SourceSegment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) segments.push({ kind: 'text', text: text.slice(at, mark.start), start: at });
    const words = text.slice(mark.start, mark.end);
    segments.push(
      mark.codes.length
        ? { kind: 'target', text: words, start: mark.start, codes: mark.codes }
        : { kind: 'unresolved', text: words, start: mark.start, reason: mark.reason ?? '' },
    );
    at = mark.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at), start: at });
  return segments;
}
