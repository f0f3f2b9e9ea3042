import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';

const MAX_ENTRIES = 200;

/**
 * Dashboards are read far more often than the data changes. An answer is kept until the data moves on:
 * the newest evaluation, the newest audited write (every submission, return, edit and import is audited)
 * and today's date together say whether anything a dashboard shows can have changed — on this instance or another.
 */
@Injectable()
export class DashboardCache {
  private readonly entries = new Map<string, unknown>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const [row] = await this.dataSource.query('SELECT (SELECT MAX(id) FROM evaluations) AS e, (SELECT MAX(id) FROM audit_log) AS a');
    const full = `${key}|${row.e}|${row.a}|${this.clock.today()}`;
    if (this.entries.has(full)) return this.entries.get(full) as T;
    const value = await compute();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(full, value);
    return value;
  }
}
