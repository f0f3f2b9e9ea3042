import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanSummaryResponse } from '@taizhang/contracts';
import { IsOptional, Matches } from 'class-validator';
import type { PlanEntity } from './plan.entity';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MONTH_MESSAGE = '月份格式应为 YYYY-MM，例如 2020-03 / period must be a month written YYYY-MM, e.g. 2020-03';

export class PlanTreeQueryDto {
  @ApiPropertyOptional({ example: '2020-06', description: '月份 / month, YYYY-MM; defaults to the latest month with data' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  period?: string;
}

export function toPlanSummaryResponse(plan: PlanEntity): PlanSummaryResponse {
  return { id: plan.id, code: plan.code, title: plan.title, year: plan.year, district: plan.district, demo: plan.demo };
}
