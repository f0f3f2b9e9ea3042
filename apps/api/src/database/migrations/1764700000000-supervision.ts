import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/** The supervision loop (督办): reminders (once per stage), notices with their history, in-app notifications, deliveries. */
export class Supervision1764700000000 implements MigrationInterface {
  name = 'Supervision1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('departments', [
      new TableColumn({ name: 'email', type: 'varchar', isNullable: true }),
      new TableColumn({ name: 'webhook_url', type: 'varchar', isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'reminders',
        columns: [
          id,
          { name: 'department_id', type: 'integer' },
          { name: 'metric_id', type: 'integer' },
          { name: 'period_key', type: 'varchar' },
          { name: 'stage', type: 'varchar' },
          { name: 'due_date', type: 'varchar' },
          { name: 'created_at', type: 'varchar' },
        ],
        // One reminder per department, metric, period and stage — across restarts and instances, by the database's own rule.
        uniques: [{ columnNames: ['department_id', 'metric_id', 'period_key', 'stage'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notices',
        columns: [
          id,
          { name: 'metric_id', type: 'integer' },
          { name: 'department_id', type: 'integer' },
          { name: 'period_key', type: 'varchar' },
          { name: 'level', type: 'varchar' },
          { name: 'state', type: 'varchar' },
          { name: 'reason_zh', type: 'text' },
          { name: 'reason_en', type: 'text' },
          { name: 'expected_zh', type: 'text' },
          { name: 'expected_en', type: 'text' },
          { name: 'reply_due', type: 'varchar' },
          { name: 'issued_at', type: 'varchar' },
          { name: 'issued_by', type: 'integer', isNullable: true },
          { name: 'reply_measures', type: 'text', isNullable: true },
          { name: 'reply_target_date', type: 'varchar', isNullable: true },
          { name: 'replied_at', type: 'varchar', isNullable: true },
          { name: 'escalations', type: 'integer', default: 0 },
          { name: 'closed_at', type: 'varchar', isNullable: true },
          { name: 'closed_reason', type: 'varchar', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['metric_id'], referencedTableName: 'metrics', referencedColumnNames: ['id'] },
          { columnNames: ['department_id'], referencedTableName: 'departments', referencedColumnNames: ['id'] },
        ],
        // One notice per metric, department and period: a second instance issuing the same notice fails instead of doubling it.
        uniques: [{ columnNames: ['metric_id', 'department_id', 'period_key'] }],
        indices: [{ columnNames: ['department_id', 'state'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notice_events',
        columns: [
          id,
          { name: 'notice_id', type: 'integer' },
          { name: 'at', type: 'varchar' },
          { name: 'actor', type: 'varchar', isNullable: true },
          { name: 'action', type: 'varchar' },
          { name: 'detail', type: 'text', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] }],
        indices: [{ columnNames: ['notice_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id,
          // Who sees it: one department's users, or every leader.
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'audience', type: 'varchar' },
          { name: 'title_zh', type: 'text' },
          { name: 'title_en', type: 'text' },
          { name: 'link', type: 'varchar', isNullable: true },
          { name: 'created_at', type: 'varchar' },
          { name: 'read_at', type: 'varchar', isNullable: true },
        ],
        indices: [{ columnNames: ['department_id', 'read_at'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'deliveries',
        columns: [
          id,
          { name: 'channel', type: 'varchar' },
          { name: 'target', type: 'varchar' },
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'next_attempt_at', type: 'varchar' },
          { name: 'created_at', type: 'varchar' },
        ],
        indices: [{ columnNames: ['status', 'next_attempt_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['deliveries', 'notifications', 'notice_events', 'notices', 'reminders']) await q.dropTable(t);
    await q.dropColumn('departments', 'webhook_url');
    await q.dropColumn('departments', 'email');
  }
}
