import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * Soft rules (联网直报-style checks): the rules a revision tripped, the clerk's explanation (说明) stored with it, and a
 * leader's acceptance. Tables of their own beside `submissions`, whose rows are never updated: every revision keeps
 * its own flags and explanation, and an acceptance is a row of its own (one per revision), never an edit.
 */
export class SubmissionFlags1765900000000 implements MigrationInterface {
  name = 'SubmissionFlags1765900000000';

  async up(q: QueryRunner): Promise<void> {
    const submission = {
      columnNames: ['submission_id'],
      referencedTableName: 'submissions',
      referencedColumnNames: ['id'],
    };
    await q.createTable(
      new Table({
        name: 'submission_explanations',
        columns: [
          { name: 'submission_id', type: 'integer', isPrimary: true },
          { name: 'text', type: 'text' },
        ],
        foreignKeys: [submission],
      }),
    );
    await q.createTable(
      new Table({
        name: 'submission_flags',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'submission_id', type: 'integer' },
          { name: 'rule', type: 'varchar' },
          { name: 'message_zh', type: 'text' },
          { name: 'message_en', type: 'text' },
        ],
        foreignKeys: [submission],
        indices: [{ columnNames: ['submission_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'submission_flag_acceptances',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'submission_id', type: 'integer', isUnique: true },
          { name: 'accepted_by', type: 'integer' },
          { name: 'comment', type: 'text', isNullable: true },
          { name: 'at', type: 'varchar' },
        ],
        foreignKeys: [
          submission,
          { columnNames: ['accepted_by'], referencedTableName: 'users', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('submission_flag_acceptances');
    await q.dropTable('submission_flags');
    await q.dropTable('submission_explanations');
  }
}
