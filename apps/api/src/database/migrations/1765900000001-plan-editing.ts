import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

const TABLES = ['indicators', 'tasks', 'metrics'];

/**
 * The plan editor retires what carries history instead of deleting it: a retired indicator, task or metric keeps its
 * rows (and a metric its figures and evaluations) but leaves the plan's statuses, queues and reports from that day on.
 */
export class PlanEditing1765900000001 implements MigrationInterface {
  name = 'PlanEditing1765900000001';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.addColumn(table, new TableColumn({ name: 'retired_at', type: 'varchar', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.dropColumn(table, 'retired_at');
  }
}
