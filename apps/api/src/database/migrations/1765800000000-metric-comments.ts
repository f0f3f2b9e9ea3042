import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Comments on a metric's period by leaders and the departments that report it: who (user and, for a department,
 * which), when, what. Append-only like revisions: the application has no route that edits or deletes one.
 */
export class MetricComments1765800000000 implements MigrationInterface {
  name = 'MetricComments1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'metric_comments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'metric_id', type: 'integer' },
          { name: 'period_key', type: 'varchar' },
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'user_id', type: 'integer' },
          { name: 'username', type: 'varchar' },
          { name: 'text', type: 'text' },
          { name: 'created_at', type: 'varchar' },
        ],
        foreignKeys: [
          { columnNames: ['metric_id'], referencedTableName: 'metrics', referencedColumnNames: ['id'] },
          { columnNames: ['department_id'], referencedTableName: 'departments', referencedColumnNames: ['id'] },
          { columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['metric_id', 'period_key'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('metric_comments');
  }
}
