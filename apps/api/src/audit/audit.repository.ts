import { Injectable } from '@nestjs/common';
import type { AuditQuery } from '@taizhang/contracts';
import { nextDay, shanghaiDayStart } from '@taizhang/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntity } from './audit.entity';

/** The audit trail is append-only: this repository inserts and reads, nothing else. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one row; inside `m`'s transaction when given, so a write and its trail commit together. */
  async append(row: Omit<AuditEntity, 'id'>, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.insert(AuditEntity, row);
  }

  /** Newest first, filtered by who, what and when (Asia/Shanghai days, both included); page with beforeId. */
  find(limit: number, filter: Omit<AuditQuery, 'limit'>): Promise<AuditEntity[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(AuditEntity, 'a')
      .orderBy('a.id', 'DESC')
      .take(limit)
      .where('1 = 1');
    if (filter.beforeId) q.andWhere('a.id < :beforeId', { beforeId: filter.beforeId });
    if (filter.username) q.andWhere('a.username = :username', { username: filter.username });
    if (filter.kind) q.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.entity) q.andWhere('a.entity = :entity', { entity: filter.entity });
    // Words of the action, as typed: LIKE's own wildcards are escaped; lower-cased on both sides, the same on SQLite and PostgreSQL.
    if (filter.action)
      q.andWhere("LOWER(a.action) LIKE :action ESCAPE '\\'", {
        action: `%${filter.action.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    // Times are stored as UTC ISO strings, which sort as text: a Beijing day is [its start, the next day's start).
    if (filter.from) q.andWhere('a.at >= :from', { from: shanghaiDayStart(filter.from) });
    if (filter.to) q.andWhere('a.at < :to', { to: shanghaiDayStart(nextDay(filter.to)) });
    return q.getMany();
  }
}
