import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { HasVisibleText, WholeNumberInText } from '../common/field-validators';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) => `${field} 应为日期 YYYY-MM-DD / ${field} must be a date written YYYY-MM-DD`;

export class AddWorkingDaysQueryDto {
  @ApiProperty({ example: '2020-09-30', description: '起始日（不计入）/ start day (not counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('start') })
  start!: string;

  @ApiProperty({ example: 5, description: '工作日数 / number of working days' })
  @WholeNumberInText('days 应为 0 至 3650 的整数 / days must be a whole number from 0 to 3650', { min: 0, max: 3650 })
  days!: number;
}

export class CountWorkingDaysQueryDto {
  @ApiProperty({ example: '2020-09-30', description: '起始日（不计入）/ start day (not counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('start') })
  start!: string;

  @ApiProperty({ example: '2020-10-12', description: '截止日（计入）/ end day (counted)' })
  @Matches(DATE, { message: DATE_MESSAGE('end') })
  end!: string;
}

export class PutCalendarYearDto {
  @ApiProperty({
    type: [String],
    example: ['2027-01-01'],
    description: '法定节假日（含假期中的周末）/ official days off',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: DATE_MESSAGE('holidays') })
  holidays!: string[];

  @ApiProperty({ type: [String], example: ['2027-02-07'], description: '调休上班日 / make-up working days' })
  @IsArray()
  @ArrayMaxSize(366)
  @Matches(DATE, { each: true, message: DATE_MESSAGE('makeUpWorkdays') })
  makeUpWorkdays!: string[];

  @ApiProperty({ required: false, example: '国办发明电〔2026〕X号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string;
}

export class NoticeTextDto {
  @ApiProperty({
    example: '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦:1月1日(周五)至3日(周日)放假,共3天。',
    description: '通知全文，照发布原样粘贴 / the notice as published, pasted whole',
  })
  @IsString({ message: 'text 应为通知全文 / text must be the text of the notice' })
  @HasVisibleText({ message: 'text 不能为空，请粘贴通知全文 / text is empty: paste the whole notice' })
  @MaxLength(20000, {
    message: 'text 不能超过 20000 字，请只粘贴通知本身 / text must be at most 20,000 characters: paste only the notice',
  })
  text!: string;
}

const DAY_KINDS = ['holiday', 'workday', 'ordinary'] as const;

export class CalendarDayDto {
  @ApiProperty({ enum: DAY_KINDS, description: 'holiday 放假 / workday 调休上班 / ordinary 按星期' })
  @IsIn(DAY_KINDS, {
    message:
      'kind 应为 holiday（放假）、workday（调休上班）或 ordinary（按星期）/ kind must be holiday, workday or ordinary',
  })
  kind!: (typeof DAY_KINDS)[number];

  @ApiProperty({ example: '本区防汛应急，经区政府同意调整', description: '调整理由（记入审计）/ why (audited)' })
  @IsString({ message: 'reason 应为文字 / reason must be text' })
  @HasVisibleText({ message: '请填写调整理由 / give the reason for the change' })
  @MaxLength(500, { message: 'reason 不能超过 500 字 / reason must be at most 500 characters' })
  reason!: string;
}
