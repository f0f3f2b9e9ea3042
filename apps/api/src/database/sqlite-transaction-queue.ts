import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver has one connection: two transactions begun from different requests at once
 * fail with "cannot start a transaction within a transaction". SQLite has one writer anyway, so on SQLite every
 * transaction waits for the one before it. A transaction begun inside another (same async context) runs straight
 * through, so nesting cannot deadlock. PostgreSQL keeps its pool and real concurrency.
 */
@Injectable()
export class SqliteTransactionQueue implements OnModuleInit {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<true>();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (this.dataSource.options.type !== 'better-sqlite3') return;
    const manager = this.dataSource.manager;
    const original = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
    const queued = (...args: unknown[]): Promise<unknown> => {
      if (this.inside.getStore()) return original(...args);
      const run = this.tail.then(() => this.inside.run(true, () => original(...args)));
      this.tail = run.catch(() => undefined);
      return run;
    };
    (manager as unknown as { transaction: typeof queued }).transaction = queued;
  }
}

