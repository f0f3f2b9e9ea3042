import { Injectable } from '@nestjs/common';
import type {
  CreateMetricRequest,
  PlanOutlineResponse,
  RetireResponse,
  UpdateMetricDefinitionRequest,
} from '@taizhang/contracts';
import {
  canDeleteMetric,
  freeMetricCode,
  metricCodePrefix,
  metricTermsProblems,
  reportingPeriods,
  withDefaultRules,
} from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AppError, assertSomethingToChange } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { EvaluationService } from '../evaluation/evaluation.service';
import { toRuledMetric } from '../metrics/ruled-metric';
import { MetricEntity } from '../metrics/metric.entity';
import { checkReportingDepartments, replaceReportingDepartments } from '../metrics/reporting-departments.repository';
import { findPlanOrFail, rowOfPlan } from './plan-editor.repository';
import {
  deleteMetricWithRows,
  insertMetric,
  insertReporters,
  metricCodesStartingWith,
  metricRecords,
  namedDepartmentsOf,
  updateMetricColumns,
} from './plan-metrics.repository';
import { retireMetrics } from './plan-retirement';
import { PlanStructureService } from './plan-structure.service';
import { TaskEntity } from './task.entity';

const METRIC: [string, string] = ['指标', 'metric'];
const TASK: [string, string] = ['任务', 'task'];
/** Changes that alter how the metric is judged: its periods are marked stale and evaluated again at once. */
const JUDGED = ['comparator', 'target', 'deadline', 'reportingDepartmentIds'] as const;

const termsError = (problems: Array<{ zh: string; en: string }>) =>
  new AppError('INVALID_INPUT', problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));

