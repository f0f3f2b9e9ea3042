import { Injectable } from '@nestjs/common';
import type { CaseRecord, Figure } from '@taizhang/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { IndicatorDepartmentEntity } from '../plans/indicator.entity';
import { TaskEntity } from '../plans/task.entity';
import { SubmissionCaseEntity, SubmissionEntity } from '../submissions/submission.entity';
import { EvaluationEntity } from './evaluation.entity';

export interface AssignedDepartment {
  id: number;
  code: string;
  name: string;
  isLead: boolean;
}

export interface EvaluationInputs {
  metrics: MetricEntity[];
  /** Departments that report each metric: the named lead and responsible departments of its indicator. */
  assigned: Map<number, AssignedDepartment[]>;
  /** The latest revision of each department's figure, keyed `${metricId}:${departmentId}:${periodKey}`. */
  figures: Map<string, Figure>;
}

export type NewEvaluation = Omit<EvaluationEntity, 'id' | 'supersededAt' | 'evaluatedAt'>;

export const figureKey = (metricId: number, departmentId: number, periodKey: string) => `${metricId}:${departmentId}:${periodKey}`;
export const evaluationKey = (e: Pick<EvaluationEntity, 'metricId' | 'departmentId' | 'periodKey'>) => `${e.metricId}:${e.departmentId ?? '*'}:${e.periodKey}`;

/** Reads what the engine needs and writes what it decided; the only evaluation code that touches SQL. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadInputs(planId: number, metricIds?: number[]): Promise<EvaluationInputs> {
    const m = this.dataSource.manager;
    const metrics = await m.find(MetricEntity, { where: { planId, ...(metricIds ? { id: In(metricIds) } : {}) }, order: { id: 'ASC' } });
    const ids = metrics.map((x) => x.id);
    const links: Array<{ metricId: number; departmentId: number; role: string; code: string; name: string }> = await m
      .createQueryBuilder(MetricEntity, 'm')
      .innerJoin(TaskEntity, 't', 't.id = m.task_id')
      .innerJoin(IndicatorDepartmentEntity, 'l', 'l.indicator_id = t.indicator_id')
      .innerJoin(DepartmentEntity, 'd', 'd.id = l.department_id AND d.is_group = :no', { no: false })
      .select(['m.id AS "metricId"', 'd.id AS "departmentId"', 'l.role AS "role"', 'd.code AS "code"', 'd.name AS "name"'])
      .where('m.plan_id = :planId', { planId })
      .orderBy('m.id').addOrderBy('l.role').addOrderBy('d.id')
      .getRawMany();
    const assigned = new Map<number, AssignedDepartment[]>();
    for (const l of links) {
      const list = assigned.get(Number(l.metricId)) ?? [];
      const existing = list.find((d) => d.id === Number(l.departmentId));
      if (existing) existing.isLead ||= l.role === 'lead';
      else list.push({ id: Number(l.departmentId), code: l.code, name: l.name, isLead: l.role === 'lead' });
      assigned.set(Number(l.metricId), list);
    }
    return { metrics, assigned, figures: ids.length ? await this.latestFigures(ids) : new Map() };
  }

  /** Latest revision per metric, department and period, as domain Figures (case records attached). */
  private async latestFigures(metricIds: number[]): Promise<Map<string, Figure>> {
    const m = this.dataSource.manager;
    const rows = await m.find(SubmissionEntity, { where: { metricId: In(metricIds) }, order: { revision: 'ASC' } });
    const latest = new Map<string, SubmissionEntity>();
    for (const r of rows) latest.set(figureKey(r.metricId, r.departmentId, r.periodKey), r);
    const caseSubmissionIds = [...latest.values()].filter((s) => s.figureType === 'cases').map((s) => s.id);
    const cases = new Map<number, CaseRecord[]>();
    for (let i = 0; i < caseSubmissionIds.length; i += 500) {
      for (const c of await m.find(SubmissionCaseEntity, { where: { submissionId: In(caseSubmissionIds.slice(i, i + 500)) }, order: { id: 'ASC' } })) {
        cases.set(c.submissionId, [...(cases.get(c.submissionId) ?? []), { reference: c.reference, startDate: c.startDate, completedOn: c.completedOn, value: c.value }]);
      }
    }
    const figures = new Map<string, Figure>();
    for (const [key, s] of latest) figures.set(key, toFigure(s, cases.get(s.id) ?? []));
    return figures;
  }

  /** The current evaluations of every metric of a plan, as plain rows (a plan has a few thousand). */
  currentOfPlan(planId: number): Promise<EvaluationEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .innerJoin(MetricEntity, 'm', 'm.id = e.metric_id')
      .where('m.plan_id = :planId AND e.superseded_at IS NULL', { planId })
      .getMany();
  }

  /** Every evaluation a metric ever had, oldest first: the history of its status changes. */
  history(metricId: number, departmentId: number | null | undefined): Promise<EvaluationEntity[]> {
    const where = departmentId === undefined ? { metricId } : { metricId, departmentId: departmentId === null ? IsNull() : departmentId };
    return this.dataSource.manager.find(EvaluationEntity, { where, order: { evaluatedAt: 'ASC', id: 'ASC' } });
  }

  current(metricIds: number[]): Promise<EvaluationEntity[]> {
    if (metricIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(EvaluationEntity, { where: { metricId: In(metricIds), supersededAt: IsNull() } });
  }

  /** Supersedes the replaced evaluations and inserts the new ones, in one transaction. */
  async apply(superseded: number[], inserted: NewEvaluation[], at: string): Promise<void> {
    if (superseded.length === 0 && inserted.length === 0) return;
    await this.dataSource.transaction(async (m) => {
      for (let i = 0; i < superseded.length; i += 500) await m.update(EvaluationEntity, { id: In(superseded.slice(i, i + 500)) }, { supersededAt: at });
      const rows = inserted.map((e) => ({ ...e, evaluatedAt: at, supersededAt: null }));
      for (let i = 0; i < rows.length; i += 100) await m.insert(EvaluationEntity, rows.slice(i, i + 100));
    });
  }
}

export function toFigure(s: Pick<SubmissionEntity, 'figureType' | 'value' | 'numerator' | 'denominator' | 'completedOn'>, cases: CaseRecord[]): Figure {
  switch (s.figureType) {
    case 'ratio':
      return { type: 'ratio', numerator: s.numerator ?? 0, denominator: s.denominator ?? 0 };
    case 'cases':
      return { type: 'cases', cases };
    case 'completion':
      return { type: 'completion', completedOn: s.completedOn };
    case 'value':
      return { type: 'value', value: s.value ?? 0 };
  }
}
