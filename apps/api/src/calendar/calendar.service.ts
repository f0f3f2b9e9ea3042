import { Injectable, Logger } from '@nestjs/common';
import { calendarYearsFromChineseDays, parseIsoDate, WorkingDayCalendar, type CalendarYear } from '@taizhang/domain';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../clock/clock';
import type { EntityManager } from 'typeorm';
import { CalendarRepository } from './calendar.repository';

/** The years loaded from the chinese-days package on first start; later years come from an admin or a package update. */
export const BUNDLED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** China's working-day calendar as stored in the database, with the domain's arithmetic on top. */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger(CalendarService.name);
  private cached: { calendar: WorkingDayCalendar; version: string } | null = null;

  constructor(
    private readonly repository: CalendarRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Loads the bundled years that are not stored yet; an admin's edits of a stored year are kept. */
  async seedBundledYears(): Promise<void> {
    const known = new Set(await this.repository.knownYears());
    const missing = BUNDLED_YEARS.filter((y) => !known.has(y));
    if (missing.length === 0) return;
    const data = require('chinese-days/dist/chinese-days.json');
    for (const year of calendarYearsFromChineseDays(data, missing)) await this.repository.saveYear(year, this.clock.now().toISOString());
    this.cached = null;
    this.logger.log(`Loaded the working-day calendar for ${missing.join(', ')}`);
  }

  /** The calendar, read again whenever a year changed, here or on another instance (one small query to know). */
  async calendar(): Promise<WorkingDayCalendar> {
    return (await this.current()).calendar;
  }

  /** The calendar with its version, which the engine checks again inside its write (see EvaluationRepository.apply). */
  async current(): Promise<{ calendar: WorkingDayCalendar; version: string }> {
    const version = await this.repository.version();
    if (this.cached?.version !== version) this.cached = { calendar: new WorkingDayCalendar(await this.repository.loadYears()), version };
    return this.cached;
  }

  /** The stored calendar's version, read inside a caller's transaction. */
  versionIn(m: EntityManager): Promise<string> {
    return this.repository.version(m);
  }

  async years(): Promise<CalendarYear[]> {
    return this.repository.loadYears();
  }

  /** Adds or replaces a year (for example from next year's State Council notice) without a code change. */
  async putYear(actor: CurrentUser, year: CalendarYear): Promise<CalendarYear> {
    const dates = [...year.holidays, ...year.makeUpWorkdays];
    for (const d of dates) parseIsoDate(d);
    const stray = dates.find((d) => Number(d.slice(0, 4)) !== year.year);
    if (stray) throw new AppError('INVALID_INPUT', `日期 ${stray} 不属于 ${year.year} 年`, `Date ${stray} is not in ${year.year}`);
    const both = year.holidays.find((d) => year.makeUpWorkdays.includes(d));
    if (both) throw new AppError('INVALID_INPUT', `${both} 不能既是节假日又是调休上班日`, `${both} cannot be both a holiday and a make-up working day`);
    const before = (await this.repository.loadYears()).find((y) => y.year === year.year) ?? null;
    await this.repository.saveYear(year, this.clock.now().toISOString());
    await this.audit.record(actor, { kind: 'write', action: 'put calendar year', entity: 'calendar_year', entityId: year.year, before, after: year });
    this.cached = null;
    return year;
  }

  async addWorkingDays(start: string, days: number): Promise<string> {
    return (await this.calendar()).addWorkingDays(parseIsoDate(start), days);
  }

  async countWorkingDays(start: string, end: string): Promise<number> {
    return (await this.calendar()).countWorkingDays(parseIsoDate(start), parseIsoDate(end));
  }
}
