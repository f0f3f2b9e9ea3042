import { moveWithin, numberOutline } from '@taizhang/domain';
import { In, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { groupBy } from '../common/group-by';
import { MetricReportingDepartmentEntity } from '../metrics/metric-reporting-department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { IndicatorEntity } from './indicator.entity';
import { PlanEntity } from './plan.entity';
import { TaskEntity } from './task.entity';

// The plan editor's reads and writes inside the caller's transaction (withPlanLock): functions of its manager.

export async function findPlanOrFail(m: EntityManager, id: number): Promise<PlanEntity> {
  const plan = await m.findOneBy(PlanEntity, { id });
  if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的计划`, `No plan with id ${id}`);
  return plan;
}

const retiredError = (zh: string, en: string) =>
  new AppError('CONFLICT', `${zh}已停用，不能修改`, `The ${en} is retired and cannot be changed`);

/** A row of this plan, or 404; a retired one is 409 unless `retired` allows it. */
export async function rowOfPlan<T extends IndicatorEntity | TaskEntity | MetricEntity>(
  m: EntityManager,
  entity: new () => T,
  planId: number,
  id: number,
  names: [string, string],
  options: { retired?: boolean } = {},
): Promise<T> {
  const row = (await m.findOneBy(entity as never, { id, planId } as never)) as T | null;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      `计划 ${planId} 中没有编号为 ${id} 的${names[0]}`,
      `Plan ${planId} has no ${names[1]} with id ${id}`,
    );
  if (row.retiredAt && !options.retired) throw retiredError(names[0], names[1]);
  return row;
}

export type Move = { kind: 'indicator' | 'task'; id: number; to: number };

/**
 * Numbers the plan's structure 1…n again (first levels, then second levels and tasks across the plan, in outline order),
 * after applying `move` among the moved row's siblings. Retired rows keep their place and number, as the ledger numbered
 * them; only a deletion or a move closes or shifts the numbering. The plan holds each number once (unique indexes):
 * changed rows step aside to -id first.
 */
export async function renumberPlan(m: EntityManager, planId: number, move?: Move): Promise<void> {
  const indicators = await m.find(IndicatorEntity, {
    where: { planId },
    order: { level: 'ASC', number: 'ASC', id: 'ASC' },
  });
  const tasks = await m.find(TaskEntity, { where: { planId }, order: { number: 'ASC', id: 'ASC' } });
  const moved = <T extends { id: number }>(list: T[], kind: Move['kind']) =>
    move && move.kind === kind && list.some((x) => x.id === move.id)
      ? moveWithin(list, (x) => x.id, move.id, move.to)
      : list;
  const seconds = groupBy(
    indicators.filter((i) => i.level === 2),
    (i) => i.parentId,
  );
  const tasksOf = groupBy(tasks, (t) => t.indicatorId);
  const outline = {
    firsts: moved(
      indicators.filter((i) => i.level === 1),
      'indicator',
    ).map((f) => ({
      id: f.id,
      children: moved(seconds.get(f.id) ?? [], 'indicator').map((s) => ({
        id: s.id,
        tasks: moved(tasksOf.get(s.id) ?? [], 'task').map((t) => t.id),
      })),
    })),
  };
  const numbers = numberOutline(outline);
  const changedIndicators = indicators.filter(
    (i) => numbers.indicators.has(i.id) && numbers.indicators.get(i.id) !== i.number,
  );
  const changedTasks = tasks.filter((t) => numbers.tasks.has(t.id) && numbers.tasks.get(t.id) !== t.number);
  if (changedIndicators.length)
    await m.update(IndicatorEntity, { id: In(changedIndicators.map((i) => i.id)) }, { number: () => '-id' });
  if (changedTasks.length)
    await m.update(TaskEntity, { id: In(changedTasks.map((t) => t.id)) }, { number: () => '-id' });
  for (const i of changedIndicators)
    await m.update(IndicatorEntity, { id: i.id }, { number: numbers.indicators.get(i.id)! });
  for (const t of changedTasks) await m.update(TaskEntity, { id: t.id }, { number: numbers.tasks.get(t.id)! });
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
