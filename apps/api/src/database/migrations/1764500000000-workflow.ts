import { type MigrationInterface, type QueryRunner, Table, TableColumn } from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment' as const,
};

/** Accounts and sessions, the audit trail (append-only, enforced by triggers), revisions with reasons, returns, evidence. */
export class Workflow1764500000000 implements MigrationInterface {
  name = 'Workflow1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          id,
          { name: 'username', type: 'varchar', isUnique: true },
          { name: 'password_hash', type: 'varchar' },
          { name: 'role', type: 'varchar' },
          { name: 'department_id', type: 'integer', isNullable: true },
          { name: 'disabled', type: 'boolean', default: false },
          { name: 'created_at', type: 'varchar' },
        ],
        foreignKeys: [
          { columnNames: ['department_id'], referencedTableName: 'departments', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id,
          { name: 'token_hash', type: 'varchar', isUnique: true },
          { name: 'user_id', type: 'integer' },
          { name: 'csrf_token', type: 'varchar' },
          { name: 'created_at', type: 'varchar' },
          { name: 'expires_at', type: 'varchar' },
        ],
        foreignKeys: [
          {
            columnNames: ['user_id'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id,
          { name: 'at', type: 'varchar' },
          { name: 'user_id', type: 'integer', isNullable: true },
          { name: 'username', type: 'varchar', isNullable: true },
          { name: 'kind', type: 'varchar' },
          { name: 'action', type: 'varchar' },
          { name: 'entity', type: 'varchar', isNullable: true },
          { name: 'entity_id', type: 'varchar', isNullable: true },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'status_code', type: 'integer', isNullable: true },
        ],
        indices: [{ columnNames: ['at'] }],
      }),
    );
    // The trail is append-only by the database's own rule, not only by the code's good manners.
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(
        `CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$ LANGUAGE plpgsql`,
      );
      await q.query(
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      );
    } else {
      await q.query(
        `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
      await q.query(
        `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
    }

    await q.addColumns('submissions', [
      new TableColumn({ name: 'reason', type: 'text', isNullable: true }),
      new TableColumn({ name: 'submitted_by', type: 'integer', isNullable: true }),
    ]);
    await q.createTable(
      new Table({
        name: 'submission_returns',
        columns: [
          id,
          { name: 'submission_id', type: 'integer' },
          { name: 'returned_by', type: 'integer' },
          { name: 'comment', type: 'text' },
          { name: 'at', type: 'varchar' },
        ],
        foreignKeys: [
          { columnNames: ['submission_id'], referencedTableName: 'submissions', referencedColumnNames: ['id'] },
          { columnNames: ['returned_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['submission_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evidence_files',
        columns: [
          id,
          { name: 'submission_id', type: 'integer' },
          { name: 'filename', type: 'varchar' },
          { name: 'mime_type', type: 'varchar' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar' },
          { name: 'storage_path', type: 'varchar' },
          { name: 'uploaded_by', type: 'integer', isNullable: true },
          { name: 'created_at', type: 'varchar' },
        ],
        foreignKeys: [
          { columnNames: ['submission_id'], referencedTableName: 'submissions', referencedColumnNames: ['id'] },
        ],
        indices: [{ columnNames: ['submission_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evidence_files');
    await q.dropTable('submission_returns');
    await q.dropColumn('submissions', 'submitted_by');
    await q.dropColumn('submissions', 'reason');
    if (q.connection.driver.options.type === 'postgres') {
      await q.query('DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log');
      await q.query('DROP FUNCTION IF EXISTS audit_log_append_only()');
    }
    await q.dropTable('audit_log');
    await q.dropTable('sessions');
    await q.dropTable('users');
  }
}
