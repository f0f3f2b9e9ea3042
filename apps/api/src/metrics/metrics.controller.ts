import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { MetricPreviewResponse, MetricSeriesResponse } from '@taizhang/contracts';
import { idPipe } from '../common/id.pipe';
import { Roles, SignedIn } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import {
  EvaluationHistoryQueryDto,
  ListMetricsQueryDto,
  MetricQueryDto,
  UpdateMetricDto,
  type EvaluationResponse,
  type MetricResponse,
} from './metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Every metric of a plan with its current status and reason; filter by status or department. */
  @Get()
  @SignedIn()
  list(@User() user: CurrentUser, @Query() q: ListMetricsQueryDto): Promise<MetricResponse[]> {
    return this.metrics.list(user, q);
  }

  /** One metric with its status as of today, or as the month ?period=YYYY-MM shows it. */
  @Get(':id')
  @SignedIn()
  get(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Query() q: MetricQueryDto,
  ): Promise<MetricResponse> {
    return this.metrics.get(user, id, q.period);
  }

  /** The figures per period, with target and amber band, for the metric's chart. */
  @Get(':id/series')
  @SignedIn()
  series(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
  ): Promise<MetricSeriesResponse> {
    return this.metrics.series(user, id);
  }

  /** The history of status changes, oldest first. */
  @Get(':id/evaluations')
  @SignedIn()
  history(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Query() q: EvaluationHistoryQueryDto,
  ): Promise<EvaluationResponse[]> {
    return this.metrics.history(user, id, q.departmentId);
  }

  /** How the statuses would change under the rules in the body (the same body as PATCH), judged on the stored figures; writes nothing. */
  @Post(':id/preview')
  @HttpCode(200)
  @Roles('admin')
  preview(
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Body() body: UpdateMetricDto,
  ): Promise<MetricPreviewResponse> {
    return this.metrics.preview(id, body);
  }

  /** Changes the rules (audited); the periods they touch are evaluated again at once. */
  @Patch(':id')
  @Roles('admin')
  update(
    @User() user: CurrentUser,
    @Param('id', idPipe('指标编号 / metric id')) id: number,
    @Body() body: UpdateMetricDto,
  ): Promise<MetricResponse> {
    return this.metrics.update(user, id, body);
  }
}
