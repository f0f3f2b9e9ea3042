import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansRepository } from '../plans/plans.repository';
import { SubmissionsModule } from '../submissions/submissions.module';
import { BulkEntryController } from './bulk-entry.controller';
import { BulkEntryService } from './bulk-entry.service';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';
import { Transactions } from '../database/transactions';

@Module({
  imports: [EvaluationModule, SubmissionsModule, CalendarModule],
  controllers: [QueueController, BulkEntryController],
  providers: [Transactions, QueueService, BulkEntryService, PlansRepository],
})
export class QueueModule {}
