import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles, SignedIn } from '../auth/access.decorator';
import type { PlanSummaryResponse, PlanTreeResponse } from '@taizhang/contracts';
import { PlanTreeService } from './plan-tree.service';
import { PlanSettingsDto, PlanTreeQueryDto } from './plans.dto';
import { User, type CurrentUser } from '../auth/current-user';
import { PlansService } from './plans.service';
import { idPipe } from '../common/id.pipe';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly planTree: PlanTreeService,
  ) {}

  @Get()
  @SignedIn()
  list(): Promise<PlanSummaryResponse[]> {
    return this.plans.list();
  }

  /** The plan tree: first-level → second-level → tasks → metrics, each with its status and counts. */
  @Get(':id')
  @Roles('admin', 'leader')
  tree(
    @Param('id', idPipe('计划编号 / plan id')) id: number,
    @Query() query: PlanTreeQueryDto,
  ): Promise<PlanTreeResponse> {
    return this.planTree.buildPlanTree(id, query.period);
  }

  /** Reminder lead times of one plan, in working days (admin). */
  @Patch(':id/settings')
  @Roles('admin')
  updateSettings(
    @User() user: CurrentUser,
    @Param('id', idPipe('计划编号 / plan id')) id: number,
    @Body() body: PlanSettingsDto,
  ): Promise<PlanSummaryResponse> {
    return this.plans.updateSettings(user, id, body);
  }
}
