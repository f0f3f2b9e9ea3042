import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlanTreeService } from './plan-tree.service';
import { NextYearService } from './next-year.service';
import { PlanEditorController } from './plan-editor.controller';
import { PlanMetricsService } from './plan-metrics.service';
import { PlanStructureService } from './plan-structure.service';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';
import { Transactions } from '../database/transactions';

@Module({
  imports: [EvaluationModule],
  controllers: [PlansController, PlanEditorController],
  providers: [
    Transactions,
    PlansService,
    PlansRepository,
    PlanTreeService,
    PlanStructureService,
    PlanMetricsService,
    NextYearService,
  ],
  exports: [PlanTreeService],
})
export class PlansModule {}
