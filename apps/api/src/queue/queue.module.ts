import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansRepository } from '../plans/plans.repository';
import { SubmissionsModule } from '../submissions/submissions.module';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

@Module({ imports: [EvaluationModule, SubmissionsModule, CalendarModule], controllers: [QueueController], providers: [QueueService, PlansRepository] })
export class QueueModule {}