/** The plan editor's metrics: created, edited, retired or deleted, audited, and evaluated again at once as the metric PATCH does. */
@Injectable()
export class PlanMetricsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly structure: PlanStructureService,
    private readonly evaluation: EvaluationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: CurrentUser, planId: number, input: CreateMetricRequest): Promise<PlanOutlineResponse> {
    const definition = {
      kind: input.kind,
      unit: input.unit,
      target: input.kind === 'deadline' ? null : input.target,
      deadline: input.kind === 'deadline' ? input.deadline : null,
    };
    const { plan, id } = await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      const problems = metricTermsProblems(definition, plan.year);
      if (problems.length) throw termsError(problems);
      const task = await rowOfPlan(m, TaskEntity, plan.id, input.taskId, TASK);
      const reporters = input.reportingDepartmentIds ?? (await namedDepartmentsOf(m, task.indicatorId));
      if (!reporters.length)
        throw new AppError(
          'INVALID_INPUT',
          '请指定报送单位 reportingDepartmentIds（该任务的二级指标没有具体的牵头或责任单位）',
          "Name the reporting departments (reportingDepartmentIds): the task's indicator names no lead or responsible department",
        );
      await checkReportingDepartments(m, reporters);
      const code = await this.freeCode(m, plan.id, task.number);
      const ruled = withDefaultRules({
        code,
        name: input.name.trim(),
        nameEn: input.nameEn?.trim() ?? '',
        comparator: input.comparator,
        period: input.period,
        ...definition,
      });
      const saved = await insertMetric(m, {
        ...ruled,
        planId: plan.id,
        taskId: task.id,
        source: input.source.trim(),
        note: input.note ?? null,
        retiredAt: null,
      });
      await insertReporters(
        m,
        reporters.map((departmentId) => ({ metricId: saved.id, departmentId })),
      );
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'create metric',
          entity: 'metric',
          entityId: saved.id,
          after: { ...ruled, taskId: task.id, source: saved.source, reportingDepartmentIds: reporters },
        },
        m,
      );
      return { plan, id: saved.id };
    });
    // Judged at once: the new metric shows its status now, not at the next cycle.
    await this.evaluation.evaluateMetrics(plan, [id]);
    return this.structure.outline(planId);
  }

  async update(
    actor: CurrentUser,
    planId: number,
    id: number,
    input: UpdateMetricDefinitionRequest,
  ): Promise<PlanOutlineResponse> {
    assertSomethingToChange(input, [
      'name',
      'nameEn',
      'comparator',
      'target',
      'deadline',
      'source',
      'note',
      'taskId',
      'reportingDepartmentIds',
    ]);
    const { plan, judged } = await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      const metric = await rowOfPlan(m, MetricEntity, plan.id, id, METRIC);
      if (input.target !== undefined && metric.kind === 'deadline')
        throw new AppError(
          'INVALID_INPUT',
          '期限类指标没有目标数值，请修改截止日期',
          'A deadline metric has no target figure; change its deadline instead',
        );
      if (input.deadline !== undefined && metric.kind !== 'deadline')
        throw new AppError('INVALID_INPUT', '只有期限类指标有截止日期', 'Only a deadline metric has a deadline');
      const { reportingDepartmentIds: reporters, ...fields } = input;
      const columns: Partial<MetricEntity> = {
        ...fields,
        ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
        ...(fields.source !== undefined ? { source: fields.source.trim() } : {}),
      };
      const problems = metricTermsProblems({ ...metric, ...columns }, plan.year);
      if (problems.length) throw termsError(problems);
      if (input.taskId !== undefined) await rowOfPlan(m, TaskEntity, plan.id, input.taskId, TASK);
      const before: Record<string, unknown> = Object.fromEntries(
        Object.keys(columns).map((k) => [k, metric[k as keyof MetricEntity]]),
      );
      if (Object.keys(columns).length) await updateMetricColumns(m, id, columns);
      if (reporters) {
        await checkReportingDepartments(m, reporters);
        before.reportingDepartmentIds = await replaceReportingDepartments(
          m,
          id,
          reporters,
          this.clock.now().toISOString(),
        );
      }
      const judged = JUDGED.some((k) => input[k] !== undefined);
      if (judged)
        await EvaluationRepository.markStale(
          m,
          id,
          reportingPeriods(toRuledMetric({ ...metric, ...columns }), plan.year).map((p) => p.key),
        );
      await this.audit.record(
        actor,
        { kind: 'write', action: 'edit metric', entity: 'metric', entityId: id, before, after: input },
        m,
      );
      return { plan, judged };
    });
    if (judged) await this.evaluation.evaluateMetrics(plan, [id]);
    return this.structure.outline(planId);
  }

  async retire(actor: CurrentUser, planId: number, id: number): Promise<RetireResponse> {
    const at = this.clock.now().toISOString();
    const metrics = await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      const metric = await rowOfPlan(m, MetricEntity, plan.id, id, METRIC);
      const retired = await retireMetrics(m, plan, [metric], at, this.clock.today());
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'retire metric',
          entity: 'metric',
          entityId: id,
          before: { code: metric.code, name: metric.name, target: metric.target },
          after: retired[0],
        },
        m,
      );
      return retired;
    });
    return { retiredAt: at, metrics };
  }

  /** Deletes a metric on which nothing stands (no figures, notices, reminders or comments); any other is retired instead (409). */
  async delete(actor: CurrentUser, planId: number, id: number): Promise<PlanOutlineResponse> {
    await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      const metric = await rowOfPlan(m, MetricEntity, plan.id, id, METRIC, { retired: true });
      const record = (await metricRecords(m, [id])).get(id)!;
      if (!canDeleteMetric(record)) {
        throw new AppError(
          'CONFLICT',
          `指标「${metric.name}」已有数据、督办或评论（${record.submissions} 条数据），不能删除；请改为停用，其历史仍可查阅`,
          `The metric "${metric.nameEn || metric.name}" has figures, notices or comments (${record.submissions} figures) and cannot be deleted; retire it instead, which keeps its history readable`,
        );
      }
      await deleteMetricWithRows(m, id);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'delete metric',
          entity: 'metric',
          entityId: id,
          before: {
            planId: plan.id,
            code: metric.code,
            name: metric.name,
            kind: metric.kind,
            target: metric.target,
            deadline: metric.deadline,
          },
        },
        m,
      );
    });
    return this.structure.outline(planId);
  }

  /** T004-1, T004-2…: the seed's codes, the next one free in the plan. */
  private async freeCode(m: EntityManager, planId: number, taskNumber: number): Promise<string> {
    return freeMetricCode(taskNumber, await metricCodesStartingWith(m, planId, metricCodePrefix(taskNumber)));
  }
}
