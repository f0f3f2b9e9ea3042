import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../clock/clock';
import { PreparedJson } from '../common/prepared-json';
import { JOBS } from '../common/job-claims';

const MAX_ENTRIES = 200;

interface Entry {
  /** The state of the data the value was computed for (see `version`). */
  version: string;
  /** Shared while it computes, so that requests arriving together after a change compute it once. */
  value: Promise<unknown>;
  /** The value as sent, serialised once for each `stamp` (what a request adds to the cached value). */
  answer?: { stamp: string; json: PreparedJson };
}

/** What a request finds, read in one query: the state of the data and when any instance last finished a scheduled evaluation. */
interface DataState {
  version: string;
  evaluatedAt: string | null;
}

/**
 * Dashboards are read far more often than the data changes. An answer is kept until the data moves on:
 * the newest evaluation, the newest audited write (every submission, return, edit and import is audited),
 * the newest notice event and today's date together say whether anything a dashboard shows can have changed — on this instance or another.
 * Refusals and sign-ins are audited too but change nothing shown, so they do not count: otherwise any anonymous
 * request to a protected route would throw the answers away. That costs one query per request, three index seeks;
 * the answer itself is also kept serialised, so a request that finds the data unchanged neither computes nor
 * serialises anything.
 */
@Injectable()
export class DashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.entry(key, compute, (await this.state()).version).value as Promise<T>;
  }

  /**
   * The answer as sent. `present` adds what a request adds to the cached value, given when any instance last
   * finished a scheduled evaluation; the bytes are serialised again only when its `stamp` changes.
   */
  async json<T>(
    key: string,
    compute: () => Promise<T>,
    present: (value: T, evaluatedAt: string | null) => { stamp: string; body: unknown } = (value) => ({
      stamp: '',
      body: value,
    }),
  ): Promise<PreparedJson> {
    const state = await this.state();
    const entry = this.entry(key, compute, state.version);
    const { stamp, body } = present((await entry.value) as T, state.evaluatedAt);
    if (entry.answer?.stamp !== stamp) entry.answer = { stamp, json: PreparedJson.of(body) };
    return entry.answer.json;
  }

  private entry(key: string, compute: () => Promise<unknown>, version: string): Entry {
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached;
    const entry: Entry = { version, value: compute() };
    // A failed computation (an unknown plan, a month outside it) is not kept: the next request tries again.
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    // One entry per key: the answer for an older state of the data is of no further use.
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
    return entry;
  }

  private async state(): Promise<DataState> {
    // audit_log (kind, id) is indexed for this (migration 1765300000000); job_runs is read backwards along its key
    // (job, tick) to the newest finished tick. Shared, so every instance gives the same bytes and the same ETag.
    // Every step of a notice (issued by the loop, answered, closed, escalated) adds a notice event: the attention list shows them.
    const [row] = await this.dataSource
      .query(`SELECT (SELECT MAX(id) FROM evaluations) AS e, (SELECT MAX(id) FROM audit_log WHERE kind = 'write') AS a,
      (SELECT MAX(id) FROM notice_events) AS n, (SELECT finished_at FROM job_runs WHERE job = '${JOBS.evaluation}' AND finished_at IS NOT NULL ORDER BY tick DESC LIMIT 1) AS r`);
    return { version: `${row.e}|${row.a}|${row.n}|${this.clock.today()}`, evaluatedAt: row.r ?? null };
  }
}
