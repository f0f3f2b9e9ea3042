import { Injectable } from '@nestjs/common';
import type { CaseRecord, Figure } from '@taizhang/domain';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { MetricEntity } from '../metrics/metric.entity';
import { columnsAs } from '../database/columns-as';
import { Transactions } from '../database/transactions';
import type { AssignedDepartment } from '../metrics/metrics.repository';
import { withPlanLock } from '../database/with-plan-lock';
import { SubmissionReturnEntity } from '../submissions/submission-return.entity';
import { SubmissionCaseEntity, SubmissionEntity } from '../submissions/submission.entity';
import { EvaluationCheckEntity } from './evaluation-check.entity';
import { EvaluationEntity } from './evaluation.entity';

export interface EvaluationInputs {
  metrics: MetricEntity[];
  /** Departments that report each metric (its reporting departments; by default the named departments of its indicator). */
  assigned: Map<number, AssignedDepartment[]>;
  /** The latest revision of each department's figure, keyed `${metricId}:${departmentId}:${periodKey}`. */
  figures: Map<string, Figure>;
  /** The keys of those a leader returned for correction: not accepted figures, the period awaits corrected ones. */
  returned: Set<string>;
}

/** The latest figures and which of them were returned. */
export type LatestFigures = Pick<EvaluationInputs, 'figures' | 'returned'>;

export type NewEvaluation = Omit<EvaluationEntity, 'id' | 'supersededAt' | 'evaluatedAt'>;

/** A metric's periods to evaluate: some of them, or null for all. */
export type PeriodScope = Set<string> | null;

/** A check date that has always passed: "evaluate at the next cycle". */
export const STALE_CHECK = '0000-01-01';

/** A check date to store; `marks` is the row's count of stale marks when the evaluation read it (0: no row). */
export type NewCheck = Pick<EvaluationCheckEntity, 'metricId' | 'periodKey' | 'checkOn' | 'marks'>;
export type StoredCheck = Pick<EvaluationCheckEntity, 'checkOn' | 'marks'>;

export const figureKey = (metricId: number, departmentId: number, periodKey: string) =>
  `${metricId}:${departmentId}:${periodKey}`;
export const evaluationKey = (e: Pick<EvaluationEntity, 'metricId' | 'departmentId' | 'periodKey'>) =>
  `${e.metricId}:${e.departmentId ?? '*'}:${e.periodKey}`;

