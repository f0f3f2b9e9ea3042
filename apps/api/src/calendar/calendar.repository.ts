import { Injectable } from '@nestjs/common';
import type { CalendarYear } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { CalendarDayEntity, CalendarYearEntity } from './calendar.entity';

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadYears(): Promise<CalendarYear[]> {
    const [years, days] = await Promise.all([
      this.dataSource.manager.find(CalendarYearEntity, { order: { year: 'ASC' } }),
      this.dataSource.manager.find(CalendarDayEntity),
    ]);
    return years.map((y) => ({
      year: y.year,
      source: y.source,
      holidays: days.filter((d) => d.year === y.year && d.kind === 'holiday').map((d) => d.date).sort(),
      makeUpWorkdays: days.filter((d) => d.year === y.year && d.kind === 'workday').map((d) => d.date).sort(),
    }));
  }

  /** Changes whenever a year is added or replaced (by any instance): the cached calendar is then read again. */
  async version(m = this.dataSource.manager): Promise<string> {
    const [row] = await m.query('SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM calendar_years');
    return `${row.n}|${row.at}`;
  }

  async knownYears(): Promise<number[]> {
    return (await this.dataSource.manager.find(CalendarYearEntity, { select: { year: true } })).map((y) => y.year);
  }

  /** Replaces one year's calendar in one transaction. */
  async saveYear(year: CalendarYear, updatedAt: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // Every plan first (the lock order of every transaction that marks a plan): reminders are timed in working days.
      await m.query('UPDATE plans SET supervision_version = supervision_version + 1');
      await m.delete(CalendarDayEntity, { year: year.year });
      await m.save(CalendarYearEntity, { year: year.year, source: year.source, updatedAt });
      const rows = [
        ...year.holidays.map((date) => ({ date, year: year.year, kind: 'holiday' as const })),
        ...year.makeUpWorkdays.map((date) => ({ date, year: year.year, kind: 'workday' as const })),
      ];
      for (let i = 0; i < rows.length; i += 200) await m.insert(CalendarDayEntity, rows.slice(i, i + 200));
      // Every due date and case length may move: the next cycle evaluates everything again.
      await EvaluationRepository.markAllStale(m);
    });
  }
}
