import type { EvaluationBasis, Status } from '@taizhang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A status of a metric for a department (or overall, departmentId null) and period, with its reason.
 * A change writes a new row and marks the old one superseded, so the history of status changes stays.
 */
@Entity('evaluations')
export class EvaluationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ name: 'department_id', type: 'integer', nullable: true }) departmentId!: number | null;
  @Column({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  @Column({ name: 'period_end', type: 'varchar' }) periodEnd!: string;
  @Column({ type: 'varchar' }) status!: Status;
  @Column({ type: 'varchar' }) basis!: EvaluationBasis;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ type: 'double precision', nullable: true }) target!: number | null;
  @Column({ name: 'reason_zh', type: 'text' }) reasonZh!: string;
  @Column({ name: 'reason_en', type: 'text' }) reasonEn!: string;
  @Column({ name: 'evaluated_at', type: 'varchar' }) evaluatedAt!: string;
  @Column({ name: 'superseded_at', type: 'varchar', nullable: true }) supersededAt!: string | null;
}
