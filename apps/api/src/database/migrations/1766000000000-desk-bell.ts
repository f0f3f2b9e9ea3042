import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * The clerk's desk (#17). A bell message may name what it is about (`subject`, e.g. a reminder for one metric and
 * period) so that it can leave the bell once that is done (`cleared_at`), kept rather than deleted. A 督办 reply may
 * carry files, stored like evidence (by checksum) and listed here.
 */
export class DeskBell1766000000000 implements MigrationInterface {
  name = 'DeskBell1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('notifications', [
      new TableColumn({ name: 'subject', type: 'varchar', isNullable: true }),
      new TableColumn({ name: 'cleared_at', type: 'varchar', isNullable: true }),
    ]);
    await q.createIndex(
      'notifications',
      new TableIndex({ name: 'IDX_notifications_subject', columnNames: ['department_id', 'subject'] }),
    );
    await q.createTable(
      new Table({
        name: 'notice_attachments',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'notice_id', type: 'integer' },
          { name: 'filename', type: 'varchar' },
          { name: 'mime_type', type: 'varchar' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar' },
          { name: 'storage_path', type: 'varchar' },
          { name: 'uploaded_by', type: 'integer', isNullable: true },
          { name: 'created_at', type: 'varchar' },
        ],
        foreignKeys: [{ columnNames: ['notice_id'], referencedTableName: 'notices', referencedColumnNames: ['id'] }],
        indices: [{ columnNames: ['notice_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notice_attachments');
    await q.dropIndex('notifications', 'IDX_notifications_subject');
    await q.dropColumn('notifications', 'cleared_at');
    await q.dropColumn('notifications', 'subject');
  }
}
