import { reportingPeriods } from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { AppError, assertSomethingToChange } from '../common/app-error';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { toRuledMetric } from './ruled-metric';
import type { MetricEntity } from './metric.entity';
import type { UpdateMetricDto } from './metrics.dto';

/** The metric columns an admin may change. */
export type RuleColumns = Partial<
  Pick<
    MetricEntity,
    'target' | 'comparator' | 'tolerance' | 'dueWorkingDays' | 'warnWorkingDays' | 'frequency' | 'consolidated'
  >
>;

export interface RuleChange {
  /** What was sent, without the absent fields: the audit's "after". */
  sent: UpdateMetricDto;
  columns: RuleColumns;
  reporters?: number[];
}

const invalid = (zh: string, en: string) => new AppError('INVALID_INPUT', zh, en);

/**
 * Checks a proposed change against the metric it changes (what the DTO cannot know: its kind and unit), the same
 * for a preview and a save, so that a preview never shows what saving would refuse. The reporting departments named
 * are checked after it, against the database (MetricsRepository.checkReportingDepartments).
 */
export function checkRuleChange(metric: MetricEntity, dto: UpdateMetricDto): RuleChange {
  // DTO instances carry every declared field, the absent ones as undefined: keep only what was sent.
  const sent = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as UpdateMetricDto;
  assertSomethingToChange(sent, [
    'target',
    'comparator',
    'tolerance',
    'dueWorkingDays',
    'warnWorkingDays',
    'frequency',
    'consolidated',
    'reportingDepartmentIds',
  ]);
  const { reportingDepartmentIds: reporters, ...columns } = sent;
  if (metric.kind === 'deadline') {
    if (columns.target !== undefined)
      throw invalid(
        '期限类指标没有目标数值，请修改期限',
        'A deadline metric has no target figure; change its deadline instead',
      );
    if (columns.comparator !== undefined)
      throw invalid(
        '期限类指标没有比较方式（须在期限前完成）',
        'A deadline metric has no comparator (it is done by its deadline)',
      );
    if (columns.frequency !== undefined && columns.frequency !== 'annual')
      throw invalid(
        '期限类指标每年报送一次，报送频率只能是 annual（年报）',
        'A deadline metric is reported once a year: its frequency can only be annual',
      );
  }
  if (metric.unit === 'percent') {
    if (columns.target !== undefined && columns.target > 100)
      throw invalid(
        `百分比指标的目标值 target 应在 0 至 100 之间（收到 ${columns.target}）`,
        `A percent target must be from 0 to 100 (got ${columns.target})`,
      );
    if (columns.tolerance !== undefined && columns.tolerance !== null && columns.tolerance > 100)
      throw invalid(
        `百分比指标的预警带 tolerance 应在 0 至 100 个百分点之间（收到 ${columns.tolerance}）`,
        `A percent amber band must be from 0 to 100 points (got ${columns.tolerance})`,
      );
  }
  return { sent, columns, ...(reporters ? { reporters } : {}) };
}

/**
 * Inside the saving transaction, after a change of reporting frequency: the periods the metric no longer has leave
 * the current statuses (kept in the history) and the evaluation schedule. Returns the period keys it has now.
 */
export async function retirePeriods(
  m: EntityManager,
  metric: MetricEntity,
  year: number,
  at: string,
): Promise<string[]> {
  const keys = reportingPeriods(toRuledMetric(metric), year).map((p) => p.key);
  await EvaluationRepository.supersedeCurrent(m, metric.id, { otherThan: keys }, at);
  await EvaluationRepository.dropChecks(m, metric.id, { otherThan: keys });
  return keys;
}