/** Reads what the engine needs and writes what it decided; the only evaluation code that touches SQL. */
@Injectable()
export class EvaluationRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /** The latest figures of some metrics (of some periods only, when periodKeys is given), and which were returned. */
  loadFigures(metricIds: number[], periodKeys?: string[]): Promise<LatestFigures> {
    return metricIds.length
      ? this.latestFigures(metricIds, periodKeys)
      : Promise.resolve({ figures: new Map(), returned: new Set() });
  }

  /**
   * Latest revision per metric, department and period, as domain Figures (case records attached). Plain rows,
   * three queries for the whole set of metrics: a full cycle reads millions of submissions, entities would cost
   * more than the rules themselves.
   */
  private async latestFigures(metricIds: number[], periodKeys?: string[]): Promise<LatestFigures> {
    const m = this.dataSource.manager;
    const query = m
      .createQueryBuilder(SubmissionEntity, 's')
      .select([
        's.id AS "id"',
        's.metric_id AS "metricId"',
        's.department_id AS "departmentId"',
        's.period_key AS "periodKey"',
        's.figure_type AS "figureType"',
        's.value AS "value"',
        's.numerator AS "numerator"',
        's.denominator AS "denominator"',
        's.completed_on AS "completedOn"',
      ])
      .where('s.metric_id IN (:...metricIds)', { metricIds })
      .orderBy('s.revision', 'ASC');
    if (periodKeys)
      query.andWhere('s.period_key IN (:...periodKeys)', { periodKeys: periodKeys.length ? periodKeys : [''] });
    const rows: RawSubmission[] = await query.getRawMany();
    const latest = new Map<string, RawSubmission>();
    for (const r of rows) latest.set(figureKey(Number(r.metricId), Number(r.departmentId), r.periodKey), r);
    const cases = new Map<number, CaseRecord[]>();
    for (const s of latest.values()) if (s.figureType === 'cases') cases.set(Number(s.id), []);
    if (cases.size > 0) {
      // Cases of superseded revisions come along and are dropped here: one query instead of one per 500 submissions.
      const caseQuery = m
        .createQueryBuilder(SubmissionCaseEntity, 'c')
        .innerJoin(SubmissionEntity, 's', 's.id = c.submission_id')
        .select([
          'c.submission_id AS "submissionId"',
          'c.reference AS "reference"',
          'c.start_date AS "startDate"',
          'c.completed_on AS "completedOn"',
          'c.value AS "value"',
        ])
        .where('s.metric_id IN (:...metricIds) AND s.figure_type = :cases', { metricIds, cases: 'cases' })
        .orderBy('c.id', 'ASC');
      if (periodKeys)
        caseQuery.andWhere('s.period_key IN (:...periodKeys)', { periodKeys: periodKeys.length ? periodKeys : [''] });
      const caseRows: RawCase[] = await caseQuery.getRawMany();
      for (const c of caseRows)
        cases
          .get(Number(c.submissionId))
          ?.push({ reference: c.reference, startDate: c.startDate, completedOn: c.completedOn, value: c.value });
    }
    const figures = new Map<string, Figure>();
    for (const [key, s] of latest) figures.set(key, toFigure(s, cases.get(Number(s.id)) ?? []));
    return { figures, returned: await this.returnedLatest(latest, metricIds, periodKeys) };
  }

  /** Which of the latest revisions were returned (a return of an older revision was answered by the newer one). */
  private async returnedLatest(
    latest: Map<string, RawSubmission>,
    metricIds: number[],
    periodKeys?: string[],
  ): Promise<Set<string>> {
    const query = this.dataSource.manager
      .createQueryBuilder(SubmissionReturnEntity, 'r')
      .innerJoin(SubmissionEntity, 's', 's.id = r.submission_id')
      .select('r.submission_id AS "submissionId"')
      .where('s.metric_id IN (:...metricIds)', { metricIds });
    if (periodKeys)
      query.andWhere('s.period_key IN (:...periodKeys)', { periodKeys: periodKeys.length ? periodKeys : [''] });
    const ids = new Set((await query.getRawMany<{ submissionId: number }>()).map((r) => Number(r.submissionId)));
    const returned = new Set<string>();
    if (ids.size) for (const [key, s] of latest) if (ids.has(Number(s.id))) returned.add(key);
    return returned;
  }

  /**
   * The current evaluations of every metric of a plan (tens of thousands for a plan with 30 departments), read as
   * plain rows shaped like the entity: hydrating entities cost more than everything the dashboard and supervision
   * then do with them.
   */
  async currentOfPlan(planId: number): Promise<EvaluationEntity[]> {
    const rows: EvaluationEntity[] = await this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .innerJoin(MetricEntity, 'm', 'm.id = e.metric_id')
      .select(columnsAs('e', ['id', ...EVALUATION_COLUMNS]))
      .where('m.plan_id = :planId AND e.superseded_at IS NULL AND m.retired_at IS NULL', { planId })
      .getRawMany();
    return rows.map(normaliseEvaluation);
  }

  /** Every evaluation a metric ever had, oldest first: the history of its status changes. */
  history(metricId: number, departmentId: number | null | undefined): Promise<EvaluationEntity[]> {
    const where =
      departmentId === undefined
        ? { metricId }
        : { metricId, departmentId: departmentId === null ? IsNull() : departmentId };
    return this.dataSource.manager.find(EvaluationEntity, { where, order: { evaluatedAt: 'ASC', id: 'ASC' } });
  }

  current(metricIds: number[]): Promise<EvaluationEntity[]> {
    if (metricIds.length === 0) return Promise.resolve([]);
    return this.dataSource.manager.find(EvaluationEntity, {
      where: { metricId: In(metricIds), supersededAt: IsNull() },
    });
  }

  /**
   * The current evaluations of some metrics, as plain rows with what a cycle compares (no entities: a plan has tens of
   * thousands); only some periods, or only one department's own rows (a queue), when asked.
   */
  async currentForComparison(
    metricIds: number[],
    only: { periodKeys?: string[]; departmentId?: number } = {},
  ): Promise<ComparableEvaluation[]> {
    const { periodKeys, departmentId } = only;
    if (metricIds.length === 0) return [];
    const query = this.dataSource.manager
      .createQueryBuilder(EvaluationEntity, 'e')
      .select(columnsAs('e', COMPARED_COLUMNS))
      .where('e.metric_id IN (:...metricIds) AND e.superseded_at IS NULL', { metricIds });
    if (periodKeys)
      query.andWhere('e.period_key IN (:...periodKeys)', { periodKeys: periodKeys.length ? periodKeys : [''] });
    if (departmentId !== undefined) query.andWhere('e.department_id = :departmentId', { departmentId });
    const rows: ComparableEvaluation[] = await query.getRawMany();
    return rows.map(normaliseEvaluation);
  }

  /**
   * What needs evaluating on `today`: metrics never evaluated (all their periods), periods whose check date has
   * come, and periods checked on a later day than today (a clock set back). By plan, then metric.
   */
  async dueForEvaluation(today: string): Promise<Map<number, Map<number, PeriodScope>>> {
    const m = this.dataSource.manager;
    const never: Array<{ planId: number; metricId: number }> = await m
      .createQueryBuilder(MetricEntity, 'm')
      .select(['m.plan_id AS "planId"', 'm.id AS "metricId"'])
      .where(
        (qb) =>
          `m.retired_at IS NULL AND NOT EXISTS ${qb.subQuery().select('1').from(EvaluationCheckEntity, 'c').where('c.metric_id = m.id').getQuery()}`,
      )
      .getRawMany();
    const due: Array<{ planId: number; metricId: number; periodKey: string }> = await m
      .createQueryBuilder(EvaluationCheckEntity, 'c')
      .innerJoin(MetricEntity, 'm', 'm.id = c.metric_id')
      .select(['m.plan_id AS "planId"', 'c.metric_id AS "metricId"', 'c.period_key AS "periodKey"'])
      .where('c.check_on <= :today OR c.evaluated_on > :today', { today })
      .getRawMany();
    const plans = new Map<number, Map<number, PeriodScope>>();
    const scopeOf = (planId: number) => plans.get(planId) ?? plans.set(planId, new Map()).get(planId)!;
    for (const r of never) scopeOf(Number(r.planId)).set(Number(r.metricId), null);
    for (const r of due) {
      const metrics = scopeOf(Number(r.planId));
      const metricId = Number(r.metricId);
      if (metrics.has(metricId) && metrics.get(metricId) === null) continue;
      const periods = metrics.get(metricId) ?? new Set<string>();
      metrics.set(metricId, periods.add(r.periodKey));
    }
    return plans;
  }

  /** The checks already stored for some metrics, keyed `${metricId}:${periodKey}`. Read before the figures. */
  async checksOf(metricIds: number[]): Promise<Map<string, StoredCheck>> {
    if (metricIds.length === 0) return new Map();
    const rows: Array<{ metricId: number; periodKey: string; checkOn: string | null; marks: number }> =
      await this.dataSource.manager
        .createQueryBuilder(EvaluationCheckEntity, 'c')
        .select([
          'c.metric_id AS "metricId"',
          'c.period_key AS "periodKey"',
          'c.check_on AS "checkOn"',
          'c.marks AS "marks"',
        ])
        .where('c.metric_id IN (:...metricIds)', { metricIds })
        .getRawMany();
    return new Map(
      rows.map((r) => [`${Number(r.metricId)}:${r.periodKey}`, { checkOn: r.checkOn, marks: Number(r.marks) }]),
    );
  }

  /**
   * Supersedes the replaced evaluations, inserts the new ones and stores the new check dates, in one
   * transaction, in multi-row statements.
   */
  async apply(
    planId: number,
    superseded: number[],
    inserted: NewEvaluation[],
    checks: NewCheck[],
    at: string,
    today: string,
    stillValid: (m: EntityManager) => Promise<boolean>,
  ): Promise<void> {
    if (superseded.length === 0 && inserted.length === 0 && checks.length === 0) return;
    // Marked changed only when evaluations change: supervision reads those, not the check dates.
    const lock = superseded.length || inserted.length ? 'changed' : 'lock only';
    await withPlanLock(
      this.transactions,
      planId,
      async (m) => {
        // Worked out on a calendar that changed meanwhile: refuse as a serialisation failure, so the caller retries.
        if (!(await stillValid(m)))
          throw Object.assign(new Error('The working-day calendar changed during the evaluation'), { code: '40001' });
        for (let i = 0; i < superseded.length; i += 500)
          await m.update(EvaluationEntity, { id: In(superseded.slice(i, i + 500)) }, { supersededAt: at });
        await this.insertRows(
          m,
          'evaluations',
          EVALUATION_COLUMNS,
          inserted.map((e) => [
            e.metricId,
            e.departmentId,
            e.periodKey,
            e.periodEnd,
            e.status,
            e.basis,
            e.value,
            e.target,
            e.reasonZh,
            e.reasonEn,
            at,
            null,
          ]),
        );
        // Compare-and-set: a row marked stale since it was read (a figure written meanwhile) keeps its mark.
        await this.insertRows(
          m,
          'evaluation_checks',
          CHECK_COLUMNS,
          checks.map((c) => [c.metricId, c.periodKey, c.checkOn, today, c.marks]),
          'ON CONFLICT (metric_id, period_key) DO UPDATE SET check_on = excluded.check_on, evaluated_on = excluded.evaluated_on WHERE evaluation_checks.marks = excluded.marks',
        );
      },
      lock,
    );
  }

  /** `INSERT … VALUES (…), (…)` in batches, with the driver's own placeholders: the same code on SQLite and PostgreSQL. */
  private async insertRows(
    m: EntityManager,
    table: string,
    columns: string[],
    rows: unknown[][],
    suffix = '',
  ): Promise<void> {
    const driver = this.dataSource.driver;
    const names = columns.map((c) => driver.escape(c)).join(', ');
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      const parameters: unknown[] = [];
      const values = rows.slice(i, i + INSERT_BATCH).map(
        (row) =>
          `(${row
            .map((v) => {
              parameters.push(v);
              return driver.createParameter(`p${parameters.length - 1}`, parameters.length - 1);
            })
            .join(', ')})`,
      );
      await m.query(`INSERT INTO ${driver.escape(table)} (${names}) VALUES ${values.join(', ')} ${suffix}`, parameters);
    }
  }

  /**
   * Inside a caller's transaction that changed what a metric is judged with (a figure for some periods, a rule for
   * all): evaluate it at the next cycle, even if this process dies first. The periods named get a row if they had
   * none: a cycle that read none and evaluated older figures meanwhile must find a mark it did not read.
   */
  static async markStale(m: EntityManager, metricId: number, periodKeys: string[]): Promise<void> {
    await m.update(EvaluationCheckEntity, { metricId }, { checkOn: STALE_CHECK, marks: () => 'marks + 1' });
    if (periodKeys.length) {
      await m
        .createQueryBuilder()
        .insert()
        .into(EvaluationCheckEntity)
        .values(
          periodKeys.map((periodKey) => ({
            metricId,
            periodKey,
            checkOn: STALE_CHECK,
            evaluatedOn: STALE_CHECK,
            marks: 1,
          })),
        )
        .orIgnore()
        .execute();
    }
  }

  /**
   * Inside a caller's transaction: the metric's current evaluations (of the periods named, or of those not named, and
   * of some departments only when given) leave the current statuses; they stay in the history as superseded at `at`.
   */
  static async supersedeCurrent(
    m: EntityManager,
    metricId: number,
    scope: { periods?: string[]; otherThan?: string[]; departments?: number[] },
    at: string,
  ): Promise<void> {
    await m.update(
      EvaluationEntity,
      {
        metricId,
        ...(scope.periods ? { periodKey: In(scope.periods) } : {}),
        ...(scope.otherThan ? { periodKey: Not(In(scope.otherThan)) } : {}),
        ...(scope.departments ? { departmentId: In(scope.departments) } : {}),
        supersededAt: IsNull(),
      },
      { supersededAt: at },
    );
  }

  /** Inside a caller's transaction: the metric's periods (all, or all but those named) leave the evaluation schedule. */
  static async dropChecks(m: EntityManager, metricId: number, scope: { otherThan?: string[] } = {}): Promise<void> {
    await m.delete(EvaluationCheckEntity, {
      metricId,
      ...(scope.otherThan ? { periodKey: Not(In(scope.otherThan)) } : {}),
    });
  }

  /**
   * Inside a caller's transaction that changed the calendar: every period must be evaluated again. Marked, not
   * deleted: a metric with some rows is not "never evaluated", so a deleted row would never be due again.
   */
  static async markAllStale(m: EntityManager): Promise<void> {
    await m
      .createQueryBuilder()
      .update(EvaluationCheckEntity)
      .set({ checkOn: STALE_CHECK, marks: () => 'marks + 1' })
      .execute();
  }
}

