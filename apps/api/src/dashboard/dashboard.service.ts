import { Injectable } from '@nestjs/common';
import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { EvaluationService } from '../evaluation/evaluation.service';
import { PlanEvaluationService } from '../evaluation/plan-evaluation.service';

@Injectable()
export class DashboardService {
  constructor(
    private readonly evaluation: PlanEvaluationService,
    private readonly engine: EvaluationService,
  ) {}

  /** Counts of metrics by status for a month, for the plan and for each first-level indicator. */
  async summary(planId: number, period?: string): Promise<DashboardSummaryResponse> {
    const tree = await this.evaluation.evaluate(planId, period);
    const counts = tree.counts;
    return {
      planId: tree.id,
      period: tree.period,
      periods: tree.periods,
      metricCount: counts.red + counts.amber + counts.green + counts.grey,
      counts,
      indicators: tree.indicators.map(({ id, number, title, status, counts: c }) => ({ id, number, title, status, counts: c })),
      demo: tree.demo,
      evaluatedAt: this.engine.lastRun?.finishedAt ?? null,
    };
  }
}
