/**
 * Counts failed logins per username and per client address in a sliding window; past the limit, login
 * answers 429 until the window passes. In memory, per process: enough for one instance; several instances
 * each keep their own count (noted in the README).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  isBlocked(keys: string[], now: number): boolean {
    return keys.some((k) => this.recent(k, now).length >= this.limit);
  }

  fail(keys: string[], now: number): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k, now), now]);
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
