import { ApiPropertyOptional } from '@nestjs/swagger';
import type { EvaluationResponse, MetricResponse } from '@taizhang/contracts';
import type { Status } from '@taizhang/domain';
import {
  COMPARATORS,
  FIGURE_MAX,
  REPORTING_FREQUENCIES,
  STATUSES,
  type Comparator,
  type ReportingFrequency,
} from '@taizhang/domain';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { outcomeOf } from '../evaluation/evaluation-outcome';
import { MONTH_MESSAGE, MONTH_PATTERN } from '../plans/plans.dto';
import { IdInText, IsOmittable, IsWholeNumber } from '../common/field-validators';
import type { MetricEntity } from './metric.entity';
import { toRuledMetric } from './ruled-metric';

export class ListMetricsQueryDto {
  @IdInText('计划编号 planId', 'planId')
  planId!: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES, { message: '状态 status 应为 red、amber、green 或 grey / status must be red, amber, green or grey' })
  status?: Status;

  @ApiPropertyOptional()
  @IsOptional()
  @IdInText('单位编号 departmentId', 'departmentId')
  departmentId?: number;

  @ApiPropertyOptional({
    example: '2020-06',
    description:
      '统计月份 YYYY-MM：显示该月的状态（同该月的计划树）；省略则为今天的状态 / month, YYYY-MM: the statuses as that month shows them (as the plan tree of that month); omitted, as of today',
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  period?: string;
}

/** The month a metric's page shows, as the overview it was opened from. */
export class MetricQueryDto {
  @ApiPropertyOptional({
    example: '2020-06',
    description: '统计月份 YYYY-MM；省略则为今天的状态 / month, YYYY-MM; omitted, as of today',
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  period?: string;
}

export class EvaluationHistoryQueryDto {
  @ApiPropertyOptional({
    description: '单位编号；省略则返回全部单位及总体 / department id; omit for every department and the overall status',
  })
  @IsOptional()
  @IdInText('单位编号 departmentId', 'departmentId')
  departmentId?: number;
}

const REPORTERS =
  '报送单位 reportingDepartmentIds 应为单位编号（正整数）的列表 / reportingDepartmentIds must be a list of department ids (positive whole numbers)';
const TARGET_RANGE =
  '目标值 target 应为 0 至 1 万亿（10^12）之间的数字 / target must be a number from 0 to one trillion (10^12)';

/** What an admin may change of a metric; a change re-evaluates it and keeps the old evaluations in history. Only the tolerance may be cleared (null). */
export class UpdateMetricDto {
  @ApiPropertyOptional({ example: 85 })
  @IsOmittable()
  // class-validator runs the lowest decorator first: "must be a number" before the range.
  @Min(0, { message: TARGET_RANGE })
  @Max(FIGURE_MAX, { message: TARGET_RANGE })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '目标值 target 应为数字 / target must be a number' })
  target?: number;

  @ApiPropertyOptional({ enum: COMPARATORS, description: 'gte ≥、lte ≤、eq =' })
  @IsOmittable()
  @IsIn(COMPARATORS, {
    message: '比较方式 comparator 应为 gte（≥）、lte（≤）或 eq（=） / comparator must be gte (≥), lte (≤) or eq (=)',
  })
  comparator?: Comparator;

  @ApiPropertyOptional({ enum: REPORTING_FREQUENCIES })
  @IsOmittable()
  @IsIn(REPORTING_FREQUENCIES, {
    message:
      '报送频率 frequency 应为 monthly（月报）、quarterly（季报）或 annual（年报） / frequency must be monthly, quarterly or annual',
  })
  frequency?: ReportingFrequency;

  @ApiPropertyOptional({
    example: 3,
    nullable: true,
    description: '预警带；null 为默认 / amber band; null for the default',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: '预警带 tolerance 应为不小于 0 的数字 / tolerance must be a number of 0 or more' },
  )
  @Min(0, { message: '预警带 tolerance 应为不小于 0 的数字 / tolerance must be a number of 0 or more' })
  @Max(FIGURE_MAX, {
    message: '预警带 tolerance 不能超过 1 万亿（10^12） / tolerance cannot exceed one trillion (10^12)',
  })
  tolerance?: number | null;

  @ApiPropertyOptional({ example: 5 })
  @IsOmittable()
  @IsWholeNumber('dueWorkingDays 应为 0 至 60 的整数 / dueWorkingDays must be a whole number from 0 to 60', {
    min: 0,
    max: 60,
  })
  dueWorkingDays?: number;

  @ApiPropertyOptional({ example: 5 })
  @IsOmittable()
  @IsWholeNumber('warnWorkingDays 应为 0 至 60 的整数 / warnWorkingDays must be a whole number from 0 to 60', {
    min: 0,
    max: 60,
  })
  warnWorkingDays?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean({ message: 'consolidated 应为 true 或 false / consolidated must be true or false' })
  consolidated?: boolean;

  @ApiPropertyOptional({
    example: [10],
    description: '报送单位编号：由哪些单位报送该指标的数据 / ids of the departments that report the metric’s figures',
  })
  // Left out, not null: the list replaces the reporters whole.
  @ValidateIf((_, v) => v !== undefined)
  @IsArray({ message: REPORTERS })
  @ArrayNotEmpty({
    message: '报送单位 reportingDepartmentIds 至少要有一个 / reportingDepartmentIds needs at least one department',
  })
  @ArrayMaxSize(200, {
    message: '报送单位 reportingDepartmentIds 最多 200 个 / reportingDepartmentIds takes at most 200 departments',
  })
  @ArrayUnique({ message: '报送单位 reportingDepartmentIds 有重复 / reportingDepartmentIds names a department twice' })
  @IsWholeNumber(REPORTERS, { min: 1, each: true })
  reportingDepartmentIds?: number[];
}

export type { EvaluationResponse, MetricResponse } from '@taizhang/contracts';

export function toEvaluationResponse(e: EvaluationEntity): EvaluationResponse {
  return {
    departmentId: e.departmentId,
    period: e.periodKey,
    periodEnd: e.periodEnd,
    ...outcomeOf(e),
    evaluatedAt: e.evaluatedAt,
    supersededAt: e.supersededAt,
  };
}

export function toMetricResponse(
  m: MetricEntity,
  current: EvaluationResponse | null,
  departments: EvaluationResponse[],
): MetricResponse {
  return {
    id: m.id,
    planId: m.planId,
    taskId: m.taskId,
    ...toRuledMetric(m),
    source: m.source,
    current,
    departments,
  };
}
