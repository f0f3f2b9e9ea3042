import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { PreparedJson } from '../common/prepared-json';
import { DataVersionRepository, type DataVersion } from './data-version.repository';

const MAX_ENTRIES = 200;

interface Entry {
  /** The state of the data the value was computed for (see `version`). */
  version: string;
  /** Shared while it computes, so that requests arriving together after a change compute it once. */
  value: Promise<unknown>;
  /** The value as sent, serialised once for each `stamp` (what a request adds to the cached value). */
  answer?: { stamp: string; json: PreparedJson };
}

/** What a request finds: the state of the data (the data version and today) and when any instance last finished a scheduled evaluation. */
interface DataState {
  version: string;
  evaluatedAt: string | null;
}

/**
 * Dashboards are read far more often than the data changes. An answer is kept until the data moves on: the data
 * version (`DataVersionRepository.readDataVersion`: the newest evaluation, the newest audited write, the newest
 * notice event) and today's date together say whether anything a dashboard shows can have changed — on this
 * instance or another. Refusals and sign-ins are audited too but change nothing shown, so they do not count:
 * otherwise any anonymous request to a protected route would throw the answers away. That costs one query per
 * request, three index seeks; the answer itself is also kept serialised, so a request that finds the data unchanged
 * neither computes nor serialises anything.
 */
@Injectable()
export class DashboardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly dataVersions: DataVersionRepository,
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
    // Read fresh by every request and shared by every instance, so all of them give the same bytes and the same ETag.
    const v = await this.dataVersions.readDataVersion();
    return { version: versionKey(v, this.clock.today()), evaluatedAt: v.evaluationFinishedAt };
  }
}

/** The key an entry is kept under: the data version and today (statuses change with the date alone). */
function versionKey(v: DataVersion, today: string): string {
  return `${v.evaluationId}|${v.auditedWriteId}|${v.noticeEventId}|${today}`;
}
