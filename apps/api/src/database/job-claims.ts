import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DataSource, Entity, Column, PrimaryColumn } from 'typeorm';
import { isUniqueViolation } from '../common/transaction-clash';

/** The scheduled jobs, by their names in job_runs. */
export const JOBS = { evaluation: 'evaluation', supervision: 'supervision', monthlyReport: 'monthly-report' } as const;

@Entity('job_runs')
export class JobRunEntity {
  @PrimaryColumn({ type: 'varchar' }) job!: string;
  /** The scheduled second of the tick, ISO: every instance computes the same one. */
  @PrimaryColumn({ type: 'varchar' }) tick!: string;
  @Column({ type: 'varchar' }) instance!: string;
  @Column({ name: 'started_at', type: 'varchar' }) startedAt!: string;
  @Column({ name: 'finished_at', type: 'varchar', nullable: true }) finishedAt!: string | null;
}

/**
 * Several API instances share one database: each tick of each job runs exactly once. The first instance to
 * insert (job, tick) runs it; the primary key turns the others away. An instance killed mid-run loses only
 * its own tick — the next tick is a new key that any live instance can claim.
 */
@Injectable()
export class JobClaims {
  readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly dataSource: DataSource) {}

  // started_at and finished_at are wall-clock times for operators, like the tick itself, not the app's Clock.
  async claim(job: string, tick: Date): Promise<boolean> {
    try {
      await this.dataSource.manager.insert(JobRunEntity, {
        job,
        tick: tickKey(tick),
        instance: this.instance,
        startedAt: new Date().toISOString(),
        finishedAt: null,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async finish(job: string, tick: Date): Promise<void> {
    await this.dataSource.manager.update(
      JobRunEntity,
      { job, tick: tickKey(tick), instance: this.instance },
      { finishedAt: new Date().toISOString() },
    );
  }
}

/** Cron fires a few milliseconds after the scheduled second; rounding gives every instance the same key. */
export function tickKey(at: Date): string {
  return new Date(Math.round(at.getTime() / 1000) * 1000).toISOString();
}
