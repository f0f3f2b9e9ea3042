import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanSettingsRequest, PlanSummaryResponse } from '@taizhang/contracts';
import { REMINDER_WORKING_DAYS_MAX } from '@taizhang/domain';
import { IsOptional, Matches } from 'class-validator';
import { IsOmittable, IsWholeNumber } from '../common/field-validators';
import type { PlanEntity } from './plan.entity';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MONTH_MESSAGE =
  '月份格式应为 YYYY-MM，例如 2020-03 / period must be a month written YYYY-MM, e.g. 2020-03';

export class PlanTreeQueryDto {
  @ApiPropertyOptional({
    example: '2020-06',
    description: '月份 / month, YYYY-MM; defaults to the latest month with data',
  })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  period?: string;
}

const BEFORE_MESSAGE = `提前提醒天数 remindBeforeWorkingDays 应为 0–${REMINDER_WORKING_DAYS_MAX} 的整数（工作日） / remindBeforeWorkingDays must be a whole number of working days from 0 to ${REMINDER_WORKING_DAYS_MAX}`;
const OVERDUE_MESSAGE = `逾期提醒天数 remindOverdueAfterWorkingDays 应为 0–${REMINDER_WORKING_DAYS_MAX} 的整数（工作日） / remindOverdueAfterWorkingDays must be a whole number of working days from 0 to ${REMINDER_WORKING_DAYS_MAX}`;

/** Either setting may be left out, neither cleared: null is refused like any other non-number. */
export class PlanSettingsDto implements PlanSettingsRequest {
  @ApiPropertyOptional({
    example: 3,
    description: '截止日前几个工作日提醒 / working days before a due date for the "due soon" reminder',
  })
  @IsOmittable()
  @IsWholeNumber(BEFORE_MESSAGE, { min: 0, max: REMINDER_WORKING_DAYS_MAX })
  remindBeforeWorkingDays?: number;

  @ApiPropertyOptional({
    example: 0,
    description:
      '截止日后几个工作日发逾期提醒，0 为次日 / working days after a due date before the overdue reminder; 0 is the day after',
  })
  @IsOmittable()
  @IsWholeNumber(OVERDUE_MESSAGE, { min: 0, max: REMINDER_WORKING_DAYS_MAX })
  remindOverdueAfterWorkingDays?: number;
}

export function toPlanSummaryResponse(plan: PlanEntity): PlanSummaryResponse {
  return {
    id: plan.id,
    code: plan.code,
    title: plan.title,
    year: plan.year,
    district: plan.district,
    demo: plan.demo,
    remindBeforeWorkingDays: plan.remindBeforeWorkingDays,
    remindOverdueAfterWorkingDays: plan.remindOverdueAfterWorkingDays,
  };
}
