import type { MetricSeed, PlanSeed, SecondLevelSeed } from '../plan-seed';
import type { ParsedPlan } from './types';

export interface PlanIdentity {
  code: string;
  title: string;
  year: number;
  district: string;
  source: string;
}

/**
 * A parsed ledger in the shape of a plan seed, ready for a person to review and for the same loader the
 * demo plan uses. Department codes come from the caller (existing departments keep theirs).
 * English names are left equal to the Chinese ones: a parser cannot translate; a person may edit them.
 */
export function toPlanSeed(parsed: ParsedPlan, identity: PlanIdentity, codeOf: (departmentName: string) => string): PlanSeed {
  const metrics: MetricSeed[] = [];
  const indicators = parsed.indicators.map((first) => ({
    number: first.number,
    title: first.title,
    children: first.children.map((second): SecondLevelSeed => ({
      number: second.number,
      title: second.title,
      leadDepartments: second.departments.lead.map(codeOf),
      leadGroups: second.departments.leadGroups.map(codeOf),
      responsibleDepartments: second.departments.responsible.map(codeOf),
      responsibleGroups: second.departments.responsibleGroups.map(codeOf),
      departmentsCarriedOver: second.departmentsCarriedOver,
      tasks: second.tasks.map((task) => {
        task.targets.forEach((t, i) => {
          const name = (t.subject || task.text).replace(/\s+/g, '').slice(0, 60);
          metrics.push({
            code: `T${String(task.number).padStart(3, '0')}-${i + 1}`, taskNumber: task.number, name, nameEn: name,
            kind: t.kind, comparator: t.comparator, target: t.target, unit: t.unit, period: t.period, deadline: t.deadline,
            source: t.span.text, note: t.notes.length ? t.notes.join('；') : null,
          });
        });
        return { number: task.number, text: task.text, rawText: task.text };
      }),
    })),
  }));
  return {
    plan: identity,
    departments: parsed.departments.map((name) => ({ code: codeOf(name), name })),
    departmentGroups: parsed.departmentGroups.map((name) => ({ code: codeOf(name), name })),
    indicators,
    metrics,
  };
}
