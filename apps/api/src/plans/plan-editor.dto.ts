import { ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CreateIndicatorRequest,
  CreateMetricRequest,
  CreateTaskRequest,
  NextYearRequest,
  UpdateIndicatorRequest,
  UpdateMetricDefinitionRequest,
  UpdateTaskRequest,
} from '@taizhang/contracts';
import {
  COMPARATORS,
  FIGURE_MAX,
  METRIC_KINDS,
  METRIC_PERIODS,
  METRIC_UNITS,
  type Comparator,
  type MetricKind,
  type MetricPeriod,
  type MetricUnit,
} from '@taizhang/domain';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { HasVisibleText, IsOmittable, IsWholeNumber } from '../common/field-validators';

const ID = (zh: string, en: string) => `${zh}应为正整数 / ${en} must be a positive whole number`;
const TITLE = '标题 title 应为 1–2000 字 / title must be 1–2000 characters';
const TEXT = '任务内容 text 应为 1–20000 字 / text must be 1–20000 characters';
const POSITION = '位置 position 应为 0 起的整数 / position must be a whole number from 0';
const DEPARTMENTS = (field: string) =>
  `${field} 应为单位编号（正整数）的列表，最多 200 个且不重复 / ${field} must be a list of at most 200 distinct department ids`;
const NAME = '指标名称 name 应为 1–200 字 / name must be 1–200 characters';
const NAME_EN = '英文名称 nameEn 不超过 200 字 / nameEn must be at most 200 characters';
const SOURCE = '原文 source 应为 1–20000 字 / source must be 1–20000 characters';
const NOTE = '备注 note 不超过 4000 字，或为 null / note must be at most 4000 characters, or null';
const TARGET =
  '目标值 target 应为 0 至 1 万亿（10^12）之间的数字 / target must be a number from 0 to one trillion (10^12)';
const DEADLINE = '截止日期 deadline 应写作 MM-DD，例如 03-31 / deadline must be written MM-DD, e.g. 03-31';
const REPORTERS =
  '报送单位 reportingDepartmentIds 应为 1–200 个不重复的单位编号 / reportingDepartmentIds must be 1–200 distinct department ids';
const one = (zh: string, en: string, values: readonly string[]) =>
  `${zh}应为 ${values.join('、')} 之一 / ${en} must be one of ${values.join(', ')}`;

export class CreateIndicatorDto implements CreateIndicatorRequest {
  @ApiPropertyOptional({
    description:
      '上级（一级）指标编号；省略则新建一级指标 / the first-level indicator to add a second level under; omitted, a first level',
  })
  @IsOmittable()
  @IsWholeNumber(ID('上级指标 parentId ', 'parentId'), { min: 1 })
  parentId?: number;

  @IsString({ message: TITLE })
  @HasVisibleText({ message: TITLE })
  @MaxLength(2000, { message: TITLE })
  title!: string;
}

class DepartmentLinksDto {
  @IsOmittable()
  @IsArray({ message: DEPARTMENTS('牵头单位 leadDepartmentIds') })
  @ArrayMaxSize(200, { message: DEPARTMENTS('牵头单位 leadDepartmentIds') })
  @ArrayUnique({ message: DEPARTMENTS('牵头单位 leadDepartmentIds') })
  @IsWholeNumber(DEPARTMENTS('牵头单位 leadDepartmentIds'), { min: 1, each: true })
  leadDepartmentIds?: number[];

  @IsOmittable()
  @IsArray({ message: DEPARTMENTS('责任单位 responsibleDepartmentIds') })
  @ArrayMaxSize(200, { message: DEPARTMENTS('责任单位 responsibleDepartmentIds') })
  @ArrayUnique({ message: DEPARTMENTS('责任单位 responsibleDepartmentIds') })
  @IsWholeNumber(DEPARTMENTS('责任单位 responsibleDepartmentIds'), { min: 1, each: true })
  responsibleDepartmentIds?: number[];
}

export class UpdateIndicatorDto extends DepartmentLinksDto implements UpdateIndicatorRequest {
  @IsOmittable()
  @IsString({ message: TITLE })
  @HasVisibleText({ message: TITLE })
  @MaxLength(2000, { message: TITLE })
  title?: string;

  @ApiPropertyOptional({ description: '在同级中的位置，0 为第一 / position among its live siblings, 0 first' })
  @IsOmittable()
  @IsWholeNumber(POSITION, { min: 0, max: 100_000 })
  position?: number;
}

export class CreateTaskDto implements CreateTaskRequest {
  @IsWholeNumber(ID('二级指标 indicatorId ', 'indicatorId'), { min: 1 })
  indicatorId!: number;

