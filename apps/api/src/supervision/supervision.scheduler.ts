import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobClaims, JOBS } from '../database/job-claims';
import { scheduleJob, unscheduleJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SupervisionService } from './supervision.service';

const JOB = JOBS.supervision;

/** Runs the supervision loop on the evaluation's cron; a failure is logged and retried on the next tick. */
@Injectable()
export class SupervisionScheduler implements OnApplicationShutdown {
  private readonly logger = new Logger(SupervisionScheduler.name);

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly supervision: SupervisionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly claims: JobClaims,
  ) {}

  start(): void {
    scheduleJob(
      this.registry,
      JOB,
      this.config.evaluationCron,
      () => this.supervision.runCycle(),
      this.logger,
      this.claims,
    );
  }

  onApplicationShutdown(): void {
    unscheduleJob(this.registry, JOB);
  }
}
