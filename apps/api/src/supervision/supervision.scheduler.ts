import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SupervisionService } from './supervision.service';

const JOB = 'supervision';

/** Runs the supervision loop on the evaluation's cron; a failure is logged and retried on the next tick. */
@Injectable()
export class SupervisionScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly supervision: SupervisionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    const job = CronJob.from({
      cronTime: this.config.evaluationCron,
      timeZone: 'Asia/Shanghai',
      waitForCompletion: true,
      start: true,
      onTick: async () => {
        try {
          await this.supervision.runCycle();
        } catch (error) {
          this.logger.error(`Supervision run failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
    this.registry.addCronJob(JOB, job as never);
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', JOB)) this.registry.deleteCronJob(JOB);
  }
}
