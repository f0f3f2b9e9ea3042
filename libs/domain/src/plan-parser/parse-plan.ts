import { extractTargets } from './extract-targets';
import { parseStructure } from './parse-structure';
import type { ParsedPlan, ParseOptions } from './types';

/**
 * Parses a plan ledger flattened to text (one table cell a line, or cells separated by tabs or "|"):
 * indicators, tasks, departments and each task's quantitative targets. Every target and every unresolved
 * item carries offsets into `input`. Pure: the caller reads the file.
 */
export function parsePlan(input: string, options: ParseOptions = {}): ParsedPlan {
  const plan = parseStructure(input, options);
  for (const first of plan.indicators) {
    for (const second of first.children) {
      for (const task of second.tasks) {
        // Read from the input itself, so that spans are offsets into the input.
        const { targets, unresolved } = extractTargets(input.slice(task.span.start, task.span.end), task.span.start);
        task.targets = targets;
        plan.unresolved.push(...unresolved.map((u) => ({ ...u, reason: `任务${task.number} task ${task.number}: ${u.reason}` })));
      }
    }
  }
  plan.unresolved.sort((a, b) => a.start - b.start || a.end - b.end);
  return plan;
}

/** Every task of a parsed plan, in order. */
export function parsedTasks(plan: ParsedPlan) {
  return plan.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks));
}
