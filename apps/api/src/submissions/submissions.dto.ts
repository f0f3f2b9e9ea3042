import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Figure } from '@taizhang/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { AppError } from '../common/app-error';
import { HasVisibleText, IdInText, IsWholeNumber } from '../common/field-validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CaseRecordDto {
  @ApiProperty({ example: '红桥政务公开〔2020〕12号' })
  @IsString({ message: '案件编号应为文字 / reference must be text' })
  @MaxLength(200, { message: '案件编号不超过 200 字 / reference must be at most 200 characters' })
  reference!: string;

  @ApiPropertyOptional({ example: '2020-03-02', description: '开始日期 / start date (for durations)' })
  @IsOptional()
  @Matches(DATE, { message: 'startDate 应为日期 YYYY-MM-DD / startDate must be a date written YYYY-MM-DD' })
  startDate?: string;

  @ApiPropertyOptional({
    example: '2020-03-09',
    nullable: true,
    description: '办结日期，未办结为 null / completion date, null while open',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DATE, { message: 'completedOn 应为日期 YYYY-MM-DD / completedOn must be a date written YYYY-MM-DD' })
  completedOn?: string | null;

  @ApiPropertyOptional({ example: 3, description: '非时长类指标的数值 / figure for units that are not durations' })
  @IsOptional()
  @IsNumber({}, { message: 'value 应为数字 / value must be a number' })
  value?: number;
}

/**
 * One department's figures for one metric and period. Exactly one form: `value`; `numerator` and
 * `denominator`; `cases`; or `completedOn` (deadline metrics).
 */
export class CreateSubmissionDto {
  @ApiProperty({ example: 1 })
  @IsWholeNumber('指标编号 metricId 应为正整数 / metricId must be a positive whole number', { min: 1 })
  metricId!: number;

  @ApiProperty({ example: 3 })
  @IsWholeNumber('单位编号 departmentId 应为正整数 / departmentId must be a positive whole number', { min: 1 })
  departmentId!: number;

  @ApiProperty({ example: '2020-03', description: '报送期 / period: "2020-03", "2020-Q1" or "2020"' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    message: '报送期应写作 2020-03、2020-Q1 或 2020 / period must be written 2020-03, 2020-Q1 or 2020',
  })
  period!: string;

  @ApiPropertyOptional({ example: 82.5 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value 应为数字 / value must be a number' })
  value?: number;

  @ApiPropertyOptional({ example: 37 })
  @IsOptional()
  @IsInt({ message: '分子 numerator 应为整数 / numerator must be a whole number' })
  numerator?: number;

  @ApiPropertyOptional({ example: 37 })
  @IsOptional()
  @IsInt({ message: '分母 denominator 应为整数 / denominator must be a whole number' })
  denominator?: number;

  @ApiPropertyOptional({ example: '2020-01-20', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(DATE, { message: 'completedOn 应为日期 YYYY-MM-DD / completedOn must be a date written YYYY-MM-DD' })
  completedOn?: string | null;

  @ApiPropertyOptional({ type: [CaseRecordDto] })
  @IsOptional()
  @IsArray({ message: 'cases 应为案件列表 / cases must be a list' })
  @ArrayMaxSize(1000, { message: '一次最多报送 1000 件 / at most 1000 cases at once' })
  @ValidateNested({ each: true })
  @Type(() => CaseRecordDto)
  cases?: CaseRecordDto[];

  @ApiPropertyOptional({
    example: '分母漏计 2 件',
    description: '更正理由，第二版起必填 / why this corrects the previous revision; required from revision 2',
  })
  @IsOptional()
  @IsString({ message: '更正理由应为文字 / reason must be text' })
  @MaxLength(500, { message: '更正理由不超过 500 字 / reason must be at most 500 characters' })
  reason?: string;

  @ApiPropertyOptional({
    example: '系统切换导致延迟报送',
    description:
      '说明：数据触发需说明的校验规则（逾期、异常波动、无佐证的 100%、逾期期间分母为 0）时必填 / why the figure trips a soft rule; required when it does',
  })
  @IsOptional()
  @IsString({ message: '说明应为文字 / explanation must be text' })
  @MaxLength(1000, { message: '说明不超过 1000 字 / explanation must be at most 1000 characters' })
  explanation?: string;

  @ApiPropertyOptional({ example: '含3月补报数据' })
  @IsOptional()
  @IsString({ message: '备注应为文字 / note must be text' })
  @MaxLength(2000, { message: '备注不超过 2000 字 / note must be at most 2000 characters' })
  note?: string;
}

/** The figure a request carries; exactly one form, or a 400 that says which forms there are. */
export function figureOf(dto: CreateSubmissionDto): Figure {
  const forms = [
    dto.value !== undefined,
    dto.numerator !== undefined || dto.denominator !== undefined,
    dto.cases !== undefined,
    dto.completedOn !== undefined,
  ].filter(Boolean).length;
  if (forms !== 1) {
    throw new AppError(
      'INVALID_FIGURE',
      '请只填写一种数据：数值 value；分子 numerator 和分母 denominator；案件记录 cases；或完成日期 completedOn',
      'Give exactly one form of figure: value; numerator and denominator; cases; or completedOn',
    );
  }
  if (dto.value !== undefined) return { type: 'value', value: dto.value };
  if (dto.cases !== undefined)
    return {
      type: 'cases',
      cases: dto.cases.map((c) => ({
        reference: c.reference,
        startDate: c.startDate ?? null,
        completedOn: c.completedOn ?? null,
        value: c.value ?? null,
      })),
    };
  if (dto.completedOn !== undefined) return { type: 'completion', completedOn: dto.completedOn };
  if (dto.numerator === undefined || dto.denominator === undefined) {
    throw new AppError(
      'INVALID_FIGURE',
      '分子 numerator 和分母 denominator 须同时填写',
      'Give both the numerator and the denominator',
    );
  }
  return { type: 'ratio', numerator: dto.numerator, denominator: dto.denominator };
}

export type { CreateSubmissionResponse, SubmissionResponse } from '@taizhang/contracts';

export class RevisionsQueryDto {
  @IdInText('指标编号 metricId', 'metricId')
  metricId!: number;

  @IsOptional()
  @IdInText('单位编号 departmentId', 'departmentId')
  departmentId?: number;
}

export class FlaggedQueryDto {
  @IdInText('计划编号 planId', 'planId')
  planId!: number;

  @IsOptional()
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    message: '报送期应写作 2020-03、2020-Q1 或 2020 / period must be written 2020-03, 2020-Q1 or 2020',
  })
  period?: string;
}

export class AcceptSubmissionDto {
  @ApiPropertyOptional({ example: '已核实系统切换记录' })
  @IsOptional()
  @IsString({ message: '意见应为文字 / comment must be text' })
  @MaxLength(1000, { message: '意见不超过 1000 字 / comment must be at most 1000 characters' })
  comment?: string;
}

export class ReturnSubmissionDto {
  @ApiProperty({ example: '分母与台账不符，请核实' })
  @IsString({ message: '退回意见应为文字 / comment must be text' })
  @MaxLength(1000, { message: '退回意见不超过 1000 字 / comment must be at most 1000 characters' })
  @HasVisibleText({ message: '请填写退回意见 / a comment is required' })
  comment!: string;
}
