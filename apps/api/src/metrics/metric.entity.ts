import type { Comparator, MetricKind, MetricPeriod, MetricUnit } from '@taizhang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A quantitative target of a task, as a metric with a threshold. */
@Entity('metrics')
export class MetricEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'plan_id', type: 'integer' }) planId!: number;
  @Column({ name: 'task_id', type: 'integer' }) taskId!: number;
  @Column({ type: 'varchar' }) code!: string;
  @Column({ type: 'varchar' }) name!: string;
  @Column({ name: 'name_en', type: 'varchar' }) nameEn!: string;
  @Column({ type: 'varchar' }) kind!: MetricKind;
  @Column({ type: 'varchar' }) comparator!: Comparator;
  @Column({ type: 'double precision', nullable: true }) target!: number | null;
  @Column({ type: 'varchar' }) unit!: MetricUnit;
  @Column({ type: 'varchar' }) period!: MetricPeriod;
  @Column({ type: 'varchar', nullable: true }) deadline!: string | null;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
