import { Module } from '@nestjs/common';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { DashboardController } from './dashboard.controller';
import { DashboardCache } from './dashboard-cache';
import { DashboardService } from './dashboard.service';
import { DataVersionRepository } from './data-version.repository';
import { TimelinessService } from './timeliness.service';
import { CalendarModule } from '../calendar/calendar.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { SupervisionModule } from '../supervision/supervision.module';

@Module({
  imports: [PlansModule, EvaluationModule, CalendarModule, SubmissionsModule, SupervisionModule],
  controllers: [DashboardController],
  providers: [DashboardService, TimelinessService, DashboardCache, DataVersionRepository],
  exports: [DashboardService],
})
export class DashboardModule {}
