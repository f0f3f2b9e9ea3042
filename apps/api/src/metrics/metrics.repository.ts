import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { IndicatorDepartmentEntity } from '../plans/indicator.entity';
import { TaskEntity } from '../plans/task.entity';
import { MetricReportingDepartmentEntity } from './metric-reporting-department.entity';
import { MetricEntity } from './metric.entity';
import { checkReportingDepartments } from './reporting-departments.repository';

export interface AssignedDepartment {
  id: number;
  code: string;
  name: string;
  isLead: boolean;
}

/** Who reports which metric: a plan's metrics with their departments. */
export interface Assignments {
  metrics: MetricEntity[];
  /** Departments that report each metric (its reporting departments; by default the named departments of its indicator). */
  assigned: Map<number, AssignedDepartment[]>;
}

/** Metrics and who reports them. */
@Injectable()
export class MetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: number): Promise<MetricEntity | null> {
    return this.dataSource.manager.findOneBy(MetricEntity, { id });
  }

  async update(id: number, columns: Partial<MetricEntity>, m: EntityManager): Promise<void> {
    await m.update(MetricEntity, { id }, columns);
  }

  /** A plan's metrics in use, by code. */
  findLive(planId: number): Promise<MetricEntity[]> {
    return this.dataSource.manager.find(MetricEntity, {
      where: { planId, retiredAt: IsNull() },
      order: { code: 'ASC' },
    });
  }

  /** Refuses ids that are no department, or a department group. */
  checkReportingDepartments(ids: number[]): Promise<void> {
    return checkReportingDepartments(this.dataSource.manager, ids);
  }

  /** The departments that would report the metric: the indicator's leads first, then by id, as the engine orders them. */
  async proposedReporters(metric: MetricEntity, ids: number[]): Promise<AssignedDepartment[]> {
    const m = this.dataSource.manager;
    const departments = await m.find(DepartmentEntity, { where: { id: In(ids) } });
    const task = await m.findOneByOrFail(TaskEntity, { id: metric.taskId });
    const leads = new Set(
      (await m.find(IndicatorDepartmentEntity, { where: { indicatorId: task.indicatorId, role: 'lead' } })).map(
        (l) => l.departmentId,
      ),
    );
    return departments
      .map((d) => ({ id: d.id, code: d.code, name: d.name, isLead: leads.has(d.id) }))
      .sort((a, b) => Number(b.isLead) - Number(a.isLead) || a.id - b.id);
  }

  /**
   * A plan's metrics (or some of them) and the departments that report each one — without the figures, for
   * the many callers that only ask "who reports this metric" (submissions, queue, supervision, timeliness).
   * The reporting departments are the metric's own (metric_reporting_departments); a lead of its indicator is its lead.
   */
  async loadAssignments(planId: number, metricIds?: number[]): Promise<Assignments> {
    const m = this.dataSource.manager;
    // A plan-wide read leaves retired metrics out (no status, queue or notice); a read by id still finds one, for its history.
    const metrics = await m.find(MetricEntity, {
      where: { planId, ...(metricIds ? { id: In(metricIds) } : { retiredAt: IsNull() }) },
      order: { id: 'ASC' },
    });
    const query = m
      .createQueryBuilder(MetricEntity, 'm')
      .innerJoin(MetricReportingDepartmentEntity, 'r', 'r.metric_id = m.id')
      .innerJoin(DepartmentEntity, 'd', 'd.id = r.department_id')
      .innerJoin(TaskEntity, 't', 't.id = m.task_id')
      .leftJoin(
        IndicatorDepartmentEntity,
        'l',
        'l.indicator_id = t.indicator_id AND l.department_id = d.id AND l.role = :lead',
        { lead: 'lead' },
      )
      .select([
        'm.id AS "metricId"',
        'd.id AS "departmentId"',
        'l.department_id AS "leadId"',
        'd.code AS "code"',
        'd.name AS "name"',
      ])
      .where('m.plan_id = :planId', { planId });
    if (metricIds) query.andWhere('m.id IN (:...metricIds)', { metricIds: metricIds.length ? metricIds : [-1] });
    else query.andWhere('m.retired_at IS NULL');
    const links: Array<{ metricId: number; departmentId: number; leadId: number | null; code: string; name: string }> =
      await query.getRawMany();
    // Leads first, then the others, each by id: the order the engine names departments in.
    const rows = links.map((l) => ({
      metricId: Number(l.metricId),
      id: Number(l.departmentId),
      code: l.code,
      name: l.name,
      isLead: l.leadId !== null,
    }));
    rows.sort((a, b) => a.metricId - b.metricId || Number(b.isLead) - Number(a.isLead) || a.id - b.id);
    const assigned = new Map<number, AssignedDepartment[]>();
    for (const { metricId, ...department } of rows) {
      const list = assigned.get(metricId);
      if (list) list.push(department);
      else assigned.set(metricId, [department]);
    }
    return { metrics, assigned };
  }
}
