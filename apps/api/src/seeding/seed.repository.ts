import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { MetricReportingDepartmentEntity } from '../metrics/metric-reporting-department.entity';
import { IndicatorDepartmentEntity, IndicatorEntity } from '../plans/indicator.entity';
import { PlanEntity } from '../plans/plan.entity';
import { TaskEntity } from '../plans/task.entity';

/** The writes of loading a plan seed; every method runs inside the loader's one transaction `m`. */
@Injectable()
export class SeedRepository {
  async planExists(m: EntityManager, code: string): Promise<boolean> {
    return (await m.findOneBy(PlanEntity, { code })) !== null;
  }

  /** The id of the department with this code, inserting it when it is not stored yet. */
  async departmentId(m: EntityManager, d: Partial<DepartmentEntity> & { code: string }): Promise<number> {
    const existing = await m.findOneBy(DepartmentEntity, { code: d.code });
    return existing ? existing.id : (await m.save(DepartmentEntity, m.create(DepartmentEntity, d))).id;
  }

  insertPlan(m: EntityManager, plan: Partial<PlanEntity>): Promise<PlanEntity> {
    return m.save(PlanEntity, m.create(PlanEntity, plan));
  }

  insertIndicator(m: EntityManager, indicator: Partial<IndicatorEntity>): Promise<IndicatorEntity> {
    return m.save(IndicatorEntity, m.create(IndicatorEntity, indicator));
  }

  async linkDepartments(m: EntityManager, links: IndicatorDepartmentEntity[]): Promise<void> {
    await m.insert(IndicatorDepartmentEntity, links);
  }

  insertTask(m: EntityManager, task: Partial<TaskEntity>): Promise<TaskEntity> {
    return m.save(TaskEntity, m.create(TaskEntity, task));
  }

  insertMetric(m: EntityManager, metric: Partial<MetricEntity>): Promise<MetricEntity> {
    return m.save(MetricEntity, m.create(MetricEntity, metric));
  }

  async setReporters(m: EntityManager, metricId: number, departmentIds: number[]): Promise<void> {
    await m.insert(
      MetricReportingDepartmentEntity,
      departmentIds.map((departmentId) => ({ metricId, departmentId })),
    );
  }
}
