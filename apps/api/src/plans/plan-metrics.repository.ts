import { In, Like, type EntityManager } from 'typeorm';
import { groupBy } from '../common/group-by';
import { EvaluationCheckEntity } from '../evaluation/evaluation-check.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { MetricReportingDepartmentEntity } from '../metrics/metric-reporting-department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { IndicatorDepartmentEntity } from './indicator.entity';
import { departmentsWithIds } from './plan-editor.repository';

// The plan editor's metric rows and their reporting departments inside the caller's transaction (withPlanLock; next
// year's copy too): functions of its manager. Plans, indicators and tasks: plan-editor.repository.ts.

/** A new metric row. TypeORM's create keeps only the entity's own columns (a copied metric's `retired` flag drops out). */
export function insertMetric(m: EntityManager, fields: Omit<MetricEntity, 'id'>): Promise<MetricEntity> {
  return m.save(MetricEntity, m.create(MetricEntity, fields));
}

/** Reporting departments of new metrics, every one in one INSERT. */
export async function insertReporters(
  m: EntityManager,
  rows: Array<{ metricId: number; departmentId: number }>,
): Promise<void> {
  if (rows.length) await m.insert(MetricReportingDepartmentEntity, rows);
}

export async function updateMetricColumns(m: EntityManager, id: number, columns: Partial<MetricEntity>): Promise<void> {
  await m.update(MetricEntity, { id }, columns);
}

/** Deletes a metric with the rows that are only its own: evaluations, check dates, reporting departments. */
export async function deleteMetricWithRows(m: EntityManager, id: number): Promise<void> {
  await m.delete(EvaluationEntity, { metricId: id });
  await m.delete(EvaluationCheckEntity, { metricId: id });
  await m.delete(MetricReportingDepartmentEntity, { metricId: id });
  await m.delete(MetricEntity, { id });
}

/** The named (non-group) lead and responsible departments of a second-level indicator: a new metric's reporters by default. */
export async function namedDepartmentsOf(m: EntityManager, indicatorId: number): Promise<number[]> {
  const links = await m.find(IndicatorDepartmentEntity, { where: { indicatorId } });
  const ids = [...new Set(links.map((l) => l.departmentId))];
  const departments = (await departmentsWithIds(m, ids)).filter((d) => !d.isGroup);
  return ids.filter((id) => departments.some((d) => d.id === id));
}

/** The plan's metric codes that start with `prefix` (retired ones too: a plan holds each code once). */
export async function metricCodesStartingWith(m: EntityManager, planId: number, prefix: string): Promise<Set<string>> {
  return new Set((await m.find(MetricEntity, { where: { planId, code: Like(`${prefix}%`) } })).map((x) => x.code));
}

/** How many rows of a table stand on each metric (figures, notices, reminders, comments). */
async function countByMetric(m: EntityManager, table: string, metricIds: number[]): Promise<Map<number, number>> {
  if (!metricIds.length) return new Map();
  const rows: Array<{ metricId: number; n: number }> = await m
    .createQueryBuilder()
    .select(['t.metric_id AS "metricId"', 'COUNT(*) AS "n"'])
    .from(table, 't')
    .where('t.metric_id IN (:...ids)', { ids: metricIds })
    .groupBy('t.metric_id')
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.metricId), Number(r.n)]));
}

export interface MetricRecord {
  submissions: number;
  notices: number;
  comments: number;
}

/** What stands on each metric: its figures, notices (and reminders sent for it) and comments. */
export async function metricRecords(m: EntityManager, metricIds: number[]): Promise<Map<number, MetricRecord>> {
  const [submissions, notices, reminders, comments] = await Promise.all(
    ['submissions', 'notices', 'reminders', 'metric_comments'].map((t) => countByMetric(m, t, metricIds)),
  );
  return new Map(
    metricIds.map((id) => [
      id,
      {
        submissions: submissions.get(id) ?? 0,
        notices: (notices.get(id) ?? 0) + (reminders.get(id) ?? 0),
        comments: comments.get(id) ?? 0,
      },
    ]),
  );
}

/** Each metric's reporting departments, in department id order. */
export async function reportersOf(
  m: EntityManager,
  metricIds: number[],
): Promise<Map<number, MetricReportingDepartmentEntity[]>> {
  return groupBy(
    metricIds.length
      ? await m.find(MetricReportingDepartmentEntity, {
          where: { metricId: In(metricIds) },
          order: { departmentId: 'ASC' },
        })
      : [],
    (r) => r.metricId,
  );
}
