import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The one way a service opens a transaction: `work` gets the transaction's manager and hands it to the repositories
 * (and to `AuditService.record`), so that a write and its audit row commit together or not at all. On SQLite the
 * transactions still queue one behind the other (sqlite-transaction-queue.ts).
 */
@Injectable()
export class Transactions {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
