import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** The metric engine: per-metric rules, figures of every kind, case records, the calendar, evaluations. */
export class MetricEngine1764400000000 implements MigrationInterface {
  name = 'MetricEngine1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('metrics', [
      new TableColumn({ name: 'frequency', type: 'varchar', default: "'monthly'" }),
      new TableColumn({ name: 'tolerance', type: 'double precision', isNullable: true }),
      new TableColumn({ name: 'due_working_days', type: 'integer', default: 5 }),
      new TableColumn({ name: 'warn_working_days', type: 'integer', default: 5 }),
      new TableColumn({ name: 'consolidated', type: 'boolean', default: false }),
    ]);
    await q.query(
      `UPDATE metrics SET frequency = CASE WHEN kind = 'deadline' THEN 'annual' WHEN period = 'quarter' THEN 'quarterly' ELSE 'monthly' END`,
    );

    await q.addColumns('submissions', [
      new TableColumn({ name: 'figure_type', type: 'varchar', default: "'value'" }),
      new TableColumn({ name: 'numerator', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'denominator', type: 'integer', isNullable: true }),
    ]);
    await q.query(`UPDATE submissions SET figure_type = 'completion' WHERE completed_on IS NOT NULL`);

    await q.createTable(
      new Table({
        name: 'submission_cases',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'submission_id', type: 'integer' },
          { name: 'reference', type: 'varchar' },
          { name: 'start_date', type: 'varchar', isNullable: true },
          { name: 'completed_on', type: 'varchar', isNullable: true },
          { name: 'value', type: 'double precision', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['submission_id'],
            referencedTableName: 'submissions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ columnNames: ['submission_id'] }],
      }),
    );

    await q.createTable(
      new Table({
        name: 'calendar_years',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'source', type: 'varchar' },
          { name: 'updated_at', type: 'varchar' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'date', type: 'varchar', isPrimary: true },
          { name: 'year', type: 'integer' },
          { name: 'kind', type: 'varchar' },
        ],
        foreignKeys: [
          {
            columnNames: ['year'],
            referencedTableName: 'calendar_years',
            referencedColumnNames: ['year'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'evaluations',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'metric_id', type: 'integer' },
          // NULL: the metric's overall evaluation across its departments.
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'period_key', type: 'varchar' },
          { name: 'period_end', type: 'varchar' },
          { name: 'status', type: 'varchar' },
          { name: 'basis', type: 'varchar' },
          { name: 'value', type: 'double precision', isNullable: true },
          { name: 'target', type: 'double precision', isNullable: true },
          { name: 'reason_zh', type: 'text' },
          { name: 'reason_en', type: 'text' },
          { name: 'evaluated_at', type: 'varchar' },
          // Set when a newer evaluation of the same metric, department and period replaces this one; history stays.
          { name: 'superseded_at', type: 'varchar', isNullable: true },
        ],
        foreignKeys: [
          {
            columnNames: ['metric_id'],
            referencedTableName: 'metrics',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            columnNames: ['department_id'],
            referencedTableName: 'departments',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createIndex(
      'evaluations',
      new TableIndex({ name: 'idx_evaluations_current', columnNames: ['metric_id', 'superseded_at'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evaluations');
    await q.dropTable('calendar_days');
    await q.dropTable('calendar_years');
    await q.dropTable('submission_cases');
    for (const c of ['denominator', 'numerator', 'figure_type']) await q.dropColumn('submissions', c);
    for (const c of ['consolidated', 'warn_working_days', 'due_working_days', 'tolerance', 'frequency'])
      await q.dropColumn('metrics', c);
  }
}
