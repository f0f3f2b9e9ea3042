import { Module } from '@nestjs/common';
import { PlanEvaluationService } from '../evaluation/plan-evaluation.service';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  controllers: [PlansController],
  providers: [PlansService, PlansRepository, SubmissionsRepository, PlanEvaluationService],
  exports: [PlanEvaluationService],
})
export class PlansModule {}
