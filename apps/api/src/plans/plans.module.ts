import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlanEvaluationService } from '../evaluation/plan-evaluation.service';
import { PlansController } from './plans.controller';
import { PlansRepository } from './plans.repository';
import { PlansService } from './plans.service';

@Module({
  imports: [EvaluationModule],
  controllers: [PlansController],
  providers: [PlansService, PlansRepository, PlanEvaluationService],
  exports: [PlanEvaluationService],
})
export class PlansModule {}
