import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MetricCommentResponse } from '@taizhang/contracts';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { HasVisibleText } from '../common/field-validators';
import type { CommentRow } from './comments.repository';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;
const PERIOD_MESSAGE = '报送期应写作 2020-03、2020-Q1 或 2020 / period must be written 2020-03, 2020-Q1 or 2020';
export const COMMENT_MAX = 1000;

export class CommentsQueryDto {
  @ApiPropertyOptional({
    example: '2020-06',
    description: '报送期；省略则返回全部报送期 / period; omit for every period',
  })
  @IsOptional()
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}

export class CreateCommentDto {
  @ApiProperty({ example: '2020-06', description: '报送期 / period: "2020-06", "2020-Q2" or "2020"' })
  @IsString({ message: PERIOD_MESSAGE })
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiProperty({
    example: '6 月沙尘天气 5 天，已向市里说明',
    description: `1 至 ${COMMENT_MAX} 字 / 1 to ${COMMENT_MAX} characters`,
  })
  // class-validator runs the lowest decorator first and stops at the first failure: "text" before its length.
  @MaxLength(COMMENT_MAX, {
    message: `评论不超过 ${COMMENT_MAX} 字 / a comment must be at most ${COMMENT_MAX} characters`,
  })
  @HasVisibleText({ message: '请填写评论内容（不能只有空格） / write the comment (spaces alone are not a comment)' })
  @IsString({ message: '评论 text 应为文字 / text must be text' })
  text!: string;
}

export type { MetricCommentResponse };

export function toCommentResponse(c: CommentRow): MetricCommentResponse {
  return {
    id: c.id,
    metricId: c.metricId,
    period: c.periodKey,
    department: c.departmentId === null ? null : { id: c.departmentId, name: c.departmentName ?? `#${c.departmentId}` },
    username: c.username,
    text: c.text,
    createdAt: c.createdAt,
  };
}
