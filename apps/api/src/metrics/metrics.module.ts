import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { Transactions } from '../database/transactions';

@Module({
  imports: [EvaluationModule, PlansModule, CalendarModule],
  controllers: [MetricsController],
  providers: [Transactions, MetricsService],
})
export class MetricsModule {}
