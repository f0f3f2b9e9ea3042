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

  async knownYears(): Promise<number[]> {
    return (await this.dataSource.manager.find(CalendarYearEntity, { select: { year: true } })).map((y) => y.year);
  }

  /** Replaces one year's calendar in one transaction. */
  async saveYear(year: CalendarYear, updatedAt: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
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
