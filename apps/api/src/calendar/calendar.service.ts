import { Injectable, Logger } from '@nestjs/common';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarYearsFromChineseDays,
  completeCalendarYears,
  parseIsoDate,
  provisionalCalendarYear,
  readHolidayNotice,
  WorkingDayCalendar,
  type CalendarYear,
} from '@taizhang/domain';
import type {
  CalendarDayRequest,
  CalendarStatusResponse,
  CalendarYearResponse,
  NoticePreviewResponse,
  WorkingDaysAddResponse,
  WorkingDaysCountResponse,
} from '@taizhang/contracts';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { Clock } from '../clock/clock';
import type { EntityManager } from 'typeorm';
import { CalendarRepository, type StoredCalendarYear } from './calendar.repository';
import { lunarFestivals } from './lunar-festivals';

/** The years loaded from the chinese-days package on first start; later years come from a pasted notice, or are computed. */
export const BUNDLED_YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];

/** From this day of the year on, a provisional next year is worth a warning: the notice is usually out by now. */
const WARN_FROM = '11-01';

/**
 * China's working-day calendar: the stored years (a notice, the package, an admin's edits) and, for every other
 * year of 2000–2101, one computed from the holiday law, so that no due date or case length is ever missing for
 * want of a calendar. The domain does the arithmetic and says when an answer rests on a computed year.
 */
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
    const years = calendarYearsFromChineseDays(data, missing).map((y) => ({ ...y, kind: 'package' as const }));
    await this.repository.saveYears(years, this.clock.now().toISOString());
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
    if (this.cached?.version !== version)
      this.cached = {
        calendar: new WorkingDayCalendar(completeCalendarYears(await this.repository.loadYears(), lunarFestivals)),
        version,
      };
    return this.cached;
  }

  /** The stored calendar's version, read inside a caller's transaction. */
  versionIn(m: EntityManager): Promise<string> {
    return this.repository.version(m);
  }

  /** The stored years (official, package, or provisional years an admin edited). */
  async years(): Promise<CalendarYear[]> {
    return (await this.repository.loadYears()).map((y) => ({
      year: y.year,
      holidays: y.holidays,
      makeUpWorkdays: y.makeUpWorkdays,
      source: y.source,
      kind: y.kind,
    }));
  }

  /** Any year of 2000–2101: stored, or computed from the holiday law. */
  async year(year: number): Promise<CalendarYearResponse> {
    assertCalendarYear(year);
    const stored = (await this.repository.loadYears()).find((y) => y.year === year);
    const y = stored ?? provisionalCalendarYear(year, lunarFestivals(year));
    return {
      year,
      source: y.kind ?? 'official',
      note: y.source,
      holidays: y.holidays,
      workingDays: y.makeUpWorkdays,
      updatedAt: stored?.updatedAt ?? null,
    };
  }

  /** Adds or replaces a year (for example from next year's State Council notice) without a code change. */
  async putYear(actor: CurrentUser, year: CalendarYear): Promise<CalendarYear> {
    assertCalendarYear(year.year);
    const dates = [...year.holidays, ...year.makeUpWorkdays];
    for (const d of dates) parseIsoDate(d);
    const stray = dates.find((d) => Number(d.slice(0, 4)) !== year.year);
    if (stray)
      throw new AppError(
        'INVALID_INPUT',
        `日期 ${stray} 不属于 ${year.year} 年`,
        `Date ${stray} is not in ${year.year}`,
      );
    const both = year.holidays.find((d) => year.makeUpWorkdays.includes(d));
    if (both)
      throw new AppError(
        'INVALID_INPUT',
        `${both} 不能既是节假日又是调休上班日`,
        `${both} cannot be both a holiday and a make-up working day`,
      );
    const stored: CalendarYear = { ...year, kind: 'official' };
    const before = await this.stored(year.year);
    await this.repository.saveYears([stored], this.clock.now().toISOString(), (m) =>
      this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'put calendar year',
          entity: 'calendar_year',
          entityId: year.year,
          before,
          after: stored,
        },
        m,
      ),
    );
    this.cached = null;
    return stored;
  }

  /** What a pasted notice says, with the year's calendar as it is now; writes nothing. */
  async previewNotice(text: string): Promise<NoticePreviewResponse> {
    const reading = readHolidayNotice(text);
    const inRange = reading.year !== null && reading.year >= CALENDAR_FIRST_YEAR && reading.year <= CALENDAR_LAST_YEAR;
    return { ...reading, current: inRange ? (await this.year(reading.year!)).source : null };
  }

  /**
   * Stores the notice's year as official. Days it arranges in a neighbouring year (the 元旦 break of 2019 began
   * on 2018-12-30) are set in that year too, which keeps its own source. Refused while any sentence is unread:
   * the admin corrects the text, or sets the day by hand afterwards with a reason.
   */
  async confirmNotice(actor: CurrentUser, text: string): Promise<CalendarYearResponse> {
    const reading = readHolidayNotice(text);
    if (reading.year === null)
      throw new AppError(
        'INVALID_INPUT',
        '通知中找不到年份（应有"关于XXXX年部分节假日安排的通知"）',
        'The notice names no year (its title reads "关于XXXX年部分节假日安排的通知")',
      );
    assertCalendarYear(reading.year);
    if (reading.unread.length > 0) {
      throw new AppError(
        'INVALID_INPUT',
        `有 ${reading.unread.length} 句未能读出，请核对原文后再确认：${reading.unread.join('；')}`,
        `${reading.unread.length} sentence(s) could not be read; check the text before confirming: ${reading.unread.join('; ')}`,
      );
    }
    if (reading.holidays.length === 0)
      throw new AppError('INVALID_INPUT', '通知中没有读出任何放假日期', 'No day off could be read from the notice');
    const title =
      /国务院办公厅关于\d{4}年[^\n]{0,20}?通知/.exec(text)?.[0] ??
      `国务院办公厅关于${reading.year}年部分节假日安排的通知`;
    const official: CalendarYear = {
      year: reading.year,
      kind: 'official',
      source: title,
      holidays: reading.holidays,
      makeUpWorkdays: reading.workingDays,
    };
    const neighbours = await this.withNeighbourDays(reading.otherYears);
    const before = await this.stored(reading.year);
    await this.repository.saveYears([official, ...neighbours], this.clock.now().toISOString(), async (m) => {
      await this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'confirm holiday notice',
          entity: 'calendar_year',
          entityId: reading.year!,
          before,
          after: official,
        },
        m,
      );
      for (const n of neighbours)
        await this.audit.record(
          actor,
          { kind: 'write', action: 'confirm holiday notice', entity: 'calendar_year', entityId: n.year, after: n },
          m,
        );
    });
    this.cached = null;
    return this.year(reading.year);
  }

  /** Sets one day by hand (a local arrangement, a correction), with the reason; the year keeps its source. */
  async setDay(actor: CurrentUser, date: string, request: CalendarDayRequest): Promise<CalendarYearResponse> {
    parseIsoDate(date);
    const yearNumber = Number(date.slice(0, 4));
    assertCalendarYear(yearNumber);
    const view = await this.year(yearNumber);
    const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
    if (request.kind === 'workday' && !weekend)
      throw new AppError(
        'INVALID_INPUT',
        `${date} 不是周末，无需设为调休上班日`,
        `${date} is not a weekend day: it is a working day already`,
      );
    const holidays = view.holidays.filter((d) => d !== date);
    const workdays = view.workingDays.filter((d) => d !== date);
    if (request.kind === 'holiday') holidays.push(date);
    if (request.kind === 'workday') workdays.push(date);
    const changed: CalendarYear = {
      year: yearNumber,
      kind: view.source,
      holidays: holidays.sort(),
      makeUpWorkdays: workdays.sort(),
      source: view.note.includes('手工调整') ? view.note : `${view.note}（含手工调整 / with manual changes）`,
    };
    const was = view.holidays.includes(date) ? 'holiday' : view.workingDays.includes(date) ? 'workday' : 'ordinary';
    await this.repository.saveYears([changed], this.clock.now().toISOString(), (m) =>
      this.audit.record(
        actor,
        {
          kind: 'write',
          action: 'set calendar day',
          entity: 'calendar_day',
          entityId: date,
          before: { kind: was },
          after: { kind: request.kind, reason: request.reason },
        },
        m,
      ),
    );
    this.cached = null;
    return this.year(yearNumber);
  }

  async addWorkingDays(start: string, days: number): Promise<WorkingDaysAddResponse> {
    const calendar = await this.calendar();
    const date = calendar.addWorkingDays(parseIsoDate(start), days);
    return { date, provisional: calendar.touchesProvisional(start, date) };
  }

  async countWorkingDays(start: string, end: string): Promise<WorkingDaysCountResponse> {
    const calendar = await this.calendar();
    const days = calendar.countWorkingDays(parseIsoDate(start), parseIsoDate(end));
    return { days, provisional: calendar.touchesProvisional(start, end) };
  }

  /**
   * Provisional years that plans rest on now: each plan's year and the next (December's figures fall due in
   * January), and this year and the next. From 1 November a provisional next year is worth a warning.
   */
  async status(): Promise<CalendarStatusResponse> {
    const today = this.clock.today();
    const thisYear = Number(today.slice(0, 4));
    const calendar = await this.calendar();
    const provisional = new Set(calendar.provisionalYears());
    const inUse = new Set([thisYear, thisYear + 1]);
    for (const y of await this.repository.planYears()) inUse.add(y).add(y + 1);
    const nextYearProvisional = provisional.has(thisYear + 1);
    return {
      today,
      nextYear: thisYear + 1,
      nextYearProvisional,
      warn: nextYearProvisional && today.slice(5) >= WARN_FROM,
      provisionalYearsInUse: [...inUse].filter((y) => provisional.has(y)).sort((a, b) => a - b),
    };
  }

  private async stored(year: number): Promise<StoredCalendarYear | null> {
    return (await this.repository.loadYears()).find((y) => y.year === year) ?? null;
  }

  /** The neighbouring years with the notice's days set in them, as they are stored or computed now. */
  private async withNeighbourDays(days: { date: string; kind: 'holiday' | 'workday' }[]): Promise<CalendarYear[]> {
    const years = new Map<number, CalendarYear>();
    for (const { date, kind } of days) {
      const yearNumber = Number(date.slice(0, 4));
      if (yearNumber < CALENDAR_FIRST_YEAR || yearNumber > CALENDAR_LAST_YEAR) continue;
      let y = years.get(yearNumber);
      if (!y) {
        const view = await this.year(yearNumber);
        y = {
          year: yearNumber,
          kind: view.source,
          source: view.note,
          holidays: [...view.holidays],
          makeUpWorkdays: [...view.workingDays],
        };
        years.set(yearNumber, y);
      }
      y.holidays = y.holidays.filter((d) => d !== date);
      y.makeUpWorkdays = y.makeUpWorkdays.filter((d) => d !== date);
      (kind === 'holiday' ? y.holidays : y.makeUpWorkdays).push(date);
      y.holidays.sort();
      y.makeUpWorkdays.sort();
    }
    return [...years.values()];
  }
}

function assertCalendarYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
    throw new AppError(
      'INVALID_INPUT',
      `年份应在 ${CALENDAR_FIRST_YEAR} 至 ${CALENDAR_LAST_YEAR} 之间`,
      `The year must be from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`,
    );
  }
}
