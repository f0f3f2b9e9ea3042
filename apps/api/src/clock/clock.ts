import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The one place the API reads the time, so that the domain can take "today" as an argument.
 * `FIXED_TODAY` pins the date (for demonstrations and tests); `setToday` moves it in tests, and `setNow`
 * pins the instant (delivery back-off is counted in minutes of `now`).
 */
@Injectable()
export class Clock {
  private fixedToday: string | null;
  private fixedNow: Date | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.fixedToday = config.fixedToday;
  }

  now(): Date {
    return this.fixedNow ? new Date(this.fixedNow.getTime()) : new Date();
  }

  /** Today's date in China (UTC+8), ISO "YYYY-MM-DD": deadlines are counted in Beijing time. */
  today(): string {
    if (this.fixedToday) return this.fixedToday;
    return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  }

  setToday(date: string | null): void {
    this.fixedToday = date;
  }

  /** Pins the instant `now()` returns (tests only); null goes back to the real time. */
  setNow(instant: Date | null): void {
    this.fixedNow = instant ? new Date(instant.getTime()) : null;
  }
}
