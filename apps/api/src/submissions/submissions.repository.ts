import { Injectable } from '@nestjs/common';
import type { Figure, PreviousFigure, SoftRuleFinding } from '@taizhang/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { toFigure } from '../evaluation/evaluation.repository';
import { UserEntity } from '../auth/user.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { EvidenceFileEntity } from './evidence-file.entity';
import {
  SubmissionExplanationEntity,
  SubmissionFlagAcceptanceEntity,
  SubmissionFlagEntity,
} from './submission-flag.entity';
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
      metricId: s.metricId,
      departmentId: s.departmentId,
      periodKey: s.periodKey,
      periodEnd: s.periodEnd,
      revision: Number(last?.revision ?? 0) + 1,
      figureType: f.type,
      value: f.type === 'value' ? f.value : null,
      numerator: f.type === 'ratio' ? f.numerator : null,
      denominator: f.type === 'ratio' ? f.denominator : null,
      completedOn: f.type === 'completion' ? f.completedOn : null,
      note: s.note,
      reason: s.reason ?? null,
      submittedBy: s.submittedBy ?? null,
      origin: s.origin,
      createdAt: s.createdAt,
    });
    const saved = await m.save(SubmissionEntity, row);
    if (f.type === 'cases' && f.cases.length > 0) {
      await m.insert(
        SubmissionCaseEntity,
        f.cases.map((c) => ({
          submissionId: saved.id,
          reference: c.reference.trim(),
          startDate: c.startDate,
          completedOn: c.completedOn,
          value: c.value,
        })),
      );
    }
    return saved;
  }

  findById(id: number, m: EntityManager = this.dataSource.manager): Promise<SubmissionEntity | null> {
    return m.findOneBy(SubmissionEntity, { id });
  }

  /** The latest revision of a department's figure for a period. */
  latestRevision(
    s: Pick<SubmissionEntity, 'metricId' | 'departmentId' | 'periodKey'>,
    m: EntityManager = this.dataSource.manager,
  ): Promise<SubmissionEntity | null> {
    return m.findOne(SubmissionEntity, {
      where: { metricId: s.metricId, departmentId: s.departmentId, periodKey: s.periodKey },
      order: { revision: 'DESC' },
    });
  }

  async isFlagged(submissionId: number, m: EntityManager): Promise<boolean> {
    return (await m.countBy(SubmissionFlagEntity, { submissionId })) > 0;
  }

  async isReturned(submissionId: number, m: EntityManager): Promise<boolean> {
    return (await m.countBy(SubmissionReturnEntity, { submissionId })) > 0;
  }

  async isAccepted(submissionId: number, m: EntityManager): Promise<boolean> {
    return (await m.countBy(SubmissionFlagAcceptanceEntity, { submissionId })) > 0;
  }

  async insertReturn(row: Omit<SubmissionReturnEntity, 'id'>, m: EntityManager): Promise<void> {
    await m.insert(SubmissionReturnEntity, row);
  }

  async insertAcceptance(row: Omit<SubmissionFlagAcceptanceEntity, 'id'>, m: EntityManager): Promise<void> {
    await m.insert(SubmissionFlagAcceptanceEntity, row);
  }

  insertEvidenceFile(file: Omit<EvidenceFileEntity, 'id'>, m: EntityManager): Promise<EvidenceFileEntity> {
    return m.save(EvidenceFileEntity, m.create(EvidenceFileEntity, file));
  }

  findEvidenceFile(id: number): Promise<EvidenceFileEntity | null> {
    return this.dataSource.manager.findOneBy(EvidenceFileEntity, { id });
  }

  /** Who is who in a revision's history: every user's name, by id. */
  async usernames(): Promise<Map<number, string>> {
    const users = await this.dataSource.manager.find(UserEntity, { select: { id: true, username: true } });
    return new Map(users.map((u) => [u.id, u.username]));
  }

  /** The returns and evidence files of some revisions, each in id order. */
  async returnsAndEvidence(
    ids: number[],
  ): Promise<{ returns: SubmissionReturnEntity[]; evidence: EvidenceFileEntity[] }> {
    const m = this.dataSource.manager;
    const [returns, evidence] = await Promise.all([
      ids.length ? m.find(SubmissionReturnEntity, { where: { submissionId: In(ids) }, order: { id: 'ASC' } }) : [],
      ids.length ? m.find(EvidenceFileEntity, { where: { submissionId: In(ids) }, order: { id: 'ASC' } }) : [],
    ]);
    return { returns, evidence };
  }

  /** The latest revision of a department's figures for a period, and whether a leader returned it. */
  async latest(
    metricId: number,
    departmentId: number,
    periodKey: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ row: SubmissionEntity; returned: boolean } | null> {
    const row = await m.findOne(SubmissionEntity, {
      where: { metricId, departmentId, periodKey },
      order: { revision: 'DESC' },
    });
    return row ? { row, returned: (await m.countBy(SubmissionReturnEntity, { submissionId: row.id })) > 0 } : null;
  }

  /** The department's latest figure of the closest period that ended before `before` (a figure or a rate; cases are not compared). */
  async previousFigure(metricId: number, departmentId: number, before: string): Promise<PreviousFigure | null> {
    const row = await this.dataSource.manager
      .createQueryBuilder(SubmissionEntity, 's')
      .where('s.metric_id = :metricId AND s.department_id = :departmentId AND s.period_end < :before', {
        metricId,
        departmentId,
        before,
      })
      .orderBy('s.period_end', 'DESC')
      .addOrderBy('s.revision', 'DESC')
      .getOne();
    return row && row.figureType !== 'cases' ? { periodKey: row.periodKey, figure: toFigure(row, []) } : null;
  }

  /** Stores the soft rules a revision tripped and the explanation given, inside the caller's transaction. */
  async saveFlags(
    m: EntityManager,
    submissionId: number,
    explanation: string | null,
    findings: SoftRuleFinding[],
  ): Promise<void> {
    if (explanation) await m.insert(SubmissionExplanationEntity, { submissionId, text: explanation });
    if (findings.length)
      await m.insert(
        SubmissionFlagEntity,
        findings.map((f) => ({ submissionId, rule: f.rule, messageZh: f.messageZh, messageEn: f.messageEn })),
      );
  }

  /** The explanations, flags and acceptances of some revisions, by submission id. */
  async flagsOf(ids: number[]): Promise<{
    explanations: Map<number, string>;
    flags: Map<number, SoftRuleFinding[]>;
    acceptances: Map<number, SubmissionFlagAcceptanceEntity>;
  }> {
    const m = this.dataSource.manager;
    const explanations = new Map<number, string>();
    const flags = new Map<number, SoftRuleFinding[]>();
    const acceptances = new Map<number, SubmissionFlagAcceptanceEntity>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const [e, f, a] = await Promise.all([
        m.findBy(SubmissionExplanationEntity, { submissionId: In(chunk) }),
        m.find(SubmissionFlagEntity, { where: { submissionId: In(chunk) }, order: { id: 'ASC' } }),
        m.findBy(SubmissionFlagAcceptanceEntity, { submissionId: In(chunk) }),
      ]);
      for (const x of e) explanations.set(x.submissionId, x.text);
      for (const x of f)
        flags.set(x.submissionId, [
          ...(flags.get(x.submissionId) ?? []),
          { rule: x.rule, messageZh: x.messageZh, messageEn: x.messageEn },
        ]);
      for (const x of a) acceptances.set(x.submissionId, x);
    }
    return { explanations, flags, acceptances };
  }

  /**
   * Every flagged revision of a plan's metrics (of the periods ending in a month, or of one period key), newest first,
   * with its metric, department, the latest revision number of its period, its evidence count and its return.
   */
  async flagged(planId: number, period?: string): Promise<FlaggedRow[]> {
    const q = this.dataSource
      .createQueryBuilder(SubmissionEntity, 's')
      .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
      .innerJoin('departments', 'd', 'd.id = s.department_id')
      .select('s.id', 'id')
      .addSelect([
        's.metric_id AS "metricId"',
        's.department_id AS "departmentId"',
        's.period_key AS "periodKey"',
        's.revision AS "revision"',
        's.figure_type AS "figureType"',
        's.value AS "value"',
        's.numerator AS "numerator"',
        's.denominator AS "denominator"',
        's.completed_on AS "completedOn"',
        's.submitted_by AS "submittedBy"',
        's.created_at AS "createdAt"',
        'm.code AS "metricCode"',
        'm.name AS "metricName"',
        'm.name_en AS "metricNameEn"',
        'm.unit AS "unit"',
        'd.name AS "departmentName"',
      ])
      .addSelect(
        '(SELECT MAX(s2.revision) FROM submissions s2 WHERE s2.metric_id = s.metric_id AND s2.department_id = s.department_id AND s2.period_key = s.period_key)',
        'latestRevision',
      )
      .addSelect('(SELECT COUNT(*) FROM evidence_files e WHERE e.submission_id = s.id)', 'evidenceCount')
      .where('m.plan_id = :planId', { planId })
      .andWhere('EXISTS (SELECT 1 FROM submission_flags f WHERE f.submission_id = s.id)')
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC');
    if (period && /^\d{4}-\d{2}$/.test(period)) q.andWhere('SUBSTR(s.period_end, 1, 7) = :period', { period });
    else if (period) q.andWhere('s.period_key = :period', { period });
    const rows: FlaggedRow[] = await q.getRawMany();
    const ids = rows.map((r) => Number(r.id));
    const returns = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const r of await this.dataSource.manager.find(SubmissionReturnEntity, {
        where: { submissionId: In(ids.slice(i, i + 500)) },
        order: { id: 'ASC' },
      }))
        returns.set(r.submissionId, r.comment);
    }
    return rows.map((r) => ({
      ...r,
      id: Number(r.id),
      revision: Number(r.revision),
      latestRevision: Number(r.latestRevision),
      evidenceCount: Number(r.evidenceCount),
      returnComment: returns.get(Number(r.id)) ?? null,
    }));
  }

  /** Every revision for a metric (optionally one department), newest first, with case records. */
  async revisions(
    metricId: number,
    departmentId?: number,
  ): Promise<Array<SubmissionEntity & { cases: SubmissionCaseEntity[] }>> {
    const m = this.dataSource.manager;
    const rows = await m.find(SubmissionEntity, {
      where: { metricId, ...(departmentId ? { departmentId } : {}) },
      order: { periodEnd: 'DESC', revision: 'DESC' },
    });
    const caseRows = rows.some((r) => r.figureType === 'cases')
      ? await m
          .createQueryBuilder(SubmissionCaseEntity, 'c')
          .innerJoin(SubmissionEntity, 's', 's.id = c.submission_id')
          .where('s.metric_id = :metricId', { metricId })
          .orderBy('c.id')
          .getMany()
      : [];
    const casesOf = groupBy(caseRows, (c) => c.submissionId);
    return rows.map((r) => ({ ...r, cases: casesOf.get(r.id) ?? [] }));
  }

  /**
   * A department's latest revision per metric and period, keyed `${metricId}:${periodKey}`, with the
   * comment of its return when it was sent back (a return of an older revision no longer counts).
   */
  async latestWithReturns(
    metricIds: number[],
    departmentId: number,
  ): Promise<Map<string, { id: number; revision: number; createdAt: string; returnComment: string | null }>> {
    if (metricIds.length === 0) return new Map();
    const m = this.dataSource.manager;
    const rows = await m
      .createQueryBuilder(SubmissionEntity, 's')
      .select(['s.id', 's.metricId', 's.periodKey', 's.revision', 's.createdAt'])
      .where('s.metric_id IN (:...metricIds) AND s.department_id = :departmentId', { metricIds, departmentId })
      .orderBy('s.revision', 'ASC')
      .getMany();
    const latest = new Map<string, { id: number; revision: number; createdAt: string; returnComment: string | null }>();
    for (const r of rows)
      latest.set(`${r.metricId}:${r.periodKey}`, {
        id: r.id,
        revision: r.revision,
        createdAt: r.createdAt,
        returnComment: null,
      });
    const byId = new Map([...latest.values()].map((l) => [l.id, l]));
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const returns = await m
        .createQueryBuilder(SubmissionReturnEntity, 'r')
        .where('r.submission_id IN (:...ids)', { ids: ids.slice(i, i + 500) })
        .orderBy('r.id', 'ASC')
        .getMany();
      for (const ret of returns) byId.get(ret.submissionId)!.returnComment = ret.comment;
    }
    return latest;
  }

  /** When each first revision arrived, keyed `${metricId}:${departmentId}:${periodKey}`: timeliness counts the first. */
  async firstRevisions(planId: number): Promise<Map<string, string>> {
    const rows: Array<{ metricId: number; departmentId: number; periodKey: string; createdAt: string }> =
      await this.dataSource
        .createQueryBuilder(SubmissionEntity, 's')
        .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
        .select([
          's.metric_id AS "metricId"',
          's.department_id AS "departmentId"',
          's.period_key AS "periodKey"',
          's.created_at AS "createdAt"',
        ])
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

/** A flagged revision as the leaders' list reads it. */
export interface FlaggedRow extends Pick<
  SubmissionEntity,
  | 'id'
  | 'metricId'
  | 'departmentId'
  | 'periodKey'
  | 'revision'
  | 'figureType'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'completedOn'
  | 'submittedBy'
  | 'createdAt'
> {
  metricCode: string;
  metricName: string;
  metricNameEn: string;
  unit: string;
  departmentName: string;
  latestRevision: number;
  evidenceCount: number;
  returnComment: string | null;
}
