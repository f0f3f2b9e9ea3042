import { moveWithin, numberOutline } from '@taizhang/domain';
import { In, IsNull, type DeepPartial, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { groupBy } from '../common/group-by';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { IndicatorDepartmentEntity, IndicatorEntity } from './indicator.entity';
import { PlanEntity } from './plan.entity';
import { TaskEntity } from './task.entity';

// The plan editor's reads and writes of plans, indicators, tasks and their departments inside the caller's transaction
// (withPlanLock; next year's copy too): functions of its manager. Metric rows and reporters: plan-metrics.repository.ts.

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

/** Rows of the plan's structure that can be retired. */
type Retirable = typeof IndicatorEntity | typeof TaskEntity | typeof MetricEntity;

/** Retires these rows at `at`: they keep their place, number and history, and leave the live plan. */
export async function retireRows(m: EntityManager, entity: Retirable, ids: number[], at: string): Promise<void> {
  // The three share id and retired_at; TypeORM's update is typed for one entity, not a union of them.
  if (ids.length) await m.update(entity as typeof MetricEntity, { id: In(ids) }, { retiredAt: at });
}

export async function planCodeTaken(m: EntityManager, code: string): Promise<boolean> {
  return (await m.countBy(PlanEntity, { code })) > 0;
}

export function insertPlan(m: EntityManager, fields: DeepPartial<PlanEntity>): Promise<PlanEntity> {
  return m.save(PlanEntity, m.create(PlanEntity, fields));
}

export function insertIndicator(m: EntityManager, fields: Omit<IndicatorEntity, 'id'>): Promise<IndicatorEntity> {
  return m.save(IndicatorEntity, m.create(IndicatorEntity, fields));
}

export async function updateIndicatorColumns(
  m: EntityManager,
  id: number,
  columns: Partial<IndicatorEntity>,
): Promise<void> {
  await m.update(IndicatorEntity, { id }, columns);
}

/** Whether anything stands under the indicator: a second level or a task, live or retired. */
export async function indicatorHoldsRows(m: EntityManager, id: number): Promise<boolean> {
  return (
    (await m.countBy(IndicatorEntity, { parentId: id })) > 0 || (await m.countBy(TaskEntity, { indicatorId: id })) > 0
  );
}

export async function deleteIndicatorWithLinks(m: EntityManager, id: number): Promise<void> {
  await m.delete(IndicatorDepartmentEntity, { indicatorId: id });
  await m.delete(IndicatorEntity, { id });
}

/** What is live under an indicator: itself with its live second levels, their live tasks and those tasks' live metrics. */
export async function liveRowsUnder(
  m: EntityManager,
  indicatorId: number,
): Promise<{ indicatorIds: number[]; tasks: TaskEntity[]; metrics: MetricEntity[] }> {
  const indicatorIds = [
    indicatorId,
    ...(await m.find(IndicatorEntity, { where: { parentId: indicatorId, retiredAt: IsNull() } })).map((i) => i.id),
  ];
  const tasks = await m.find(TaskEntity, { where: { indicatorId: In(indicatorIds), retiredAt: IsNull() } });
  const taskIds = tasks.map((t) => t.id);
  return { indicatorIds, tasks, metrics: await liveMetricsOfTasks(m, taskIds) };
}

export async function liveMetricsOfTasks(m: EntityManager, taskIds: number[]): Promise<MetricEntity[]> {
  return taskIds.length ? m.find(MetricEntity, { where: { taskId: In(taskIds), retiredAt: IsNull() } }) : [];
}

/** Departments (and groups) with these ids; the ids that name none are left out. */
export async function departmentsWithIds(m: EntityManager, ids: number[]): Promise<DepartmentEntity[]> {
  return ids.length ? m.find(DepartmentEntity, { where: { id: In(ids) } }) : [];
}

/** The indicator's departments in one role are `departmentIds` from now on; returns those it had. */
export async function replaceIndicatorLinks(
  m: EntityManager,
  indicatorId: number,
  role: IndicatorDepartmentEntity['role'],
  departmentIds: number[],
): Promise<number[]> {
  const before = (await m.find(IndicatorDepartmentEntity, { where: { indicatorId, role } })).map((l) => l.departmentId);
  await m.delete(IndicatorDepartmentEntity, { indicatorId, role });
  if (departmentIds.length)
    await m.insert(
      IndicatorDepartmentEntity,
      departmentIds.map((departmentId) => ({ indicatorId, departmentId, role })),
    );
  return before;
}

/** Department links in one INSERT (next year's copy). */
export async function insertIndicatorLinks(m: EntityManager, links: IndicatorDepartmentEntity[]): Promise<void> {
  if (links.length) await m.insert(IndicatorDepartmentEntity, links);
}

export function insertTask(m: EntityManager, fields: Omit<TaskEntity, 'id'>): Promise<TaskEntity> {
  return m.save(TaskEntity, m.create(TaskEntity, fields));
}

export async function updateTaskColumns(m: EntityManager, id: number, columns: Partial<TaskEntity>): Promise<void> {
  await m.update(TaskEntity, { id }, columns);
}

/** Whether the task holds a metric, live or retired. */
export async function taskHasMetrics(m: EntityManager, id: number): Promise<boolean> {
  return (await m.countBy(MetricEntity, { taskId: id })) > 0;
}

export async function deleteTaskRow(m: EntityManager, id: number): Promise<void> {
  await m.delete(TaskEntity, { id });
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
