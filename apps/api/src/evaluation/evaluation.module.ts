import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { Transactions } from '../database/transactions';
import { MetricsRepository } from '../metrics/metrics.repository';
import { PlansRepository } from '../plans/plans.repository';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationScheduler } from './evaluation.scheduler';
import { EvaluationService } from './evaluation.service';
import { ForecastService } from './forecast.service';

@Module({
  imports: [CalendarModule],
  providers: [
    Transactions,
    MetricsRepository,
    PlansRepository,
    EvaluationService,
    EvaluationRepository,
    EvaluationScheduler,
    ForecastService,
  ],
  exports: [MetricsRepository, EvaluationService, EvaluationScheduler, EvaluationRepository, ForecastService],
})
export class EvaluationModule {}