/** Rows per INSERT: at most 12 parameters each, well under SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_BATCH = 500;
const CHECK_COLUMNS = ['metric_id', 'period_key', 'check_on', 'evaluated_on', 'marks'];
/** Which metric, department (null: overall) and period an evaluation is of. */
const KEY_COLUMNS = ['metric_id', 'department_id', 'period_key'];
/** What it concluded (EvaluationOutcome). */
const OUTCOME_COLUMNS = ['status', 'basis', 'value', 'target', 'reason_zh', 'reason_en'];
const EVALUATION_COLUMNS = [...KEY_COLUMNS, 'period_end', ...OUTCOME_COLUMNS, 'evaluated_at', 'superseded_at'];

/** The same types as an entity would have (PostgreSQL drivers may hand back integers and numbers as strings). */
function normaliseEvaluation<T extends ComparableEvaluation>(r: T): T {
  return {
    ...r,
    id: Number(r.id),
    metricId: Number(r.metricId),
    departmentId: r.departmentId === null ? null : Number(r.departmentId),
    value: r.value === null ? null : Number(r.value),
    target: r.target === null ? null : Number(r.target),
  };
}

/** What a cycle reads to compare a new evaluation with the current one: ComparableEvaluation's columns. */
const COMPARED_COLUMNS = ['id', ...KEY_COLUMNS, ...OUTCOME_COLUMNS];

export type ComparableEvaluation = Pick<
  EvaluationEntity,
  'id' | 'metricId' | 'departmentId' | 'periodKey' | 'status' | 'basis' | 'value' | 'target' | 'reasonZh' | 'reasonEn'
>;

interface RawSubmission {
  id: number;
  metricId: number;
  departmentId: number;
  periodKey: string;
  figureType: SubmissionEntity['figureType'];
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  completedOn: string | null;
}

interface RawCase {
  submissionId: number;
  reference: string;
  startDate: string | null;
  completedOn: string | null;
  value: number | null;
}

export function toFigure(
  s: Pick<SubmissionEntity, 'figureType' | 'value' | 'numerator' | 'denominator' | 'completedOn'>,
  cases: CaseRecord[],
): Figure {
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
