import type { Comparator, MetricKind, MetricPeriod, MetricUnit, ReportingFrequency } from '@taizhang/domain';
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
  @Column({ type: 'varchar' }) frequency!: ReportingFrequency;
  /** Amber band; null takes the default (5 points for percents, 10% of the target otherwise). */
  @Column({ type: 'double precision', nullable: true }) tolerance!: number | null;
  @Column({ name: 'due_working_days', type: 'integer' }) dueWorkingDays!: number;
  @Column({ name: 'warn_working_days', type: 'integer' }) warnWorkingDays!: number;
  /** The lead department reports one consolidated figure for all. */
  @Column({ type: 'boolean' }) consolidated!: boolean;
  /** When the plan editor retired it (ISO time): it leaves statuses, queues and reports; its history stays readable. */
  @Column({ name: 'retired_at', type: 'varchar', nullable: true }) retiredAt!: string | null;
}
