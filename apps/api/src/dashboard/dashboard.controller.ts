import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/access.decorator';
import { DashboardSummaryQueryDto, DashboardTrendQueryDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

/**
 * Each answer (DashboardSummaryResponse, DashboardTrendResponse, DepartmentComparisonResponse) is sent as bytes
 * kept with the cached value, with a strong ETag: the web app polls, and a poll that finds nothing new gets 304.
 */
@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @Roles('admin', 'leader')
  async summary(@Query() query: DashboardSummaryQueryDto, @Res() res: Response): Promise<void> {
    (await this.dashboard.summaryJson(query.planId, query.period)).send(res);
  }

  @Get('trend')
  @Roles('admin', 'leader')
  async trend(@Query() query: DashboardTrendQueryDto, @Res() res: Response): Promise<void> {
    (await this.dashboard.trendJson(query.planId)).send(res);
  }

  @Get('departments')
  @Roles('admin', 'leader')
  async departments(@Query() query: DashboardSummaryQueryDto, @Res() res: Response): Promise<void> {
    (await this.dashboard.departmentsJson(query.planId, query.period)).send(res);
  }
}
