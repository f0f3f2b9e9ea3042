import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';

// Written with TypeORM's schema API so that the same migration runs on SQLite and PostgreSQL.
const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};
const fk = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
const ref = (column: string, table: string) => ({
  columnNames: [column],
  referencedTableName: table,
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'plans',
        columns: [
          id,
          { name: 'code', type: 'varchar', isUnique: true },
          { name: 'title', type: 'varchar' },
          { name: 'year', type: 'integer' },
          { name: 'district', type: 'varchar' },
          { name: 'source', type: 'varchar' },
          { name: 'demo', type: 'boolean', default: false },
          { name: 'created_at', type: 'varchar' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'departments',
        columns: [
          id,
          { name: 'code', type: 'varchar', isUnique: true },
          { name: 'name', type: 'varchar' },
          { name: 'is_group', type: 'boolean', default: false },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'indicators',
        columns: [
          id,
          fk('plan_id'),
          fk('parent_id', true),
          { name: 'level', type: 'integer' },
          { name: 'number', type: 'integer' },
          { name: 'title', type: 'varchar' },
        ],
        foreignKeys: [ref('plan_id', 'plans'), ref('parent_id', 'indicators')],
        uniques: [{ columnNames: ['plan_id', 'level', 'number'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'indicator_departments',
        columns: [
          { name: 'indicator_id', type: 'integer', isPrimary: true },
          { name: 'department_id', type: 'integer', isPrimary: true },
          { name: 'role', type: 'varchar', isPrimary: true },
        ],
        foreignKeys: [ref('indicator_id', 'indicators'), ref('department_id', 'departments')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tasks',
        columns: [
          id,
          fk('plan_id'),
          fk('indicator_id'),
          { name: 'number', type: 'integer' },
          { name: 'text', type: 'text' },
          { name: 'raw_text', type: 'text' },
        ],
        foreignKeys: [ref('plan_id', 'plans'), ref('indicator_id', 'indicators')],
        uniques: [{ columnNames: ['plan_id', 'number'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'metrics',
        columns: [
          id,
          fk('plan_id'),
          fk('task_id'),
          { name: 'code', type: 'varchar' },
          { name: 'name', type: 'varchar' },
          { name: 'name_en', type: 'varchar' },
          { name: 'kind', type: 'varchar' },
          { name: 'comparator', type: 'varchar' },
          { name: 'target', type: 'double precision', isNullable: true },
          { name: 'unit', type: 'varchar' },
          { name: 'period', type: 'varchar' },
          { name: 'deadline', type: 'varchar', isNullable: true },
          { name: 'source', type: 'text' },
          { name: 'note', type: 'text', isNullable: true },
        ],
        foreignKeys: [ref('plan_id', 'plans'), ref('task_id', 'tasks')],
        uniques: [{ columnNames: ['plan_id', 'code'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'submissions',
        columns: [
          id,
          fk('metric_id'),
          fk('department_id'),
          { name: 'period_key', type: 'varchar' },
          { name: 'period_end', type: 'varchar' },
          { name: 'revision', type: 'integer' },
          { name: 'value', type: 'double precision', isNullable: true },
          { name: 'completed_on', type: 'varchar', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'origin', type: 'varchar' },
          { name: 'created_at', type: 'varchar' },
        ],
        foreignKeys: [ref('metric_id', 'metrics'), ref('department_id', 'departments')],
        // A revision number is taken once per metric, department and period: two writers cannot both make revision 2.
        uniques: [{ columnNames: ['metric_id', 'department_id', 'period_key', 'revision'] }],
        indices: [{ columnNames: ['metric_id', 'department_id', 'period_end'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'submissions',
      'metrics',
      'tasks',
      'indicator_departments',
      'indicators',
      'departments',
      'plans',
    ]) {
      await q.dropTable(table);
    }
  }
}
