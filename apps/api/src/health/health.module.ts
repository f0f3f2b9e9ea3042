import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { HealthController } from './health.controller';

@Module({ imports: [EvaluationModule, CalendarModule], controllers: [HealthController] })
export class HealthModule {}
