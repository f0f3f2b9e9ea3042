import type { MetricSeed, ParsedPlan, ParsedTarget, PlanSeed, UnresolvedItem } from '@taizhang/domain';

/** One target the parser read, with the code of the metric the seed makes of it. */
export interface TargetEntry {
  code: string;
  taskNumber: number;
  parsed: ParsedTarget;
}

/** The seed names the i-th target of a task `T###-i` (1-based), in task order; that code is the whole mapping. */
export const metricCode = (taskNumber: number, index: number) => `T${String(taskNumber).padStart(3, '0')}-${index + 1}`;

export function targetEntries(parsed: ParsedPlan): TargetEntry[] {
  return parsed.indicators.flatMap((f) =>
    f.children.flatMap((s) => s.tasks.flatMap((task) => task.targets.map((t, i) => ({ code: metricCode(task.number, i), taskNumber: task.number, parsed: t })))),
  );
}

/** The reviewer's changes by metric code: fields changed, or null for a discarded target. */
export type MetricEdits = Record<string, Partial<MetricSeed> | null>;

/** The seed to confirm: discarded metrics left out, edited fields applied. */
export function editedSeed(seed: PlanSeed, edits: MetricEdits): PlanSeed {
  return {
    ...seed,
    metrics: seed.metrics.filter((m) => edits[m.code] !== null).map((m) => ({ ...m, ...edits[m.code] })),
  };
}

/** A metric as edited, or null when discarded. */
export function editedMetric(seed: PlanSeed, edits: MetricEdits, code: string): MetricSeed | null {
  const metric = seed.metrics.find((m) => m.code === code);
  if (!metric || edits[code] === null) return null;
  return { ...metric, ...edits[code] };
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
  const marks: Mark[] = [...clusters, ...free.map((u) => ({ start: u.start, end: u.end, codes: [], reason: u.reason }))].sort((a, b) => a.start - b.start);
  const segments: SourceSegment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at) continue;
    if (mark.start > at) segments.push({ kind: 'text', text: text.slice(at, mark.start), start: at });
    const words = text.slice(mark.start, mark.end);
    segments.push(mark.codes.length ? { kind: 'target', text: words, start: mark.start, codes: mark.codes } : { kind: 'unresolved', text: words, start: mark.start, reason: mark.reason ?? '' });
    at = mark.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at), start: at });
  return segments;
}
