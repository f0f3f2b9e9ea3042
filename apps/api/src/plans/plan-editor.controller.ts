import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NextYearResponse, PlanOutlineResponse, RetireResponse } from '@taizhang/contracts';
import { Roles } from '../auth/access.decorator';
import { User, type CurrentUser } from '../auth/current-user';
import { idPipe } from '../common/id.pipe';
import { NextYearService } from './next-year.service';
import {
  CreateIndicatorDto,
  CreateMetricDto,
  CreateTaskDto,
  NextYearDto,
  UpdateIndicatorDto,
  UpdateMetricDefinitionDto,
  UpdateTaskDto,
  sent,
} from './plan-editor.dto';
import { PlanMetricsService } from './plan-metrics.service';
import { PlanStructureService } from './plan-structure.service';

const PLAN = idPipe('计划编号 / plan id');
const INDICATOR = idPipe('指标编号 / indicator id');
const TASK = idPipe('任务编号 / task id');
const METRIC = idPipe('指标编号 / metric id');

/** The plan editor (admin): indicators, tasks, department links and metrics; every write audited; next year from a plan. */
@ApiTags('plans')
@Controller('plans/:id')
@Roles('admin')
export class PlanEditorController {
  constructor(
    private readonly structure: PlanStructureService,
    private readonly metrics: PlanMetricsService,
    private readonly nextYear: NextYearService,
  ) {}

  /** The whole structure, live and retired, with each metric's terms, reporters and whether it may be deleted. */
  @Get('outline')
  outline(@Param('id', PLAN) id: number): Promise<PlanOutlineResponse> {
    return this.structure.outline(id);
  }

  @Post('indicators')
  createIndicator(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Body() body: CreateIndicatorDto,
  ): Promise<PlanOutlineResponse> {
    return this.structure.createIndicator(user, id, sent(body) as CreateIndicatorDto);
  }

  @Patch('indicators/:indicatorId')
  updateIndicator(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('indicatorId', INDICATOR) indicatorId: number,
    @Body() body: UpdateIndicatorDto,
  ): Promise<PlanOutlineResponse> {
    return this.structure.updateIndicator(user, id, indicatorId, sent(body));
  }

  @Post('indicators/:indicatorId/retire')
  @HttpCode(200)
  retireIndicator(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('indicatorId', INDICATOR) indicatorId: number,
  ): Promise<RetireResponse> {
    return this.structure.retireIndicator(user, id, indicatorId);
  }

  @Delete('indicators/:indicatorId')
  deleteIndicator(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('indicatorId', INDICATOR) indicatorId: number,
  ): Promise<PlanOutlineResponse> {
    return this.structure.deleteIndicator(user, id, indicatorId);
  }

  @Post('tasks')
  createTask(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Body() body: CreateTaskDto,
  ): Promise<PlanOutlineResponse> {
    return this.structure.createTask(user, id, body);
  }

  @Patch('tasks/:taskId')
  updateTask(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('taskId', TASK) taskId: number,
    @Body() body: UpdateTaskDto,
  ): Promise<PlanOutlineResponse> {
    return this.structure.updateTask(user, id, taskId, sent(body));
  }

  @Post('tasks/:taskId/retire')
  @HttpCode(200)
  retireTask(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('taskId', TASK) taskId: number,
  ): Promise<RetireResponse> {
    return this.structure.retireTask(user, id, taskId);
  }

  @Delete('tasks/:taskId')
  deleteTask(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('taskId', TASK) taskId: number,
  ): Promise<PlanOutlineResponse> {
    return this.structure.deleteTask(user, id, taskId);
  }

  @Post('metrics')
  createMetric(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Body() body: CreateMetricDto,
  ): Promise<PlanOutlineResponse> {
    return this.metrics.create(user, id, sent(body) as CreateMetricDto);
  }

  @Patch('metrics/:metricId')
  updateMetric(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('metricId', METRIC) metricId: number,
    @Body() body: UpdateMetricDefinitionDto,
  ): Promise<PlanOutlineResponse> {
    return this.metrics.update(user, id, metricId, sent(body));
  }

  @Post('metrics/:metricId/retire')
  @HttpCode(200)
  retireMetric(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('metricId', METRIC) metricId: number,
  ): Promise<RetireResponse> {
    return this.metrics.retire(user, id, metricId);
  }

  /** Only a metric on which nothing stands (no figures, notices or comments); 409 otherwise: retire it. */
  @Delete('metrics/:metricId')
  deleteMetric(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Param('metricId', METRIC) metricId: number,
  ): Promise<PlanOutlineResponse> {
    return this.metrics.delete(user, id, metricId);
  }

  /** "Start next year from this plan": 201 with the new plan; structure, departments and targets kept, no figures. */
  @Post('next-year')
  nextYearOf(
    @User() user: CurrentUser,
    @Param('id', PLAN) id: number,
    @Body() body: NextYearDto,
  ): Promise<NextYearResponse> {
    return this.nextYear.copy(user, id, sent(body));
  }
}
