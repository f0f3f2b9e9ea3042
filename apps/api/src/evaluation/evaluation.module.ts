import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationScheduler } from './evaluation.scheduler';
import { EvaluationService } from './evaluation.service';

@Module({ imports: [CalendarModule], providers: [EvaluationService, EvaluationRepository, EvaluationScheduler], exports: [EvaluationService, EvaluationScheduler, EvaluationRepository] })
export class EvaluationModule {}
