import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditQuery } from '@taizhang/contracts';
import { IsIn, IsOptional, Matches, MaxLength, MinLength } from 'class-validator';
import { IsRealDate, IdInText, WholeNumberInText } from '../common/field-validators';

export const AUDIT_KINDS = ['write', 'denied', 'login'] as const;
const DAY = (name: string) =>
  `${name} 应为日期 YYYY-MM-DD（北京时间） / ${name} must be a date, YYYY-MM-DD (Beijing time)`;

/** Filters of the audit trail: who, what, when (days in Asia/Shanghai time, both ends included), and paging. */
export class AuditQueryDto implements AuditQuery {
  @IsOptional()
  @WholeNumberInText('limit 应为 1 至 1000 的整数 / limit must be a whole number from 1 to 1000', { min: 1, max: 1000 })
  limit?: number;

  @IsOptional()
  @IdInText('beforeId', 'beforeId')
  beforeId?: number;

  @ApiPropertyOptional({ description: '用户名（完全一致） / username (exact)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: '用户名 username 为 1–64 位字母、数字或 . _ - / username must be 1–64 letters, digits or . _ -',
  })
  username?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS })
  @IsOptional()
  @IsIn(AUDIT_KINDS, { message: '类别 kind 应为 write、denied 或 login / kind must be write, denied or login' })
  kind?: (typeof AUDIT_KINDS)[number];

  @ApiPropertyOptional({
    example: 'metric',
    description: '对象类别，如 metric、user、submission / what kind of record, e.g. metric, user, submission',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z_-]{0,39}$/, {
    message: '对象 entity 应为小写英文，如 metric、user / entity must be lower-case letters, e.g. metric, user',
  })
  entity?: string;

  @ApiPropertyOptional({ example: 'update metric', description: '操作中包含的文字 / words the action contains' })
  @IsOptional()
  @MinLength(1, { message: '操作 action 为 1–100 个字符 / action must be 1–100 characters' })
  @MaxLength(100, { message: '操作 action 为 1–100 个字符 / action must be 1–100 characters' })
  action?: string;

  @ApiPropertyOptional({
    example: '2020-07-01',
    description: '起始日（北京时间，含） / first day, Beijing time, included',
  })
  @IsOptional()
  @IsRealDate({ message: DAY('from') })
  from?: string;

  @ApiPropertyOptional({
    example: '2020-07-31',
    description: '截止日（北京时间，含） / last day, Beijing time, included',
  })
  @IsOptional()
  @IsRealDate({ message: DAY('to') })
  to?: string;
}
