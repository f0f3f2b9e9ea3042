import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** The supervision cycle reads each plan's reminders by metric; the unique key starts with the department. */
export class ReminderLookup1765100000000 implements MigrationInterface {
  name = 'ReminderLookup1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('reminders', new TableIndex({ name: 'ix_reminders_metric', columnNames: ['metric_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('reminders', 'ix_reminders_metric');
  }
}
