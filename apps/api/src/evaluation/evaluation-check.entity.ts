import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The date a metric's period must be evaluated again by time alone (null: never); see the migration. */
@Entity('evaluation_checks')
export class EvaluationCheckEntity {
  @PrimaryColumn({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @PrimaryColumn({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  @Column({ name: 'check_on', type: 'varchar', nullable: true }) checkOn!: string | null;
  @Column({ name: 'evaluated_on', type: 'varchar' }) evaluatedOn!: string;
  /** How many times the row was marked stale: an evaluation overwrites the row only if this is what it read. */
  @Column({ type: 'integer', default: 0 }) marks!: number;
}
