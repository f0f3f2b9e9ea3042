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

/** A stretch of the source text: plain, or marked as a target (by code) or an unresolved item. */
export type SourceSegment =
  | { kind: 'text'; text: string; start: number }
  | { kind: 'target'; text: string; start: number; code: string }
  | { kind: 'unresolved'; text: string; start: number; reason: string };

/** Cuts the text at every target's and unresolved item's span; where spans overlap the earlier one wins. */
export function sourceSegments(text: string, targets: TargetEntry[], unresolved: UnresolvedItem[]): SourceSegment[] {
  const marks = [
    ...targets.map((t) => ({ start: t.parsed.span.start, end: t.parsed.span.end, make: (s: string, at: number): SourceSegment => ({ kind: 'target', text: s, start: at, code: t.code }) })),
    ...unresolved.map((u) => ({ start: u.start, end: u.end, make: (s: string, at: number): SourceSegment => ({ kind: 'unresolved', text: s, start: at, reason: u.reason }) })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: SourceSegment[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end <= mark.start || mark.end > text.length) continue;
    if (mark.start > at) segments.push({ kind: 'text', text: text.slice(at, mark.start), start: at });
    segments.push(mark.make(text.slice(mark.start, mark.end), mark.start));
    at = mark.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at), start: at });
  return segments;
}
