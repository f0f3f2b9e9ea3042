import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { ReportsService, type ReportFormat, type ReportListItem } from './reports.service';

class GenerateReportDto {
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  @Min(1, { message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId!: number;

  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, {
    message: '月份格式应为 YYYY-MM，例如 2020-03 / month must be written YYYY-MM, e.g. 2020-03',
  })
  month!: string;
}

class ListReportsQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '计划编号 planId 应为正整数 / planId must be a positive whole number' })
  planId?: number;
}

class FileQueryDto {
  @IsIn(['xlsx', 'pdf', 'csv'], { message: 'format 应为 xlsx、pdf 或 csv / format must be xlsx, pdf or csv' })
  format!: ReportFormat;

  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'lang 应为 zh 或 en / lang must be zh or en' })
  lang?: 'zh' | 'en';
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Generates a month now (a new version when the month has one already). */
  @Post()
  @HttpCode(201)
  @Roles('leader', 'admin')
  generate(@User() user: CurrentUser, @Body() body: GenerateReportDto): Promise<{ id: number }> {
    return this.reports.generate(body.planId, body.month, 'manual', user);
  }

  @Get()
  @SignedIn()
  list(@Query() q: ListReportsQueryDto): Promise<ReportListItem[]> {
    return this.reports.list(q.planId);
  }

  @Get(':id/file')
  @SignedIn()
  async file(
    @Param('id', idPipe('报告编号 / report id')) id: number,
    @Query() q: FileQueryDto,
  ): Promise<StreamableFile> {
    const f = await this.reports.file(id, q.format, q.lang ?? 'zh');
    return new StreamableFile(f.body, { type: f.mime, disposition: `attachment; filename="${f.filename}"` });
  }
}
