import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { JobClaims, JOBS } from '../database/job-claims';

/**
 * Registers a cron job in Beijing time whose ticks never overlap within an instance (a tick arriving while
 * the previous run still works is skipped), run by exactly one instance when several share the database
 * (`claims`), and whose failures are logged and left to the next tick.
 */
export function scheduleJob(
  registry: SchedulerRegistry,
  name: string,
  cronTime: string,
  work: () => Promise<unknown>,
  logger: Logger,
  claims: JobClaims,
): void {
  const job = CronJob.from({
    cronTime,
    timeZone: 'Asia/Shanghai',
    waitForCompletion: true,
    start: true,
    onTick: async () => {
      // The wall clock, not the app's Clock (which tests and demos pin): a tick is when the cron really fired.
      const tick = new Date();
      try {
        if (!(await claims.claim(name, tick))) return;
        await work();
        await claims.finish(name, tick);
      } catch (error) {
        logger.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  });
  registry.addCronJob(name, job as never);
}

export function unscheduleJob(registry: SchedulerRegistry, name: string): void {
  if (registry.doesExist('cron', name)) registry.deleteCronJob(name);
}

/**
 * A cron job of the app: one name, one cron time, one piece of work. The job is thin on purpose: its work is a
 * service method that tests call directly. Subclasses say what and when; registering, claiming, logging and
 * removing the job at shutdown are here once.
 */
export abstract class ScheduledJob implements OnApplicationShutdown {
  private readonly logger: Logger;

  protected constructor(
    private readonly registry: SchedulerRegistry,
    private readonly claims: JobClaims,
    readonly name: (typeof JOBS)[keyof typeof JOBS],
  ) {
    this.logger = new Logger(new.target.name);
  }

  /** The cron expression, read at start (Asia/Shanghai, with seconds). */
  protected abstract cronTime(): string;

  /** One tick's work. */
  protected abstract work(): Promise<unknown>;

  start(): void {
    const cronTime = this.cronTime();
    scheduleJob(this.registry, this.name, cronTime, () => this.work(), this.logger, this.claims);
    this.logger.log(`Scheduled ${this.name}: "${cronTime}" (Asia/Shanghai)`);
  }

  /** When the job runs next (ISO), or null when it is not scheduled. */
  nextRun(): string | null {
    if (!this.registry.doesExist('cron', this.name)) return null;
    return this.registry.getCronJob(this.name).nextDate().toISO();
  }

  onApplicationShutdown(): void {
    unscheduleJob(this.registry, this.name);
  }
}
