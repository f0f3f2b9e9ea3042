import { NOTICE_LEVELS, type NoticeLevel } from '@taizhang/domain';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { HasVisibleText, IdInText, IsRealDate } from '../common/field-validators';

export class ListNoticesQueryDto {
  @IsOptional()
  @IsIn(['open', 'issued', 'acknowledged', 'replied', 'closed'], {
    message:
      'state 应为 open、issued、acknowledged、replied 或 closed / state must be open, issued, acknowledged, replied or closed',
  })
  state?: string;

  @IsOptional()
  @IdInText('指标编号 metricId', 'metricId')
  metricId?: number;
}

export class IssueNoticeDto {
  @IsInt({ message: '指标编号 metricId 应为正整数 / metricId must be a positive whole number' })
  @Min(1, { message: '指标编号 metricId 应为正整数 / metricId must be a positive whole number' })
  metricId!: number;

  @IsInt({ message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  @Min(1, { message: '单位编号 departmentId 应为正整数 / departmentId must be a positive whole number' })
  departmentId!: number;

  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, {
    message: '报送期应写作 2020-03、2020-Q1 或 2020 / period must be written 2020-03, 2020-Q1 or 2020',
  })
  period!: string;

  @IsIn(NOTICE_LEVELS, {
    message: 'level 应为 remind、supervise 或 listed / level must be remind, supervise or listed',
  })
  level!: NoticeLevel;

  @IsOptional()
  @IsString({ message: '说明应为文字 / note must be text' })
  @MaxLength(1000, { message: '说明不超过 1000 字 / note must be at most 1000 characters' })
  note?: string;
}

export class ReplyDto {
  @IsString({ message: '整改措施应为文字 / measures must be text' })
  @HasVisibleText({ message: '请填写整改措施 / measures are required' })
  @MaxLength(4000, { message: '整改措施不超过 4000 字 / measures must be at most 4000 characters' })
  measures!: string;

  @IsRealDate({
    message: '完成时限 targetDate 应为实际存在的日期 YYYY-MM-DD / targetDate must be a real date written YYYY-MM-DD',
  })
  targetDate!: string;
}

export class SendBackDto {
  @IsString({ message: '退回意见应为文字 / comment must be text' })
  @HasVisibleText({ message: '请填写退回意见 / a comment is required' })
  @MaxLength(1000, { message: '退回意见不超过 1000 字 / comment must be at most 1000 characters' })
  comment!: string;
}
