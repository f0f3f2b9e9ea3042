import type { Logger } from '@nestjs/common';
import type { EvaluationService } from '../evaluation/evaluation.service';
import type { PlanEntity } from './plan.entity';

/**
 * A new plan's first evaluation (an import, next year's copy), in the creating request, so that it shows its statuses
 * at once rather than 暂无数据 until the next scheduled cycle. A failure does not undo the creation: the metrics were
 * never evaluated, so the scheduled cycle takes them up.
 */
export async function evaluateNewPlan(
  evaluation: EvaluationService,
  logger: Logger,
  plan: PlanEntity,
  /** Read inside the guard: a failure to read them is logged like a failed evaluation. */
  metricIds: () => Promise<number[]>,
): Promise<void> {
  try {
    const { failures } = await evaluation.evaluateMetrics(plan, await metricIds());
    if (failures.length) logger.error(`First evaluation of plan ${plan.code} failed in part: ${failures.join('; ')}`);
  } catch (error) {
    logger.error(
      `First evaluation of plan ${plan.code} failed; the scheduled cycle will take it up: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
