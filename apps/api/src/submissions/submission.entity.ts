import type { FigureType } from '@taizhang/domain';
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
  @Column({ name: 'figure_type', type: 'varchar' }) figureType!: FigureType;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ type: 'integer', nullable: true }) numerator!: number | null;
  @Column({ type: 'integer', nullable: true }) denominator!: number | null;
  @Column({ name: 'completed_on', type: 'varchar', nullable: true }) completedOn!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Why this revision corrects the previous one. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'submitted_by', type: 'integer', nullable: true }) submittedBy!: number | null;
  /** "demo" for generated history, "department" for figures a department entered. */
  @Column({ type: 'varchar' }) origin!: 'demo' | 'department';
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/** One case record of a per-case submission ("20个工作日内向社会公布": each decision published). */
@Entity('submission_cases')
export class SubmissionCaseEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'submission_id', type: 'integer' }) submissionId!: number;
  @Column({ type: 'varchar' }) reference!: string;
  @Column({ name: 'start_date', type: 'varchar', nullable: true }) startDate!: string | null;
  @Column({ name: 'completed_on', type: 'varchar', nullable: true }) completedOn!: string | null;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
}
