import type { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import type { JobClaims } from '../database/job-claims';

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
