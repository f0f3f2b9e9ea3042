import { Injectable } from '@nestjs/common';
import type { Figure } from '@taizhang/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { MetricEntity } from '../metrics/metric.entity';
import { SubmissionReturnEntity } from './submission-return.entity';
import { SubmissionCaseEntity, SubmissionEntity } from './submission.entity';
import { groupBy } from '../common/group-by';

export interface NewSubmission {
  metricId: number;
  departmentId: number;
  periodKey: string;
  periodEnd: string;
  figure: Figure;
  note: string | null;
  reason?: string | null;
  submittedBy?: number | null;
  origin: 'demo' | 'department';
  createdAt: string;
}

/** Submissions are append-only: each write is a new revision; nothing is updated or deleted. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends the next revision for the metric, department and period. The unique index on
   * (metric, department, period, revision) makes a concurrent writer fail instead of overwriting.
   */
  async append(m: EntityManager, s: NewSubmission): Promise<SubmissionEntity> {
    const last = await m
      .createQueryBuilder(SubmissionEntity, 's')
      .select('MAX(s.revision)', 'revision')
      .where('s.metric_id = :metricId AND s.department_id = :departmentId AND s.period_key = :periodKey', s)
      .getRawOne<{ revision: number | string | null }>();
    const f = s.figure;
    const row = m.create(SubmissionEntity, {
      metricId: s.metricId, departmentId: s.departmentId, periodKey: s.periodKey, periodEnd: s.periodEnd,
      revision: Number(last?.revision ?? 0) + 1,
      figureType: f.type,
      value: f.type === 'value' ? f.value : null,
      numerator: f.type === 'ratio' ? f.numerator : null,
      denominator: f.type === 'ratio' ? f.denominator : null,
      completedOn: f.type === 'completion' ? f.completedOn : null,
      note: s.note, reason: s.reason ?? null, submittedBy: s.submittedBy ?? null, origin: s.origin, createdAt: s.createdAt,
    });
    const saved = await m.save(SubmissionEntity, row);
    if (f.type === 'cases' && f.cases.length > 0) {
      await m.insert(SubmissionCaseEntity, f.cases.map((c) => ({ submissionId: saved.id, reference: c.reference.trim(), startDate: c.startDate, completedOn: c.completedOn, value: c.value })));
    }
    return saved;
  }

  /** Every revision for a metric (optionally one department), newest first, with case records. */
  async revisions(metricId: number, departmentId?: number): Promise<Array<SubmissionEntity & { cases: SubmissionCaseEntity[] }>> {
    const m = this.dataSource.manager;
    const rows = await m.find(SubmissionEntity, { where: { metricId, ...(departmentId ? { departmentId } : {}) }, order: { periodEnd: 'DESC', revision: 'DESC' } });
    const caseRows = rows.some((r) => r.figureType === 'cases')
      ? await m.createQueryBuilder(SubmissionCaseEntity, 'c').innerJoin(SubmissionEntity, 's', 's.id = c.submission_id').where('s.metric_id = :metricId', { metricId }).orderBy('c.id').getMany()
      : [];
    const casesOf = groupBy(caseRows, (c) => c.submissionId);
    return rows.map((r) => ({ ...r, cases: casesOf.get(r.id) ?? [] }));
  }

  /**
   * A department's latest revision per metric and period, keyed `${metricId}:${periodKey}`, with the
   * comment of its return when it was sent back (a return of an older revision no longer counts).
   */
  async latestWithReturns(metricIds: number[], departmentId: number): Promise<Map<string, { id: number; revision: number; createdAt: string; returnComment: string | null }>> {
    if (metricIds.length === 0) return new Map();
    const m = this.dataSource.manager;
    const rows = await m
      .createQueryBuilder(SubmissionEntity, 's')
      .select(['s.id', 's.metricId', 's.periodKey', 's.revision', 's.createdAt'])
      .where('s.metric_id IN (:...metricIds) AND s.department_id = :departmentId', { metricIds, departmentId })
      .orderBy('s.revision', 'ASC')
      .getMany();
    const latest = new Map<string, { id: number; revision: number; createdAt: string; returnComment: string | null }>();
    for (const r of rows) latest.set(`${r.metricId}:${r.periodKey}`, { id: r.id, revision: r.revision, createdAt: r.createdAt, returnComment: null });
    const byId = new Map([...latest.values()].map((l) => [l.id, l]));
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const returns = await m.createQueryBuilder(SubmissionReturnEntity, 'r').where('r.submission_id IN (:...ids)', { ids: ids.slice(i, i + 500) }).orderBy('r.id', 'ASC').getMany();
      for (const ret of returns) byId.get(ret.submissionId)!.returnComment = ret.comment;
    }
    return latest;
  }

  /** When each first revision arrived, keyed `${metricId}:${departmentId}:${periodKey}`: timeliness counts the first. */
  async firstRevisions(planId: number): Promise<Map<string, string>> {
    const rows: Array<{ metricId: number; departmentId: number; periodKey: string; createdAt: string }> = await this.dataSource
      .createQueryBuilder(SubmissionEntity, 's')
      .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
      .select(['s.metric_id AS "metricId"', 's.department_id AS "departmentId"', 's.period_key AS "periodKey"', 's.created_at AS "createdAt"'])
      .where('m.plan_id = :planId AND s.revision = 1', { planId })
      .getRawMany();
    return new Map(rows.map((r) => [`${r.metricId}:${r.departmentId}:${r.periodKey}`, r.createdAt]));
  }

  /** Months ("YYYY-MM") in which some reported period of the plan ends, oldest first. */
  async monthsWithData(planId: number): Promise<string[]> {
    const rows: Array<{ month: string }> = await this.dataSource
      .createQueryBuilder(SubmissionEntity, 's')
      .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
      .select('DISTINCT SUBSTR(s.period_end, 1, 7)', 'month')
      .where('m.plan_id = :planId', { planId })
      .orderBy('month', 'ASC')
      .getRawMany();
    return rows.map((r) => r.month);
  }
}
