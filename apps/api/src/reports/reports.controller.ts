import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { ReportsService, type ReportListItem } from './reports.service';
import { FileQueryDto, GenerateReportDto, ListReportsQueryDto } from './reports.dto';

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
