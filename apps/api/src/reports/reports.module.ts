import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CommentsModule } from '../comments/comments.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { Transactions } from '../database/transactions';
import { PlansModule } from '../plans/plans.module';
import { PlansRepository } from '../plans/plans.repository';
import { ReportBuilderService } from './report-builder.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsScheduler } from './reports.scheduler';
import { ReportsService } from './reports.service';

@Module({
  imports: [DashboardModule, PlansModule, CalendarModule, CommentsModule, EvaluationModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportBuilderService, ReportsScheduler, ReportsRepository, PlansRepository, Transactions],
  exports: [ReportsService, ReportsScheduler],
})
export class ReportsModule {}
