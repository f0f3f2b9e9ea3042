import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Lets a supervision tick skip a plan in which nothing it reads has changed since its last run that day:
 * supervision_version counts changes (evaluations, submissions, notices, reminder settings), and the plan
 * remembers the version and the day it was last supervised.
 */
export class SupervisionMarks1765200000000 implements MigrationInterface {
  name = 'SupervisionMarks1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('plans', [
      new TableColumn({ name: 'supervision_version', type: 'integer', default: 0 }),
      new TableColumn({ name: 'supervised_version', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'supervised_on', type: 'varchar', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['supervised_on', 'supervised_version', 'supervision_version']) await q.dropColumn('plans', c);
  }
}
