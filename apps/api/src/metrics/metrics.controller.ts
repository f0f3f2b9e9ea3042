import { Body, Controller, Get, Param, Patch, Query, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idPipe } from '../common/id.pipe';
import { WriteAccessGuard } from '../common/write-access.guard';
import { EvaluationHistoryQueryDto, ListMetricsQueryDto, UpdateMetricDto, type EvaluationResponse, type MetricResponse } from './metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Every metric of a plan with its current status and reason; filter by status or department. */
  @Get()
  list(@Query() q: ListMetricsQueryDto): Promise<MetricResponse[]> {
    return this.metrics.list(q);
  }

  @Get(':id')
  get(@Param('id', idPipe('指标编号 / metric id')) id: number): Promise<MetricResponse> {
    return this.metrics.get(id);
  }

  /** The history of status changes, oldest first. */
  @Get(':id/evaluations')
  history(@Param('id', idPipe('指标编号 / metric id')) id: number, @Query() q: EvaluationHistoryQueryDto): Promise<EvaluationResponse[]> {
    return this.metrics.history(id, q.departmentId);
  }

  @Patch(':id')
  @UseGuards(WriteAccessGuard)
  update(@Param('id', idPipe('指标编号 / metric id')) id: number, @Body() body: UpdateMetricDto): Promise<MetricResponse> {
    return this.metrics.update(id, body);
  }
}
