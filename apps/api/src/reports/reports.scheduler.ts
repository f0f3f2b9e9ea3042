import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobClaims, JOBS } from '../database/job-claims';
import { scheduleJob, unscheduleJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReportsService } from './reports.service';

const JOB = JOBS.monthlyReport;

/** Every day at REPORT_HOUR (Beijing time) the job asks whether today is the month's first working day. */
@Injectable()
export class ReportsScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportsScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: JobClaims,
  ) {}

  start(): void {
    scheduleJob(
      this.registry,
      JOB,
      `0 0 ${this.config.reportHour} * * *`,
      () => this.reports.runMonthly(),
      this.logger,
      this.claims,
    );
  }

  onApplicationShutdown(): void {
    unscheduleJob(this.registry, JOB);
  }
}
