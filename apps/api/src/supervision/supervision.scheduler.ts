import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobClaims, JOBS } from '../database/job-claims';
import { SupervisionService } from './supervision.service';

/** Runs the supervision loop on the evaluation's cron; a failure is logged and retried on the next tick. */
@Injectable()
export class SupervisionScheduler extends ScheduledJob {
  constructor(
    registry: SchedulerRegistry,
    claims: JobClaims,
    private readonly supervision: SupervisionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(registry, claims, JOBS.supervision);
  }

  protected cronTime(): string {
    return this.config.evaluationCron;
  }

  protected work(): Promise<unknown> {
    return this.supervision.runCycle();
  }
}
