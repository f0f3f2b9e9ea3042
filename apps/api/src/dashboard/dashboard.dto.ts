import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { PlanTreeQueryDto } from '../plans/plans.dto';

export class DashboardSummaryQueryDto extends PlanTreeQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;
}

export class DashboardTrendQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;
}
