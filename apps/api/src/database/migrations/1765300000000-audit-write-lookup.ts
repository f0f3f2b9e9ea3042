import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/**
 * The dashboard cache asks for the newest audited write on every request (MAX(id) WHERE kind = 'write'):
 * with (kind, id) indexed that is one index seek, however many refusals and sign-ins the trail holds.
 */
export class AuditWriteLookup1765300000000 implements MigrationInterface {
  name = 'AuditWriteLookup1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_log', new TableIndex({ name: 'ix_audit_log_kind_id', columnNames: ['kind', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_log', 'ix_audit_log_kind_id');
  }
}
