import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { HealthController } from './health.controller';
import { HealthRepository } from './health.repository';

@Module({ imports: [EvaluationModule, CalendarModule], controllers: [HealthController], providers: [HealthRepository] })
export class HealthModule {}
