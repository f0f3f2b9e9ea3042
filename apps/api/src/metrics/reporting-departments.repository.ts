import { In, type EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import { DepartmentEntity } from '../departments/department.entity';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { NoticesRepository } from '../supervision/notices.repository';
import { MetricReportingDepartmentEntity } from './metric-reporting-department.entity';

/** The ids of the departments that report a metric, in id order. */
export async function reportingDepartmentIds(m: EntityManager, metricId: number): Promise<number[]> {
  return (await m.find(MetricReportingDepartmentEntity, { where: { metricId }, order: { departmentId: 'ASC' } })).map(
    (r) => r.departmentId,
  );
}

/** Refuses ids that are no department, or a department group (groups name "the others" and do not sign in). */
export async function checkReportingDepartments(m: EntityManager, ids: number[]): Promise<void> {
  const found = await m.find(DepartmentEntity, { where: { id: In(ids) } });
  const missing = ids.filter((id) => !found.some((d) => d.id === id));
  if (missing.length)
    throw new AppError(
      'INVALID_INPUT',
      `找不到编号为 ${missing.join('、')} 的单位，请从单位列表中选择报送单位`,
      `No department with id ${missing.join(', ')}; choose the reporting departments from the list of departments`,
    );
  const groups = found.filter((d) => d.isGroup);
  if (groups.length)
    throw new AppError(
      'INVALID_INPUT',
      `「${groups.map((g) => g.name).join('、')}」是部门组，不能报送数据，请改选具体单位`,
      `"${groups.map((g) => g.name).join(', ')}" is a group of departments, which cannot report figures; choose the departments themselves`,
    );
}

/**
 * Inside the caller's transaction: the metric is reported by `ids` from now on. A department that stops reporting
 * it leaves: its current evaluations are superseded (kept in the history) and its open notices closed as withdrawn,
 * so it is neither shown red nor chased for a figure it no longer reports. Returns the reporters before.
 */
export async function replaceReportingDepartments(
  m: EntityManager,
  metricId: number,
  ids: number[],
  at: string,
): Promise<number[]> {
  const before = await reportingDepartmentIds(m, metricId);
  const removed = before.filter((id) => !ids.includes(id));
  await m.delete(MetricReportingDepartmentEntity, { metricId });
  await m.insert(
    MetricReportingDepartmentEntity,
    ids.map((departmentId) => ({ metricId, departmentId })),
  );
  if (removed.length) {
    await EvaluationRepository.supersedeCurrent(m, metricId, { departments: removed }, at);
    await NoticesRepository.withdrawOpenNotices(
      m,
      { metricId, departments: removed },
      at,
      '该单位不再报送此指标（报送单位已调整）',
    );
  }
  return before;
}
