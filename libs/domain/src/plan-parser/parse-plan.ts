import { extractTargets } from './extract-targets';
import { readStructure, type LooseText } from './parse-structure';
import { emptyAssignment, type ParsedPlan, type ParsedSecondLevel, type ParsedTask, type ParseOptions } from './types';

/**
 * Parses a plan ledger flattened to text (one table cell a line, or cells separated by tabs or "|"):
 * indicators, tasks, departments and each task's quantitative targets. Every target and every unresolved
 * item carries offsets into `input`. Text outside any task (a preamble, a 总体要求 paragraph, prose under a
 * heading) is read too: where it states targets it becomes a task of its own under the nearest heading, or
 * of a plan-level group (numbered 0, untitled) when it stands before every heading; tasks are then numbered
 * again 1..n in reading order. Pure: the caller reads the file.
 */
export function parsePlan(input: string, options: ParseOptions = {}): ParsedPlan {
  const { plan, loose } = readStructure(input, options);
  for (const first of plan.indicators) {
    for (const second of first.children) {
      for (const task of second.tasks) {
        // Read from the input itself, so that spans are offsets into the input.
        const { targets, unresolved } = extractTargets(input.slice(task.span.start, task.span.end), task.span.start);
        task.targets = targets;
        plan.unresolved.push(
          ...unresolved.map((u) => ({ ...u, reason: `任务${task.number} task ${task.number}: ${u.reason}` })),
        );
      }
    }
  }
  let added = 0;
  for (const stretch of loose) {
    const { targets } = extractTargets(input.slice(stretch.start, stretch.end), stretch.start);
    if (!targets.length) continue;
    added++;
    placeLooseTask(plan, input, stretch, targets);
  }
  if (added) {
    parsedTasks(plan).forEach((task, i) => (task.number = i + 1));
    plan.unresolved.push({
      start: 0,
      end: 0,
      text: '',
      reason: `${added}段任务之外的文字含有指标,已作为任务加入,任务重新编号 ${added} stretches outside any task hold targets: added as tasks, tasks renumbered`,
    });
  }
  plan.unresolved.sort((a, b) => a.start - b.start || a.end - b.end);
  return plan;
}

/** A task made of loose text, after the task before it, under its heading (or a plan-level group). */
function placeLooseTask(plan: ParsedPlan, input: string, stretch: LooseText, targets: ParsedTask['targets']): void {
  const text = input.slice(stretch.start, stretch.end);
  let second: ParsedSecondLevel | null = stretch.second;
  if (!second) {
    let first = stretch.first;
    if (!first) {
      first = plan.indicators.find((f) => f.number === 0 && f.title === '') ?? null;
      if (!first)
        plan.indicators.unshift((first = { number: 0, title: '', span: { start: 0, end: 0, text: '' }, children: [] }));
    }
    second = first.children.find((s) => s.number === 0) ?? null;
    if (!second) {
      second = {
        number: 0,
        title: '',
        span: { ...first.span },
        departments: emptyAssignment(),
        departmentsCarriedOver: false,
        tasks: [],
      };
      first.children.unshift(second);
    }
  }
  const at = stretch.after ? second.tasks.indexOf(stretch.after) + 1 : 0;
  const task: ParsedTask = {
    number: 0,
    text,
    span: { start: stretch.start, end: stretch.end, text },
    departments: second.departments,
    departmentsCarriedOver: false,
    targets,
  };
  second.tasks.splice(at, 0, task);
}

/** Every task of a parsed plan, in order. */
export function parsedTasks(plan: ParsedPlan) {
  return plan.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks));
}
