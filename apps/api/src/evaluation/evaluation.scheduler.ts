import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EvaluationService } from './evaluation.service';

const JOB = 'evaluation';

/** The cron job is thin: each tick calls EvaluationService.runCycle, which tests call directly. */
@Injectable()
export class EvaluationScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly evaluation: EvaluationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  start(): void {
    // waitForCompletion: a tick that comes while a cycle still runs is skipped, so runs never overlap.
    const job = CronJob.from({ cronTime: this.config.evaluationCron, onTick: async () => { await this.evaluation.runCycle(); }, waitForCompletion: true, timeZone: 'Asia/Shanghai', start: true });
    this.registry.addCronJob(JOB, job as never);
    this.logger.log(`Scheduled evaluation: "${this.config.evaluationCron}" (Asia/Shanghai)`);
  }

  nextRun(): string | null {
    if (!this.registry.doesExist('cron', JOB)) return null;
    return this.registry.getCronJob(JOB).nextDate().toISO();
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('cron', JOB)) this.registry.deleteCronJob(JOB);
  }
}
