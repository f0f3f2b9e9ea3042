import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {} from 'class-validator';
import { PlanTreeQueryDto } from '../plans/plans.dto';
import { IsWholeNumber } from '../common/field-validators';

export class DashboardSummaryQueryDto extends PlanTreeQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @Type(() => Number)
  @IsWholeNumber('计划编号 planId 应为正整数 / planId must be a positive whole number', { min: 1 })
  planId!: number;
}

export class DashboardTrendQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @Type(() => Number)
  @IsWholeNumber('计划编号 planId 应为正整数 / planId must be a positive whole number', { min: 1 })
  planId!: number;
}
