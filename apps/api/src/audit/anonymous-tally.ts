/** The most distinct things counted in one day; beyond, they are counted together under OTHER. */
const MAX_KEYS = 200;
const OTHER = 'other';

export interface DayCount {
  day: string;
  counts: Record<string, number>;
  total: number;
}

/**
 * Counts what anyone can cause without signing in (refused requests, throttled or surplus failed sign-ins) by day and
 * by what happened, in memory and bounded, instead of writing a row for each into the append-only trail.
 */
export class AnonymousTally {
  private day: string | null = null;
  private counts = new Map<string, number>();

  /** Counts one; when the day has changed, hands back the previous day's counts to be written once. */
  add(day: string, key: string): DayCount | null {
    const previous = this.day !== null && this.day !== day ? this.take() : null;
    this.day = day;
    const k = this.counts.has(key) || this.counts.size < MAX_KEYS ? key : OTHER;
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    return previous;
  }

  /** The counts so far, which start again from nothing; null when there are none. */
  take(): DayCount | null {
    if (this.day === null || this.counts.size === 0) return null;
    const counts = Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : 1)));
    const total = [...this.counts.values()].reduce((a, b) => a + b, 0);
    const taken = { day: this.day, counts, total };
    this.counts = new Map();
    return taken;
  }
}
