import { Injectable, Logger } from '@nestjs/common';
import type { NextYearRequest, NextYearResponse } from '@taizhang/contracts';
import { nextYearCopy } from '@taizhang/domain';
import { Transactions } from '../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { EvaluationService } from '../evaluation/evaluation.service';
import { evaluateNewPlan } from './evaluate-at-once';
import { insertIndicator, insertIndicatorLinks, insertPlan, insertTask, planCodeTaken } from './plan-editor.repository';
import { insertMetric, insertReporters, reportersOf } from './plan-metrics.repository';
import { toPlanSummaryResponse } from './plans.dto';
import { PlansRepository } from './plans.repository';

/**
 * "Start next year from this plan": a new plan for year + 1 with the live structure, departments, targets, reporters and
 * rules kept; no figures, evaluations, notices or comments. Evaluated at once, so it shows its statuses (nothing due yet).
 */
@Injectable()
export class NextYearService {
  private readonly logger = new Logger(NextYearService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlansRepository,
    private readonly evaluation: EvaluationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async copy(actor: CurrentUser, planId: number, input: NextYearRequest): Promise<NextYearResponse> {
    const source = await this.plans.findByIdOrFail(planId);
    if (source.year >= 2100)
      throw new AppError(
        'INVALID_INPUT',
        '计划年度已是 2100 年，不能再复制下一年',
        'The plan is for 2100; there is no next year to copy it to',
      );
    const s = await this.plans.loadStructure(source, { retired: true });
    const copy = nextYearCopy({
      plan: source,
      indicators: s.indicators.map((i) => ({ ...i, retired: i.retiredAt !== null })),
      tasks: s.tasks.map((t) => ({ ...t, retired: t.retiredAt !== null })),
      metrics: s.metrics.map((x) => ({ ...x, retired: x.retiredAt !== null })),
    });
    const identity = {
      ...copy.plan,
      code: input.code ?? copy.plan.code,
      title: input.title?.trim() ?? copy.plan.title,
    };
    const created = await this.transactions.run(async (m) => {
      if (await planCodeTaken(m, identity.code))
        throw new AppError(
          'CONFLICT',
          `计划代码 ${identity.code} 已存在，请另填 code`,
          `The plan code ${identity.code} is taken; give another code`,
        );
      const plan = await insertPlan(m, {
        ...identity,
        demo: false,
        createdAt: this.clock.now().toISOString(),
        remindBeforeWorkingDays: source.remindBeforeWorkingDays,
        remindOverdueAfterWorkingDays: source.remindOverdueAfterWorkingDays,
      });
      const indicatorIds = new Map<number, number>();
      for (const i of copy.indicators) {
        const saved = await insertIndicator(m, {
          planId: plan.id,
          parentId: i.parentId === null ? null : indicatorIds.get(i.parentId)!,
          level: i.level,
          number: i.number,
          title: i.title,
          retiredAt: null,
        });
        indicatorIds.set(i.id, saved.id);
      }
      const links = s.links
        .filter((l) => indicatorIds.has(l.indicatorId))
        .map((l) => ({ indicatorId: indicatorIds.get(l.indicatorId)!, departmentId: l.department.id, role: l.role }));
      await insertIndicatorLinks(m, links);
      const taskIds = new Map<number, number>();
      for (const t of copy.tasks) {
        const saved = await insertTask(m, {
          planId: plan.id,
          indicatorId: indicatorIds.get(t.indicatorId)!,
          number: t.number,
          text: t.text,
          rawText: t.rawText,
          retiredAt: null,
        });
        taskIds.set(t.id, saved.id);
      }
      const metricIds = copy.metrics.map((x) => x.id);
      const reporters = await reportersOf(m, metricIds);
      const newIds: number[] = [];
      const newReporters: Array<{ metricId: number; departmentId: number }> = [];
      for (const x of copy.metrics) {
        const { id, ...columns } = x;
        // `retired` is no column: insertMetric keeps only the entity's own.
        const saved = await insertMetric(m, {
          ...columns,
          planId: plan.id,
          taskId: taskIds.get(x.taskId)!,
          retiredAt: null,
        });
        for (const r of reporters.get(id) ?? [])
          newReporters.push({ metricId: saved.id, departmentId: r.departmentId });
        newIds.push(saved.id);
      }
      await insertReporters(m, newReporters);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'start next year',
          entity: 'plan',
          entityId: plan.id,
          before: { planId: source.id, code: source.code, year: source.year },
          after: {
            code: plan.code,
            year: plan.year,
            indicators: copy.indicators.length,
            tasks: copy.tasks.length,
            metrics: copy.metrics.length,
          },
        },
        m,
      );
      return { plan, metricIds: newIds };
    });
    await evaluateNewPlan(this.evaluation, this.logger, created.plan, async () => created.metricIds);
    return {
      plan: toPlanSummaryResponse(created.plan),
      indicators: copy.indicators.length,
      tasks: copy.tasks.length,
      metrics: copy.metrics.length,
    };
  }
}
