import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorator';
import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { DashboardSummaryQueryDto } from './dashboard.dto';
import { DashboardService } from './dashboard.service';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('summary')
  @Roles('admin', 'leader')
  summary(@Query() query: DashboardSummaryQueryDto): Promise<DashboardSummaryResponse> {
    return this.dashboard.summary(query.planId, query.period);
  }
}
