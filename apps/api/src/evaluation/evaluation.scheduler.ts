import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { ScheduledJob } from '../common/scheduled-job';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobClaims, JOBS } from '../database/job-claims';
import { EvaluationService } from './evaluation.service';

/** Each tick calls EvaluationService.runCycle, which tests call directly. */
@Injectable()
export class EvaluationScheduler extends ScheduledJob {
  constructor(
    registry: SchedulerRegistry,
    claims: JobClaims,
    private readonly evaluation: EvaluationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(registry, claims, JOBS.evaluation);
  }

  protected cronTime(): string {
    return this.config.evaluationCron;
  }

  protected work(): Promise<unknown> {
    return this.evaluation.runCycle();
  }
}
