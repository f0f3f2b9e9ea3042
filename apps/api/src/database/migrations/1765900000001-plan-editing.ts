import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['indicators', 'tasks', 'metrics'];

/**
 * The plan editor retires what carries history instead of deleting it: a retired indicator, task or metric keeps its
 * rows (and a metric its figures and evaluations) but leaves the plan's statuses, queues and reports from that day on.
 */
export class PlanEditing1765900000001 implements MigrationInterface {
  name = 'PlanEditing1765900000001';

  // Plain ALTER TABLE, not queryRunner.addColumn: on SQLite TypeORM rebuilds the table for that (copy, DROP, rename),
  // and dropping `metrics` fails its foreign keys in any database that already holds figures.
  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) await q.query(`ALTER TABLE ${table} ADD COLUMN retired_at varchar NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`ALTER TABLE ${table} DROP COLUMN retired_at`);
  }
}
