import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CommentsModule } from '../comments/comments.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { PlansModule } from '../plans/plans.module';
import { ReportBuilderService } from './report-builder.service';
import { ReportsController } from './reports.controller';
import { ReportsScheduler } from './reports.scheduler';
import { ReportsService } from './reports.service';

@Module({
  imports: [DashboardModule, PlansModule, CalendarModule, CommentsModule, EvaluationModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportBuilderService, ReportsScheduler],
  exports: [ReportsService, ReportsScheduler],
})
export class ReportsModule {}
