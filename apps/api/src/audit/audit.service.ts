import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AuditEntity } from './audit.entity';

export interface AuditRecord {
  kind: 'write' | 'denied' | 'login';
  action: string;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
  statusCode?: number;
}

// Any key naming a password, token or secret — except the flag that a password was changed, which holds none.
const SECRET_KEYS = /^(?!passwordChanged$).*(password|token|secret)/i;

/** Stores JSON without secrets: passwords and tokens never reach the trail (nor the logs). */
function redact(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value, (key, v) => (SECRET_KEYS.test(key) ? '[redacted]' : v)).slice(0, 20_000);
}

@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Appends one row; inside `manager`'s transaction when given, so a write and its trail commit together. */
  async record(user: Pick<CurrentUser, 'id' | 'username'> | null | undefined, r: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEntity, {
      at: this.clock.now().toISOString(), userId: user?.id ?? null, username: user?.username ?? null, kind: r.kind, action: r.action,
      entity: r.entity ?? null, entityId: r.entityId === undefined ? null : String(r.entityId), before: redact(r.before), after: redact(r.after), statusCode: r.statusCode ?? null,
    });
  }

  list(limit: number, beforeId?: number): Promise<AuditEntity[]> {
    const q = this.dataSource.manager.createQueryBuilder(AuditEntity, 'a').orderBy('a.id', 'DESC').take(limit);
    if (beforeId) q.where('a.id < :beforeId', { beforeId });
    return q.getMany();
  }
}
