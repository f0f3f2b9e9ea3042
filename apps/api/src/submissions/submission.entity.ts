import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One revision of a department's figures for a metric and period. Rows are never updated:
 * a correction is a new row with the next revision number, so every revision is kept.
 */
@Entity('submissions')
export class SubmissionEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ name: 'department_id', type: 'integer' }) departmentId!: number;
  /** "2020-03", "2020-Q1" or "2020". */
  @Column({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  @Column({ name: 'period_end', type: 'varchar' }) periodEnd!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ name: 'completed_on', type: 'varchar', nullable: true }) completedOn!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** "demo" for generated history, "department" for figures a department entered. */
  @Column({ type: 'varchar' }) origin!: 'demo' | 'department';
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
