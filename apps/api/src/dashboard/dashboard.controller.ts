import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DashboardSummaryResponse, DashboardTrendResponse, DepartmentComparisonResponse } from '@taizhang/contracts';
import { Roles } from '../auth/access.decorator';
import { DashboardSummaryQueryDto, DashboardTrendQueryDto } from './dashboard.dto';
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

  @Get('trend')
  @Roles('admin', 'leader')
  trend(@Query() query: DashboardTrendQueryDto): Promise<DashboardTrendResponse> {
    return this.dashboard.trend(query.planId);
  }

  @Get('departments')
  @Roles('admin', 'leader')
  departments(@Query() query: DashboardSummaryQueryDto): Promise<DepartmentComparisonResponse> {
    return this.dashboard.departments(query.planId, query.period);
  }
}
