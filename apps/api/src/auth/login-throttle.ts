/**
 * The sign-in throttle's policy (OWASP ASVS 6.3): failures are counted per client address and per username, each in
 * a sliding window. An address past its limit is blocked for the address window; a username past its limit (failures
 * from any address) is locked for the shorter username window, so that nobody can lock an account's owner out for long.
 * A successful sign-in clears that username's failures from that address only, so a valid account cannot reset the
 * counter of an attacker guessing others.
 */
export const LOGIN_THROTTLE = {
  addressLimit: 5,
  addressWindowMs: 15 * 60_000,
  usernameLimit: 10,
  usernameWindowMs: 5 * 60_000,
} as const;

export type LoginThrottlePolicy = { [K in keyof typeof LOGIN_THROTTLE]: number };

/** Why an attempt may not go on, and the instant (ms) it may be tried again. */
export interface ThrottleRefusal {
  blockedBy: 'address' | 'username';
  retryAt: number;
}

interface Failure {
  address: string;
  username: string;
  at: number;
}

/**
 * In memory, per process: enough for one instance; several instances each keep their own count (README, known limits).
 * Memory stays bounded: entries live one address window, and each costs the caller a password verification.
 */
export class LoginThrottle {
  private readonly byAddress = new Map<string, Failure[]>();
  private readonly byUsername = new Map<string, Failure[]>();
  private lastSweep = 0;

  constructor(private readonly policy: LoginThrottlePolicy = LOGIN_THROTTLE) {}

  /**
   * Checks the attempt and, when it may go on, counts it as a failure at once — before the slow password check,
   * in the same synchronous step — so that parallel attempts cannot all pass the check. `succeed` takes it back.
   */
  reserve(address: string, username: string, now: number): ThrottleRefusal | null {
    const user = username.toLowerCase();
    this.sweep(now);
    const refusals = [
      refusal(
        'address',
        this.recent(this.byAddress, address, now, this.policy.addressWindowMs),
        this.policy.addressLimit,
        this.policy.addressWindowMs,
      ),
      refusal(
        'username',
        this.recent(this.byUsername, user, now, this.policy.usernameWindowMs),
        this.policy.usernameLimit,
        this.policy.usernameWindowMs,
      ),
    ].filter((r): r is ThrottleRefusal => r !== null);
    if (refusals.length) return refusals.reduce((a, b) => (b.retryAt > a.retryAt ? b : a));
    const failure = { address, username: user, at: now };
    this.append(this.byAddress, address, failure);
    this.append(this.byUsername, user, failure);
    return null;
  }

  /** That username's failures from that address are forgiven; the address's failures for other usernames stay. */
  succeed(address: string, username: string): void {
    const user = username.toLowerCase();
    this.replace(
      this.byAddress,
      address,
      (this.byAddress.get(address) ?? []).filter((f) => f.username !== user),
    );
    this.replace(
      this.byUsername,
      user,
      (this.byUsername.get(user) ?? []).filter((f) => f.address !== address),
    );
  }

  private recent(map: Map<string, Failure[]>, key: string, now: number, windowMs: number): Failure[] {
    return (map.get(key) ?? []).filter((f) => now - f.at < windowMs);
  }

  private append(map: Map<string, Failure[]>, key: string, failure: Failure): void {
    map.set(key, [...(map.get(key) ?? []), failure]);
  }

  private replace(map: Map<string, Failure[]>, key: string, failures: Failure[]): void {
    if (failures.length) map.set(key, failures);
    else map.delete(key);
  }

  /** Once a minute, forgets what no window can see any more. */
  private sweep(now: number): void {
    if (Math.abs(now - this.lastSweep) < 60_000) return;
    this.lastSweep = now;
    const horizon = Math.max(this.policy.addressWindowMs, this.policy.usernameWindowMs);
    for (const map of [this.byAddress, this.byUsername]) {
      for (const [key, failures] of map)
        this.replace(
          map,
          key,
          failures.filter((f) => now - f.at < horizon),
        );
    }
  }
}

/** Blocked while `limit` or more failures are in the window; free again when the oldest of the last `limit` leaves it. */
function refusal(
  blockedBy: ThrottleRefusal['blockedBy'],
  failures: Failure[],
  limit: number,
  windowMs: number,
): ThrottleRefusal | null {
  if (failures.length < limit) return null;
  const times = failures.map((f) => f.at).sort((a, b) => a - b);
  return { blockedBy, retryAt: times[times.length - limit] + windowMs };
}
