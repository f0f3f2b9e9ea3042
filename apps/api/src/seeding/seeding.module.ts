import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { Transactions } from '../database/transactions';
import { SeedLoaderService } from './seed-loader.service';
import { SeedRepository } from './seed.repository';

@Module({
  imports: [SubmissionsModule, CalendarModule],
  providers: [SeedLoaderService, SeedRepository, Transactions],
  exports: [SeedLoaderService],
})
export class SeedingModule {}
