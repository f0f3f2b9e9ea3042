import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { AuditQuery } from '@taizhang/contracts';
import { neutralizeFormula, shanghaiTime } from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { CurrentUser } from '../auth/current-user';
import { Clock } from '../clock/clock';
import { AnonymousTally, type DayCount } from './anonymous-tally';
import { AuditEntity } from './audit.entity';
import { AuditRepository } from './audit.repository';

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

/** Failed sign-ins written one by one each hour; beyond, they are counted (a spray from many addresses cannot fill the trail). */
export const FAILED_SIGN_IN_ROWS_PER_HOUR = 100;
export const DAY_COUNT_ACTION = 'anonymous requests (count of the day)';

@Injectable()
export class AuditService implements OnModuleDestroy {
  private readonly logger = new Logger(AuditService.name);
  private readonly tally = new AnonymousTally();
  private failedSignIns = { hour: '', rows: 0 };

  constructor(
    private readonly trail: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A request refused before anyone signed in. Anyone can make these, and the trail can never be pruned, so they are
   * counted by day and route instead: one row per day holds the counts, written when the next day's first one comes
   * (or when the server stops).
   */
  async countAnonymous(action: string, statusCode: number): Promise<void> {
    await this.writeDayCount(this.tally.add(this.clock.today(), `${action} ${statusCode}`));
  }

  /** A failed sign-in, with the username tried and the client address: one row each while the hour's budget lasts. */
  async recordFailedSignIn(username: string, address: string): Promise<void> {
    const hour = this.clock.now().toISOString().slice(0, 13);
    if (this.failedSignIns.hour !== hour) this.failedSignIns = { hour, rows: 0 };
    if (this.failedSignIns.rows >= FAILED_SIGN_IN_ROWS_PER_HOUR)
      return this.countAnonymous(`POST /auth/login (beyond ${FAILED_SIGN_IN_ROWS_PER_HOUR} rows an hour)`, 401);
    this.failedSignIns.rows += 1;
    await this.record(null, {
      kind: 'denied',
      action: 'POST /auth/login',
      entity: 'user',
      after: { username, address },
      statusCode: 401,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.writeDayCount(this.tally.take());
  }

  /** Counts are statistics, not evidence: a failure to write them is logged and does not change the answer. */
  private async writeDayCount(count: DayCount | null): Promise<void> {
    if (!count) return;
    try {
      await this.record(null, {
        kind: 'denied',
        action: DAY_COUNT_ACTION,
        entity: 'day',
        entityId: count.day,
        after: count,
      });
    } catch (error) {
      this.logger.error(
        `Could not write the anonymous counts of ${count.day} (${JSON.stringify(count.counts)}): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Appends one row; inside `manager`'s transaction when given, so a write and its trail commit together. */
  async record(
    user: Pick<CurrentUser, 'id' | 'username'> | null | undefined,
    r: AuditRecord,
    manager?: EntityManager,
  ): Promise<void> {
    await this.trail.append(
      {
        at: this.clock.now().toISOString(),
        userId: user?.id ?? null,
        username: user?.username ?? null,
        kind: r.kind,
        action: r.action,
        entity: r.entity ?? null,
        entityId: r.entityId === undefined ? null : String(r.entityId),
        before: redact(r.before),
        after: redact(r.after),
        statusCode: r.statusCode ?? null,
      },
      manager,
    );
  }

  /** Newest first, filtered by who, what and when (Asia/Shanghai days, both included); page with beforeId. */
  list(limit: number, filter: Omit<AuditQuery, 'limit'> = {}): Promise<AuditEntity[]> {
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new AppError(
        'INVALID_INPUT',
        `起始日 from（${filter.from}）不能晚于截止日 to（${filter.to}）`,
        `from (${filter.from}) cannot be after to (${filter.to})`,
      );
    }
    return this.trail.find(limit, filter);
  }

  /** The whole filtered trail (no paging) as CSV, UTF-8 with a BOM for Excel. */
  async exportCsv(filter: Omit<AuditQuery, 'limit' | 'beforeId'>): Promise<string> {
    const rows = await this.list(100_000, filter);
    const cell = (v: unknown) => {
      // Text a spreadsheet would run as a formula stays text, as in the report files.
      const safe = neutralizeFormula(v === null || v === undefined ? '' : String(v));
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    const lines = rows.map((r) =>
      CSV_COLUMNS.map((c) => cell(c === 'atBeijing' ? shanghaiTime(r.at) : r[c])).join(','),
    );
    return '\uFEFF' + [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
  }
}

// atBeijing: the same instant as Asia/Shanghai local time, for a reader; at stays the exact UTC instant.
const CSV_COLUMNS: Array<keyof AuditEntity | 'atBeijing'> = [
  'id',
  'at',
  'atBeijing',
  'userId',
  'username',
  'kind',
  'action',
  'entity',
  'entityId',
  'statusCode',
  'before',
  'after',
];
