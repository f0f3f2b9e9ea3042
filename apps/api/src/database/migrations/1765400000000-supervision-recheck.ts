import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Lets a supervision tick skip a plan on a new day as well: supervision_recheck_on is the first day on which time
 * alone could change what supervision does there (a reminder stage, a period ending, a reply falling late).
 * Every plan is supervised once after the upgrade, which writes its first such day.
 */
export class SupervisionRecheck1765400000000 implements MigrationInterface {
  name = 'SupervisionRecheck1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('plans', new TableColumn({ name: 'supervision_recheck_on', type: 'varchar', isNullable: true }));
    await q.query('UPDATE plans SET supervised_on = NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('plans', 'supervision_recheck_on');
  }
}
