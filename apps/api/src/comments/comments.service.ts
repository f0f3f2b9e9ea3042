import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { assertReporter } from '../auth/department-scope';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { MetricsRepository } from '../metrics/metrics.repository';
import { toRuledMetric } from '../metrics/ruled-metric';
import { MetricEntity } from '../metrics/metric.entity';
import { periodOfPlan } from '../plans/plan-period';
import { PlanEntity } from '../plans/plan.entity';
import { PlansRepository } from '../plans/plans.repository';
import { CommentsRepository } from './comments.repository';
import { toCommentResponse, type CreateCommentDto, type MetricCommentResponse } from './comments.dto';

/** Comments on a metric's period: leaders and the departments that report the metric write them; whoever may read the metric reads them. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly comments: CommentsRepository,
    private readonly plans: PlansRepository,
    private readonly assignments: MetricsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: CurrentUser, metricId: number, period?: string): Promise<MetricCommentResponse[]> {
    const { metric, plan } = await this.readable(user, metricId);
    const key = period === undefined ? undefined : periodOfPlan(toRuledMetric(metric), plan.year, period).key;
    return (await this.comments.ofMetric(metric.id, key)).map(toCommentResponse);
  }

  /** Appends the comment and its audit row in one transaction; there is no edit and no delete. */
  async create(user: CurrentUser, metricId: number, dto: CreateCommentDto): Promise<MetricCommentResponse> {
    const { metric, plan } = await this.readable(user, metricId);
    const period = periodOfPlan(toRuledMetric(metric), plan.year, dto.period);
    const text = dto.text.trim();
    const saved = await this.transactions.run(async (m) => {
      const row = await this.comments.append(m, {
        metricId: metric.id,
        periodKey: period.key,
        departmentId: user.role === 'department' ? user.departmentId : null,
        userId: user.id,
        username: user.username,
        text,
        createdAt: this.clock.now().toISOString(),
      });
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: 'comment on metric',
          entity: 'metric_comment',
          entityId: row.id,
          after: { metric: metric.code, period: period.key, text },
        },
        m,
      );
      return row;
    });
    return toCommentResponse((await this.comments.find(saved.id))!);
  }

  /** The metric and its plan, when the user may read it: a department user only a metric their department reports. */
  private async readable(user: CurrentUser, metricId: number): Promise<{ metric: MetricEntity; plan: PlanEntity }> {
    const metric = await this.comments.findMetric(metricId);
    if (!metric) throw new AppError('NOT_FOUND', `找不到编号为 ${metricId} 的指标`, `No metric with id ${metricId}`);
    if (user.role === 'department') {
      const inputs = await this.assignments.loadAssignments(metric.planId, [metric.id]);
      assertReporter(
        user,
        inputs.assigned.get(metric.id) ?? [],
        () =>
          new AppError(
            'FORBIDDEN',
            `本单位不报送指标 ${metric.code}，不能查看或评论它`,
            `Your department does not report the metric ${metric.code}; you may neither see nor comment on it`,
          ),
      );
    }
    const plan = await this.plans.findById(metric.planId);
    if (!plan) throw new Error(`Metric ${metric.id} has no plan ${metric.planId}`);
    return { metric, plan };
  }
}
