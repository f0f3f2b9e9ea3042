import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/** Monthly reports: frozen snapshots with a checksum; a month generated again is a new version. */
export class Reports1764600000000 implements MigrationInterface {
  name = 'Reports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reports',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'plan_id', type: 'integer' },
          { name: 'month', type: 'varchar' },
          { name: 'version', type: 'integer' },
          { name: 'trigger', type: 'varchar' },
          { name: 'generated_by', type: 'integer', isNullable: true },
          { name: 'generated_at', type: 'varchar' },
          { name: 'snapshot', type: 'text' },
          { name: 'checksum', type: 'varchar' },
        ],
        foreignKeys: [{ columnNames: ['plan_id'], referencedTableName: 'plans', referencedColumnNames: ['id'] }],
        uniques: [{ columnNames: ['plan_id', 'month', 'version'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('reports');
  }
}