  @IsString({ message: TEXT })
  @HasVisibleText({ message: TEXT })
  @MaxLength(20_000, { message: TEXT })
  text!: string;
}

export class UpdateTaskDto implements UpdateTaskRequest {
  @IsOmittable()
  @IsString({ message: TEXT })
  @HasVisibleText({ message: TEXT })
  @MaxLength(20_000, { message: TEXT })
  text?: string;

  @IsOmittable()
  @IsWholeNumber(ID('二级指标 indicatorId ', 'indicatorId'), { min: 1 })
  indicatorId?: number;

  @IsOmittable()
  @IsWholeNumber(POSITION, { min: 0, max: 100_000 })
  position?: number;
}

class MetricWordsDto {
  @IsOmittable()
  @IsString({ message: NAME_EN })
  @MaxLength(200, { message: NAME_EN })
  nameEn?: string;

  @IsOptional()
  @IsString({ message: NOTE })
  @MaxLength(4000, { message: NOTE })
  note?: string | null;

  @IsOmittable()
  @IsArray({ message: REPORTERS })
  @ArrayNotEmpty({ message: REPORTERS })
  @ArrayMaxSize(200, { message: REPORTERS })
  @ArrayUnique({ message: REPORTERS })
  @IsWholeNumber(REPORTERS, { min: 1, each: true })
  reportingDepartmentIds?: number[];
}

export class CreateMetricDto extends MetricWordsDto implements CreateMetricRequest {
  @IsWholeNumber(ID('任务 taskId ', 'taskId'), { min: 1 })
  taskId!: number;

  @IsString({ message: NAME })
  @HasVisibleText({ message: NAME })
  @MaxLength(200, { message: NAME })
  name!: string;

  @IsIn(METRIC_KINDS, { message: one('类型 kind ', 'kind', METRIC_KINDS) })
  kind!: MetricKind;

  @IsIn(COMPARATORS, { message: one('比较方式 comparator ', 'comparator', COMPARATORS) })
  comparator!: Comparator;

  @ValidateIf((o: CreateMetricDto) => o.target !== null)
  @Min(0, { message: TARGET })
  @Max(FIGURE_MAX, { message: TARGET })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: TARGET })
  target!: number | null;

  @IsIn(METRIC_UNITS, { message: one('单位 unit ', 'unit', METRIC_UNITS) })
  unit!: MetricUnit;

  @IsIn(METRIC_PERIODS, { message: one('周期 period ', 'period', METRIC_PERIODS) })
  period!: MetricPeriod;

  @ValidateIf((o: CreateMetricDto) => o.deadline !== null)
  @Matches(/^\d{2}-\d{2}$/, { message: DEADLINE })
  deadline!: string | null;

  @IsString({ message: SOURCE })
  @HasVisibleText({ message: SOURCE })
  @MaxLength(20_000, { message: SOURCE })
  source!: string;
}

export class UpdateMetricDefinitionDto extends MetricWordsDto implements UpdateMetricDefinitionRequest {
  @IsOmittable()
  @IsString({ message: NAME })
  @HasVisibleText({ message: NAME })
  @MaxLength(200, { message: NAME })
  name?: string;

  @IsOmittable()
  @IsIn(COMPARATORS, { message: one('比较方式 comparator ', 'comparator', COMPARATORS) })
  comparator?: Comparator;

  @IsOmittable()
  @Min(0, { message: TARGET })
  @Max(FIGURE_MAX, { message: TARGET })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: TARGET })
  target?: number;

  @IsOmittable()
  @Matches(/^\d{2}-\d{2}$/, { message: DEADLINE })
  deadline?: string;

  @IsOmittable()
  @IsString({ message: SOURCE })
  @HasVisibleText({ message: SOURCE })
  @MaxLength(20_000, { message: SOURCE })
  source?: string;

  @IsOmittable()
  @IsWholeNumber(ID('任务 taskId ', 'taskId'), { min: 1 })
  taskId?: number;
}

export class NextYearDto implements NextYearRequest {
  @IsOmittable()
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: '计划代码为 2–64 位小写字母、数字或 - / code must be 2–64 lowercase letters, digits or -',
  })
  code?: string;

  @IsOmittable()
  @IsString({ message: '计划名称应为 1–200 字 / title must be 1–200 characters' })
  @HasVisibleText({ message: '计划名称应为 1–200 字 / title must be 1–200 characters' })
  @MaxLength(200, { message: '计划名称应为 1–200 字 / title must be 1–200 characters' })
  title?: string;
}

/** The fields a request sent (DTO instances carry every declared field, the absent ones as undefined). */
export function sent<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)) as Partial<T>;
}
