import { Injectable } from '@nestjs/common';
import type {
  CreateIndicatorRequest,
  CreateTaskRequest,
  PlanOutlineResponse,
  RetireResponse,
  UpdateIndicatorRequest,
  UpdateTaskRequest,
} from '@taizhang/contracts';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AppError, assertSomethingToChange } from '../common/app-error';
import { Transactions } from '../database/transactions';
import { withPlanLock } from '../database/with-plan-lock';
import { IndicatorEntity } from './indicator.entity';
import {
  deleteIndicatorWithLinks,
  deleteTaskRow,
  departmentsWithIds,
  findPlanOrFail,
  indicatorHoldsRows,
  insertIndicator,
  insertTask,
  liveMetricsOfTasks,
  liveRowsUnder,
  renumberPlan,
  replaceIndicatorLinks,
  retireRows,
  rowOfPlan,
  taskHasMetrics,
  updateIndicatorColumns,
  updateTaskColumns,
} from './plan-editor.repository';
import { LAST } from './plan-outline';
import { retireMetrics } from './plan-retirement';
import type { PlanEntity } from './plan.entity';
import { PlansRepository } from './plans.repository';
import { TaskEntity } from './task.entity';

const INDICATOR: [string, string] = ['指标', 'indicator'];
const TASK: [string, string] = ['任务', 'task'];

