import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobClaims, JOBS } from '../database/job-claims';
import { ReportsService } from './reports.service';

/** Every day at REPORT_HOUR (Beijing time) the job asks whether today is the month's first working day. */
@Injectable()
export class ReportsScheduler extends ScheduledJob {
  constructor(
    registry: SchedulerRegistry,
    claims: JobClaims,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(registry, claims, JOBS.monthlyReport);
  }

  protected cronTime(): string {
    return `0 0 ${this.config.reportHour} * * *`;
  }

  protected work(): Promise<unknown> {
    return this.reports.runMonthly();
  }
}
