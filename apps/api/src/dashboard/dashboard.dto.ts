import { ApiProperty } from '@nestjs/swagger';

import { PlanTreeQueryDto } from '../plans/plans.dto';
import { IdInText } from '../common/field-validators';

export class DashboardSummaryQueryDto extends PlanTreeQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @IdInText('计划编号 planId', 'planId')
  planId!: number;
}

export class DashboardTrendQueryDto {
  @ApiProperty({ example: 1, description: '计划编号 / plan id' })
  @IdInText('计划编号 planId', 'planId')
  planId!: number;
}
