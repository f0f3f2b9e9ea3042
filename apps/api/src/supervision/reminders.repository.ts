import { Injectable } from '@nestjs/common';
import type { ReminderStage } from '@taizhang/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ReminderEntity } from './supervision.entities';

export const reminderKey = (metricId: number, departmentId: number, periodKey: string, stage: string) =>
  `${metricId}:${departmentId}:${periodKey}:${stage}`;

/** The reminders sent: one per metric, department, period and stage (the unique key keeps it so). */
@Injectable()
export class RemindersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reminders already sent for these metrics, keyed by `reminderKey`. */
  async sentKeys(metricIds: number[]): Promise<Set<string>> {
    if (metricIds.length === 0) return new Set();
    const rows = await this.dataSource.manager.find(ReminderEntity, {
      select: { departmentId: true, metricId: true, periodKey: true, stage: true },
      where: { metricId: In(metricIds) },
    });
    return new Set(rows.map((r) => reminderKey(r.metricId, r.departmentId, r.periodKey, r.stage)));
  }

  async insert(
    m: EntityManager,
    reminder: {
      departmentId: number;
      metricId: number;
      periodKey: string;
      stage: ReminderStage;
      dueDate: string;
      createdAt: string;
    },
  ): Promise<void> {
    await m.insert(ReminderEntity, reminder);
  }
}
