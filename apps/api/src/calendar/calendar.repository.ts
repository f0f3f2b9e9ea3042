import { Injectable } from '@nestjs/common';
import type { CalendarYear } from '@taizhang/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { CalendarDayEntity, CalendarYearEntity } from './calendar.entity';

/** A stored year with the time it was stored. */
export type StoredCalendarYear = CalendarYear & { updatedAt: string };

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadYears(): Promise<StoredCalendarYear[]> {
    const [years, days] = await Promise.all([
      this.dataSource.manager.find(CalendarYearEntity, { order: { year: 'ASC' } }),
      this.dataSource.manager.find(CalendarDayEntity, { order: { date: 'ASC' } }),
    ]);
    const byYear = new Map(
      years.map((y) => [
        y.year,
        {
          year: y.year,
          source: y.source,
          kind: y.kind,
          holidays: [] as string[],
          makeUpWorkdays: [] as string[],
          updatedAt: y.updatedAt,
        },
      ]),
    );
    for (const d of days) {
      const y = byYear.get(d.year);
      if (y) (d.kind === 'holiday' ? y.holidays : y.makeUpWorkdays).push(d.date);
    }
    return [...byYear.values()];
  }

  /** Changes whenever a year is added or replaced (by any instance): the cached calendar is then read again. */
  async version(m = this.dataSource.manager): Promise<string> {
    const [row] = await m.query('SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM calendar_years');
    return `${row.n}|${row.at}`;
  }

  async knownYears(): Promise<number[]> {
    return (await this.dataSource.manager.find(CalendarYearEntity, { select: { year: true } })).map((y) => y.year);
  }

  /** The years of the stored plans: their due dates and case lengths are counted in these years and the next. */
  async planYears(): Promise<number[]> {
    const rows: { year: number }[] = await this.dataSource.query('SELECT DISTINCT year FROM plans');
    return rows.map((r) => Number(r.year));
  }

  /**
   * Replaces years' calendars in one transaction, with whatever else must be written with them (the audit row):
   * every plan's reminders are re-timed and every evaluation is marked due again.
   */
  async saveYears(
    years: CalendarYear[],
    updatedAt: string,
    alsoWrite?: (m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Every plan first (the lock order of every transaction that marks a plan): reminders are timed in working days.
      await m.query('UPDATE plans SET supervision_version = supervision_version + 1');
      for (const year of years) {
        await m.delete(CalendarDayEntity, { year: year.year });
        await m.save(CalendarYearEntity, {
          year: year.year,
          source: year.source,
          kind: year.kind ?? 'official',
          updatedAt,
        });
        const rows = [
          ...year.holidays.map((date) => ({ date, year: year.year, kind: 'holiday' as const })),
          ...year.makeUpWorkdays.map((date) => ({ date, year: year.year, kind: 'workday' as const })),
        ];
        for (let i = 0; i < rows.length; i += 200) await m.insert(CalendarDayEntity, rows.slice(i, i + 200));
      }
      await alsoWrite?.(m);
      // Every due date and case length may move: the next cycle evaluates everything again.
      await EvaluationRepository.markAllStale(m);
    });
  }
}
