import { QUEUE_FILTERS, type QueueFilter } from '@taizhang/domain';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IdInText, WholeNumberInText } from '../common/field-validators';

export const MAX_QUEUE_PAGE_SIZE = 100;

/** A plan, and the department whose items to show (a department user's own when omitted). */
export class QueueQueryDto {
  @IdInText('计划编号 planId', 'planId')
  planId!: number;

  @IsOptional()
  @IdInText('单位编号 departmentId', 'departmentId')
  departmentId?: number;
}

/** The list as the desk shows it: one tab, a search, one page. Without pageSize every item of the tab comes back. */
export class QueueListQueryDto extends QueueQueryDto {
  @IsOptional()
  @IsIn(QUEUE_FILTERS, {
    message: `状态 state 应为 ${QUEUE_FILTERS.join('、')} 之一 / state must be one of ${QUEUE_FILTERS.join(', ')}`,
  })
  state?: QueueFilter;

  @IsOptional()
  @IsString({ message: '搜索词 q 应为文字 / q must be text' })
  @MaxLength(100, { message: '搜索词 q 不超过 100 字 / q must be at most 100 characters' })
  q?: string;

  @IsOptional()
  @IdInText('页码 page', 'page')
  page?: number;

  @IsOptional()
  @WholeNumberInText(
    `每页条数 pageSize 应为 1 至 ${MAX_QUEUE_PAGE_SIZE} 的整数 / pageSize must be a whole number from 1 to ${MAX_QUEUE_PAGE_SIZE}`,
    { min: 1, max: MAX_QUEUE_PAGE_SIZE },
  )
  pageSize?: number;
}

/** The same, limited to one month's items for the Excel template. */
export class TemplateQueryDto extends QueueQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM / month must be written YYYY-MM' })
  month?: string;
}
