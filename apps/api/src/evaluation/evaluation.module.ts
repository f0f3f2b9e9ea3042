import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { Transactions } from '../database/transactions';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationScheduler } from './evaluation.scheduler';
import { EvaluationService } from './evaluation.service';
import { ForecastService } from './forecast.service';

@Module({
  imports: [CalendarModule],
  providers: [Transactions, EvaluationService, EvaluationRepository, EvaluationScheduler, ForecastService],
  exports: [EvaluationService, EvaluationScheduler, EvaluationRepository, ForecastService],
})
export class EvaluationModule {}
