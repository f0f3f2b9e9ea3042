import { Injectable } from '@nestjs/common';
import type { PlanOutlineResponse } from '@taizhang/contracts';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { IndicatorDepartmentEntity, IndicatorEntity } from './indicator.entity';
import { findPlanOrFail } from './plan-editor.repository';
import { metricRecords, reportersOf } from './plan-metrics.repository';
import { toOutline } from './plan-outline';
import { PlanEntity } from './plan.entity';
import { TaskEntity } from './task.entity';

export interface PlanStructure {
  plan: PlanEntity;
  indicators: IndicatorEntity[];
  tasks: TaskEntity[];
  metrics: MetricEntity[];
  /** Who leads and who is responsible for each second-level indicator. */
  links: Array<{ indicatorId: number; role: 'lead' | 'responsible'; department: DepartmentEntity }>;
  /** Every department, by id: a metric's reporting departments need not be named on its indicator. */
  departments: Map<number, DepartmentEntity>;
}

/** The only place that reads a plan's structure from the database. A plan is small: ~200 rows. */
@Injectable()
export class PlansRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAll(): Promise<PlanEntity[]> {
    return this.dataSource.getRepository(PlanEntity).find({ order: { year: 'DESC', id: 'ASC' } });
  }

  /** Every plan in id order (the evaluation cycle's order). */
  findAllInIdOrder(): Promise<PlanEntity[]> {
    return this.dataSource.getRepository(PlanEntity).find({ order: { id: 'ASC' } });
  }

  findById(id: number, m: EntityManager = this.dataSource.manager): Promise<PlanEntity | null> {
    return m.findOneBy(PlanEntity, { id });
  }

  async update(id: number, changes: Partial<PlanEntity>, m: EntityManager): Promise<void> {
    await m.update(PlanEntity, { id }, changes);
  }

  /** The plan, or 404. */
  findByIdOrFail(id: number): Promise<PlanEntity> {
    return findPlanOrFail(this.dataSource.manager, id);
  }

  /** The plan editor's outline: the whole structure, retired rows included, with what stands on each metric. */
  async outline(planId: number): Promise<PlanOutlineResponse> {
    const plan = await this.findByIdOrFail(planId);
    const m = this.dataSource.manager;
    const structure = await this.loadStructure(plan, { retired: true });
    const metricIds = structure.metrics.map((x) => x.id);
    const [records, reporters] = await Promise.all([metricRecords(m, metricIds), reportersOf(m, metricIds)]);
    return toOutline(structure, records, reporters);
  }

  /** The live structure (what statuses, reports and comparisons read), or with `retired` also what the plan editor retired. */
  async loadStructure(plan: PlanEntity, options: { retired?: boolean } = {}): Promise<PlanStructure> {
    const m = this.dataSource.manager;
    const live = options.retired ? {} : { retiredAt: IsNull() };
    const [indicators, tasks, metrics, links, departments] = await Promise.all([
      m.find(IndicatorEntity, {
        where: { planId: plan.id, ...live },
        order: { level: 'ASC', number: 'ASC', id: 'ASC' },
      }),
      m.find(TaskEntity, { where: { planId: plan.id, ...live }, order: { number: 'ASC', id: 'ASC' } }),
      m.find(MetricEntity, { where: { planId: plan.id, ...live }, order: { code: 'ASC' } }),
      m
        .createQueryBuilder(IndicatorDepartmentEntity, 'l')
        .innerJoin(IndicatorEntity, 'i', 'i.id = l.indicator_id')
        .where('i.plan_id = :planId', { planId: plan.id })
        .getMany(),
      m.find(DepartmentEntity),
    ]);
    const byId = new Map(departments.map((d) => [d.id, d]));
    return {
      plan,
      indicators,
      tasks,
      metrics,
      links: links.map((l) => ({ indicatorId: l.indicatorId, role: l.role, department: byId.get(l.departmentId)! })),
      departments: byId,
    };
  }
}
