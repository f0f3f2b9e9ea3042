import { isNextYearCopy, metricTermsOf, type ComparablePlan } from '@taizhang/domain';
import type { PlanEntity } from '../plans/plan.entity';
import type { PlanStructure } from '../plans/plans.repository';

/**
 * The plan a new ledger continues: the latest plan of the same district from an earlier year (the highest id among plans
 * of that year) — or a plan of the same year started from last year's (the plan editor's next-year copy), which the
 * ledger then corrects: comparing shows the targets the published ledger changed.
 */
export function earlierPlanOf(plans: PlanEntity[], identity: { district: string; year: number }): PlanEntity | null {
  const district = identity.district.trim();
  const candidates = plans.filter(
    (p) =>
      p.district.trim() === district && (p.year < identity.year || (p.year === identity.year && isNextYearCopy(p))),
  );
  return candidates.reduce<PlanEntity | null>(
    (best, p) => (!best || p.year > best.year || (p.year === best.year && p.id > best.id) ? p : best),
    null,
  );
}

/** A stored plan in the shape the comparison reads; metrics refer to tasks by number, as in a seed. */
export function comparableOfStructure(structure: PlanStructure): ComparablePlan {
  const numberOf = new Map(structure.tasks.map((t) => [t.id, t.number]));
  return {
    tasks: structure.tasks.map((t) => ({ number: t.number, text: t.text })),
    metrics: structure.metrics.map((m) => ({
      code: m.code,
      name: m.name,
      taskNumber: numberOf.get(m.taskId) ?? 0,
      source: m.source,
      ...metricTermsOf(m),
    })),
  };
}
