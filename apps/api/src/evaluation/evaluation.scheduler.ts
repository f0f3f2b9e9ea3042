import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobClaims, JOBS } from '../database/job-claims';
import { scheduleJob, unscheduleJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EvaluationService } from './evaluation.service';

const JOB = JOBS.evaluation;

/** The cron job is thin: each tick calls EvaluationService.runCycle, which tests call directly. */
@Injectable()
export class EvaluationScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(EvaluationScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly evaluation: EvaluationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: JobClaims,
  ) {}

  start(): void {
    scheduleJob(
      this.registry,
      JOB,
      this.config.evaluationCron,
      () => this.evaluation.runCycle(),
      this.logger,
      this.claims,
    );
    this.logger.log(`Scheduled evaluation: "${this.config.evaluationCron}" (Asia/Shanghai)`);
  }

  nextRun(): string | null {
    if (!this.registry.doesExist('cron', JOB)) return null;
    return this.registry.getCronJob(JOB).nextDate().toISO();
  }

  onApplicationShutdown(): void {
    unscheduleJob(this.registry, JOB);
  }
}
