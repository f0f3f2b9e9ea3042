import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { SeedLoaderService } from './seed-loader.service';

@Module({ imports: [SubmissionsModule, CalendarModule], providers: [SeedLoaderService], exports: [SeedLoaderService] })
export class SeedingModule {}
