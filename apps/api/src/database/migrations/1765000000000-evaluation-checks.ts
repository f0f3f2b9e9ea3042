import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * When each metric's period must be evaluated again although no figure changed (a due date or a deadline
 * passing, an open case running late): the scheduler evaluates only these instead of every period of every
 * plan. Empty at first, so the first cycle evaluates everything. A release that changes a rule empties it again.
 */
export class EvaluationChecks1765000000000 implements MigrationInterface {
  name = 'EvaluationChecks1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'evaluation_checks',
        columns: [
          { name: 'metric_id', type: 'integer', isPrimary: true },
          { name: 'period_key', type: 'varchar', isPrimary: true },
          // null: never by time alone, only when a figure, a rule or the calendar changes
          { name: 'check_on', type: 'varchar', isNullable: true },
          // the day the check was worked out: a clock set back before it makes the check void
          { name: 'evaluated_on', type: 'varchar' },
        ],
        foreignKeys: [
          {
            columnNames: ['metric_id'],
            referencedTableName: 'metrics',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await q.createIndex(
      'evaluation_checks',
      new TableIndex({ name: 'ix_evaluation_checks_check_on', columnNames: ['check_on'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evaluation_checks');
  }
}