/** The plan editor's indicators, tasks and department links: every change in one transaction with its audit row. */
@Injectable()
export class PlanStructureService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlansRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async outline(planId: number): Promise<PlanOutlineResponse> {
    return this.plans.outline(planId);
  }

  async createIndicator(
    actor: CurrentUser,
    planId: number,
    input: CreateIndicatorRequest,
  ): Promise<PlanOutlineResponse> {
    return this.change(planId, async (m, plan) => {
      if (input.parentId !== undefined) {
        const parent = await rowOfPlan(m, IndicatorEntity, plan.id, input.parentId, INDICATOR);
        if (parent.level !== 1)
          throw new AppError('INVALID_INPUT', '上级指标须为一级指标', 'parentId must be a first-level indicator');
      }
      const saved = await insertIndicator(m, {
        planId: plan.id,
        parentId: input.parentId ?? null,
        level: input.parentId ? 2 : 1,
        number: LAST,
        title: input.title.trim(),
        retiredAt: null,
      });
      await renumberPlan(m, plan.id);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'create indicator',
          entity: 'indicator',
          entityId: saved.id,
          after: { planId: plan.id, parentId: saved.parentId, level: saved.level, title: saved.title },
        },
        m,
      );
    });
  }

  async updateIndicator(
    actor: CurrentUser,
    planId: number,
    id: number,
    input: UpdateIndicatorRequest,
  ): Promise<PlanOutlineResponse> {
    assertSomethingToChange(input, ['title', 'position', 'leadDepartmentIds', 'responsibleDepartmentIds']);
    return this.change(planId, async (m, plan) => {
      const before = await rowOfPlan(m, IndicatorEntity, plan.id, id, INDICATOR);
      const trail: Record<string, unknown> = {};
      if (input.title !== undefined) {
        await updateIndicatorColumns(m, id, { title: input.title.trim() });
        trail.title = before.title;
      }
      if (input.leadDepartmentIds || input.responsibleDepartmentIds) {
        if (before.level !== 2)
          throw new AppError(
            'INVALID_INPUT',
            '牵头单位和责任单位只能设在二级指标上',
            'Lead and responsible departments belong to second-level indicators',
          );
        Object.assign(trail, await this.replaceLinks(m, id, input.leadDepartmentIds, input.responsibleDepartmentIds));
      }
      if (input.position !== undefined) {
        trail.number = before.number;
        await renumberPlan(m, plan.id, { kind: 'indicator', id, to: input.position });
      }
      await this.audit.record(
        actor,
        { kind: 'write', action: 'update indicator', entity: 'indicator', entityId: id, before: trail, after: input },
        m,
      );
    });
  }

  /** Retires the indicator with everything under it (second levels, tasks, metrics); their history stays. */
  async retireIndicator(actor: CurrentUser, planId: number, id: number): Promise<RetireResponse> {
    return this.retire(planId, async (m, plan, at) => {
      const indicator = await rowOfPlan(m, IndicatorEntity, plan.id, id, INDICATOR);
      const { indicatorIds, tasks, metrics } = await liveRowsUnder(m, id);
      const retired = await retireMetrics(m, plan, metrics, at, this.clock.today());
      const taskIds = tasks.map((t) => t.id);
      await retireRows(m, TaskEntity, taskIds, at);
      await retireRows(m, IndicatorEntity, indicatorIds, at);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'retire indicator',
          entity: 'indicator',
          entityId: id,
          before: { title: indicator.title, number: indicator.number },
          after: { indicators: indicatorIds, tasks: taskIds, metrics: retired },
        },
        m,
      );
      return retired;
    });
  }

  /** Deletes an indicator that holds nothing (no second level, no task, live or retired). */
  async deleteIndicator(actor: CurrentUser, planId: number, id: number): Promise<PlanOutlineResponse> {
    return this.change(planId, async (m, plan) => {
      const indicator = await rowOfPlan(m, IndicatorEntity, plan.id, id, INDICATOR, { retired: true });
      if (await indicatorHoldsRows(m, id)) {
        throw new AppError(
          'CONFLICT',
          `指标「${indicator.title}」下还有指标或任务，不能删除；可改为停用`,
          `The indicator "${indicator.title}" still holds indicators or tasks and cannot be deleted; retire it instead`,
        );
      }
      await deleteIndicatorWithLinks(m, id);
      await renumberPlan(m, plan.id);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'delete indicator',
          entity: 'indicator',
          entityId: id,
          before: { planId: plan.id, level: indicator.level, number: indicator.number, title: indicator.title },
        },
        m,
      );
    });
  }

  async createTask(actor: CurrentUser, planId: number, input: CreateTaskRequest): Promise<PlanOutlineResponse> {
    return this.change(planId, async (m, plan) => {
      await this.secondLevel(m, plan.id, input.indicatorId);
      const text = input.text.trim();
      const saved = await insertTask(m, {
        planId: plan.id,
        indicatorId: input.indicatorId,
        number: LAST,
        text,
        rawText: text,
        retiredAt: null,
      });
      await renumberPlan(m, plan.id);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'create task',
          entity: 'task',
          entityId: saved.id,
          after: { planId: plan.id, indicatorId: saved.indicatorId, text },
        },
        m,
      );
    });
  }

  async updateTask(
    actor: CurrentUser,
    planId: number,
    id: number,
    input: UpdateTaskRequest,
  ): Promise<PlanOutlineResponse> {
    assertSomethingToChange(input, ['text', 'indicatorId', 'position']);
    return this.change(planId, async (m, plan) => {
      const before = await rowOfPlan(m, TaskEntity, plan.id, id, TASK);
      if (input.text !== undefined) await updateTaskColumns(m, id, { text: input.text.trim() });
      if (input.indicatorId !== undefined && input.indicatorId !== before.indicatorId) {
        await this.secondLevel(m, plan.id, input.indicatorId);
        await updateTaskColumns(m, id, { indicatorId: input.indicatorId, number: LAST });
        await renumberPlan(m, plan.id);
      }
      if (input.position !== undefined) await renumberPlan(m, plan.id, { kind: 'task', id, to: input.position });
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'update task',
          entity: 'task',
          entityId: id,
          before: { text: before.text, indicatorId: before.indicatorId, number: before.number },
          after: input,
        },
        m,
      );
    });
  }

  async retireTask(actor: CurrentUser, planId: number, id: number): Promise<RetireResponse> {
    return this.retire(planId, async (m, plan, at) => {
      const task = await rowOfPlan(m, TaskEntity, plan.id, id, TASK);
      const retired = await retireMetrics(m, plan, await liveMetricsOfTasks(m, [id]), at, this.clock.today());
      await retireRows(m, TaskEntity, [id], at);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'retire task',
          entity: 'task',
          entityId: id,
          before: { number: task.number, text: task.text },
          after: { metrics: retired },
        },
        m,
      );
      return retired;
    });
  }

  /** Deletes a task without metrics (live or retired). */
  async deleteTask(actor: CurrentUser, planId: number, id: number): Promise<PlanOutlineResponse> {
    return this.change(planId, async (m, plan) => {
      const task = await rowOfPlan(m, TaskEntity, plan.id, id, TASK, { retired: true });
      if (await taskHasMetrics(m, id))
        throw new AppError(
          'CONFLICT',
          `任务 ${task.number} 下还有指标，不能删除；可改为停用`,
          `Task ${task.number} still holds metrics and cannot be deleted; retire it instead`,
        );
      await deleteTaskRow(m, id);
      await renumberPlan(m, plan.id);
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'delete task',
          entity: 'task',
          entityId: id,
          before: { planId: plan.id, number: task.number, text: task.text },
        },
        m,
      );
    });
  }

  /** One change in one transaction, answered with the outline. */
  private async change(
    planId: number,
    work: (m: EntityManager, plan: PlanEntity) => Promise<void>,
  ): Promise<PlanOutlineResponse> {
    await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      await work(m, plan);
    });
    return this.outline(planId);
  }

  private async retire(
    planId: number,
    work: (m: EntityManager, plan: PlanEntity, at: string) => Promise<RetireResponse['metrics']>,
  ): Promise<RetireResponse> {
    const at = this.clock.now().toISOString();
    const metrics = await withPlanLock(this.transactions, planId, async (m) => {
      const plan = await findPlanOrFail(m, planId);
      return work(m, plan, at);
    });
    return { retiredAt: at, metrics };
  }

  private async secondLevel(m: EntityManager, planId: number, id: number): Promise<IndicatorEntity> {
    const indicator = await rowOfPlan(m, IndicatorEntity, planId, id, INDICATOR);
    if (indicator.level !== 2)
      throw new AppError('INVALID_INPUT', '任务须放在二级指标下', 'A task belongs under a second-level indicator');
    return indicator;
  }

  /** Replaces the lead and/or responsible departments of a second level; returns what they were. */
  private async replaceLinks(
    m: EntityManager,
    indicatorId: number,
    lead: number[] | undefined,
    responsible: number[] | undefined,
  ): Promise<Record<string, number[]>> {
    const ids = [...(lead ?? []), ...(responsible ?? [])];
    const found = await departmentsWithIds(m, ids);
    const missing = [...new Set(ids.filter((id) => !found.some((d) => d.id === id)))];
    if (missing.length)
      throw new AppError(
        'INVALID_INPUT',
        `找不到编号为 ${missing.join('、')} 的单位`,
        `No department with id ${missing.join(', ')}`,
      );
    const before: Record<string, number[]> = {};
    for (const [role, list] of [
      ['lead', lead],
      ['responsible', responsible],
    ] as const) {
      if (!list) continue;
      before[`${role}DepartmentIds`] = await replaceIndicatorLinks(m, indicatorId, role, list);
    }
    return before;
  }
}
