import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource } from 'typeorm';

/** TypeORM's own count of the transactions open on its one better-sqlite3 query runner (protected in its types). */
interface RunnerState {
  isTransactionActive: boolean;
  transactionDepth: number;
  rollbackTransaction(): Promise<void>;
}

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
    this.resetAfterAbortedTransactions();
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

  /**
   * When a COMMIT fails on a storage error (a read-only or failing disk), SQLite has already rolled the transaction
   * back; TypeORM's ROLLBACK then fails ("no transaction is active") and its count stays at one open transaction.
   * Every later transaction would become a SAVEPOINT inside a transaction that is never committed: writes answered
   * 201 and read back by this process, yet never stored — lost at the next restart. So a rollback with nothing left
   * to roll back only clears the count.
   */
  private resetAfterAbortedTransactions(): void {
    const driver = this.dataSource.driver as unknown as { databaseConnection: { inTransaction: boolean } };
    const runner = this.dataSource.driver.createQueryRunner('master') as unknown as RunnerState;
    const rollback = runner.rollbackTransaction.bind(runner);
    runner.rollbackTransaction = async () => {
      if (runner.isTransactionActive && !driver.databaseConnection.inTransaction) {
        runner.isTransactionActive = false;
        runner.transactionDepth = 0;
        return;
      }
      return rollback();
    };
  }
}
