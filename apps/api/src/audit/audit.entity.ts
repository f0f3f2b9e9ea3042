import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write or one denied request: who, when (UTC), what, before and after. Append-only: the database
 * itself refuses UPDATE and DELETE on this table (triggers in the migration).
 */
@Entity('audit_log')
export class AuditEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) at!: string;
  @Column({ name: 'user_id', type: 'integer', nullable: true }) userId!: number | null;
  @Column({ type: 'varchar', nullable: true }) username!: string | null;
  /** "write", "denied" (a signed-in user refused, a failed sign-in, or one day's count of refused anonymous requests) or "login". */
  @Column({ type: 'varchar' }) kind!: string;
  @Column({ type: 'varchar' }) action!: string;
  @Column({ type: 'varchar', nullable: true }) entity!: string | null;
  @Column({ name: 'entity_id', type: 'varchar', nullable: true }) entityId!: string | null;
  @Column({ type: 'text', nullable: true }) before!: string | null;
  @Column({ type: 'text', nullable: true }) after!: string | null;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode!: number | null;
}
