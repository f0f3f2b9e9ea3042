import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Several instances on one database: one row per scheduled job and tick (the instance that inserts it runs
 * the tick), and at most one current evaluation per metric, department and period, enforced by the database.
 */
export class JobRuns1764800000000 implements MigrationInterface {
  name = 'JobRuns1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'job_runs',
        columns: [
          { name: 'job', type: 'varchar', isPrimary: true },
          { name: 'tick', type: 'varchar', isPrimary: true },
          { name: 'instance', type: 'varchar' },
          { name: 'started_at', type: 'varchar' },
          { name: 'finished_at', type: 'varchar', isNullable: true },
        ],
      }),
    );
    // Partial expression index, the same SQL on SQLite and PostgreSQL; COALESCE because NULLs (the overall row) never clash.
    await q.query(
      'CREATE UNIQUE INDEX ux_evaluations_current ON evaluations (metric_id, COALESCE(department_id, 0), period_key) WHERE superseded_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ux_evaluations_current');
    await q.dropTable('job_runs');
  }
}
