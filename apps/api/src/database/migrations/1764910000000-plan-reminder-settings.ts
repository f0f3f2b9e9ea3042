import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Each plan's own reminder lead times, in working days: "due soon" before a due date (default 3) and the grace
 * after it before the overdue reminder (default 0, the day after). Existing plans get the defaults.
 */
export class PlanReminderSettings1764910000000 implements MigrationInterface {
  name = 'PlanReminderSettings1764910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('plans', [
      new TableColumn({ name: 'remind_before_working_days', type: 'integer', default: 3 }),
      new TableColumn({ name: 'remind_overdue_after_working_days', type: 'integer', default: 0 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('plans', 'remind_overdue_after_working_days');
    await q.dropColumn('plans', 'remind_before_working_days');
  }
}
