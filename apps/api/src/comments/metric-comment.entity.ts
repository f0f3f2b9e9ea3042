import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A leader's or a reporting department's comment on one period of a metric; never edited or deleted. */
@Entity('metric_comments')
export class MetricCommentEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  /** The commenter's department; null for a leader. */
  @Column({ name: 'department_id', type: 'integer', nullable: true }) departmentId!: number | null;
  @Column({ name: 'user_id', type: 'integer' }) userId!: number;
  /** As it was when the comment was made, so the comment keeps its author's name. */
  @Column({ type: 'varchar' }) username!: string;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
