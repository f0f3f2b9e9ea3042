import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts the times a check row was marked stale, so that an evaluation writes its conclusion only over the
 * row it read (compare-and-set): a figure written while a cycle evaluated its metric from older figures keeps its
 * stale mark, and is evaluated at the next cycle even if its writer died before evaluating it.
 * Plain ALTER TABLE on both databases: TypeORM's addColumn rebuilds a SQLite table.
 */
export class CheckMarks1765500000000 implements MigrationInterface {
  name = 'CheckMarks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evaluation_checks ADD COLUMN marks integer NOT NULL DEFAULT 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE evaluation_checks DROP COLUMN marks');
  }
}
