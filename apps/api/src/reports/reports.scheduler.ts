import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ReportsService } from './reports.service';

const JOB = 'monthly-report';

/** Every day at REPORT_HOUR (Beijing time) the job asks whether today is the month's first working day. */
@Injectable()
export class ReportsScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(ReportsScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    const job = CronJob.from({
      cronTime: `0 0 ${this.config.reportHour} * * *`,
      timeZone: 'Asia/Shanghai',
      waitForCompletion: true,
      start: true,
      onTick: async () => {
        try {
          await this.reports.runMonthly();
        } catch (error) {
          this.logger.error(`Monthly report failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
    this.registry.addCronJob(JOB, job as never);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', JOB)) this.registry.deleteCronJob(JOB);
  }
}
