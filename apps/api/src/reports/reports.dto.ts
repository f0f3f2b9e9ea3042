import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import type { ReportFormat } from './reports.service';
import { IdInText } from '../common/field-validators';

export class GenerateReportDto {
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: '月份格式应为 YYYY-MM，例如 2020-03 / month must be written YYYY-MM, e.g. 2020-03',
  })
  month!: string;
}

export class ListReportsQueryDto {
  @IsOptional()
  @IdInText('计划编号 planId', 'planId')
  planId?: number;
}

export class FileQueryDto {
  @IsIn(['xlsx', 'pdf', 'csv'], { message: 'format 应为 xlsx、pdf 或 csv / format must be xlsx, pdf or csv' })
  format!: ReportFormat;

  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang 应为 zh 或 en / lang must be zh or en' })
  lang?: 'zh' | 'en';
}
