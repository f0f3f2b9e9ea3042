import { metricTermsOf } from '../metric';
import type { MetricSeed, PlanSeed, SecondLevelSeed } from '../plan-seed';
import { metricName } from './metric-name';
import type { ParsedPlan, ParsedTarget, ParsedTask } from './types';

export interface PlanIdentity {
  code: string;
  title: string;
  year: number;
  district: string;
  source: string;
}

/** The code a seed gives the i-th target (0-based) of its task numbered `taskNumber`: "T007-2". */
export const metricCode = (taskNumber: number, index: number) => `T${String(taskNumber).padStart(3, '0')}-${index + 1}`;

/** The prefix every metric code of a task starts with: "T007-". */
export const metricCodePrefix = (taskNumber: number) => metricCode(taskNumber, 0).slice(0, -1);

/** The first code of the task's not among `taken` (a metric added by hand beside the seed's "T007-1", "T007-2"…). */
export function freeMetricCode(taskNumber: number, taken: Iterable<string>): string {
  const used = new Set(taken);
  let i = 0;
  while (used.has(metricCode(taskNumber, i))) i++;
  return metricCode(taskNumber, i);
}

/** Every parsed target with its task's number in the seed (reading order, 1…n) and the code of the metric made of it. */
export function parsedTargetCodes(
  parsed: ParsedPlan,
): Array<{ code: string; taskNumber: number; task: ParsedTask; target: ParsedTarget }> {
  const tasks = parsed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks));
  return tasks.flatMap((task, k) =>
    task.targets.map((target, i) => ({ code: metricCode(k + 1, i), taskNumber: k + 1, task, target })),
  );
}

/** The name of a parsed target: its subject made to read as a name (see metricName). */
export function parsedTargetName(task: ParsedTask, target: ParsedTarget): string {
  const after = task.span.text.slice(Math.max(0, target.span.end - task.span.start));
  return metricName(target.subject, { after, task: task.text });
}

/**
 * A parsed ledger in the shape of a plan seed, ready for a person to review and for the same loader the
 * demo plan uses. Department codes come from the caller (existing departments keep theirs).
 * Ledgers number as they please (a plan-level group 0, second levels restarting under each first level, rows
 * 24–26 of a longer table); a plan numbers first levels, second levels and tasks 1…n in reading order, so the
 * seed does. An untitled group takes the title of what holds it (the plan's for a plan-level group).
 * English names are left equal to the Chinese ones: a parser cannot translate; a person may edit them.
 */
export function toPlanSeed(
  parsed: ParsedPlan,
  identity: PlanIdentity,
  codeOf: (departmentName: string) => string,
): PlanSeed {
  const codes = parsedTargetCodes(parsed);
  const metrics: MetricSeed[] = codes.map(({ code, taskNumber, task, target: t }) => {
    const name = parsedTargetName(task, t);
    return {
      code,
      taskNumber,
      name,
      nameEn: name,
      ...metricTermsOf(t),
      source: t.span.text,
      note: t.notes.length ? t.notes.join('；') : null,
    };
  });
  let secondNumber = 0;
  let taskNumber = 0;
  const indicators = parsed.indicators.map((first, i) => {
    const firstTitle = first.title.trim() || identity.title;
    return {
      number: i + 1,
      title: firstTitle,
      children: first.children.map((second): SecondLevelSeed => ({
        number: ++secondNumber,
        title: second.title.trim() || firstTitle,
        leadDepartments: second.departments.lead.map(codeOf),
        leadGroups: second.departments.leadGroups.map(codeOf),
        responsibleDepartments: second.departments.responsible.map(codeOf),
        responsibleGroups: second.departments.responsibleGroups.map(codeOf),
        departmentsCarriedOver: second.departmentsCarriedOver,
        tasks: second.tasks.map((task) => ({ number: ++taskNumber, text: task.text, rawText: task.text })),
      })),
    };
  });
  return {
    plan: identity,
    departments: parsed.departments.map((name) => ({ code: codeOf(name), name })),
    departmentGroups: parsed.departmentGroups.map((name) => ({ code: codeOf(name), name })),
    indicators,
    metrics,
  };
}
