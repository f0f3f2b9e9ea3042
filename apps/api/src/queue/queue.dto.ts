import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';

/** A plan, and the department whose items to show (a department user's own when omitted). */
export class QueueQueryDto {
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  departmentId?: number;
}

/** The same, limited to one month's items for the Excel template. */
export class TemplateQueryDto extends QueueQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be written YYYY-MM' })
  month?: string;
}
