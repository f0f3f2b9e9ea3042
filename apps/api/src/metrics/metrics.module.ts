import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { PlanLocks } from '../database/with-plan-lock';

@Module({
  imports: [EvaluationModule, PlansModule, CalendarModule],
  controllers: [MetricsController],
  providers: [PlanLocks, MetricsService],
})
export class MetricsModule {}
