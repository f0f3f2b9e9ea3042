import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CommentsModule } from './comments/comments.module';
import { Clock } from './clock/clock';
import { JobClaims } from './database/job-claims';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DashboardModule } from './dashboard/dashboard.module';
import { DepartmentsModule } from './departments/departments.module';
import { dataSourceOptions } from './database/data-source-options';
import { SqliteTransactionQueue } from './database/sqlite-transaction-queue';
import { HealthModule } from './health/health.module';
import { PlanImportModule } from './plan-import/plan-import.module';
import { PlansModule } from './plans/plans.module';
import { EvaluationModule } from './evaluation/evaluation.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueueModule } from './queue/queue.module';
import { ReportsModule } from './reports/reports.module';
import { SeedingModule } from './seeding/seeding.module';
import { StartupService } from './startup/startup.service';
import { SubmissionsModule } from './submissions/submissions.module';
import { SupervisionModule } from './supervision/supervision.module';
import { UsersModule } from './users/users.module';

@Global()
@Module({})
export class AppModule {
  /** `headless`: the database and services only — no HTTP extras, no start-up work (for the CLI). */
  static forRoot(config: AppConfig, options: { headless?: boolean } = {}): DynamicModule {
    const serveWeb =
      config.webDist && existsSync(config.webDist)
        ? [ServeStaticModule.forRoot({ rootPath: config.webDist, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        ScheduleModule.forRoot(),
        ...serveWeb,
        AuditModule,
        AuthModule,
        DepartmentsModule,
        UsersModule,
        HealthModule,
        CalendarModule,
        EvaluationModule,
        PlansModule,
        DashboardModule,
        SubmissionsModule,
        MetricsModule,
        QueueModule,
        ReportsModule,
        SupervisionModule,
        SeedingModule,
        PlanImportModule,
        CommentsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        Clock,
        JobClaims,
        SqliteTransactionQueue,
        ...(options.headless ? [] : [StartupService]),
      ],
      exports: [APP_CONFIG, Clock, JobClaims],
    };
  }
}
