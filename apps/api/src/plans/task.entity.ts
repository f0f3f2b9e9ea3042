import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A task (主要任务) of a plan, under a second-level indicator. */
@Entity('tasks')
export class TaskEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'plan_id', type: 'integer' }) planId!: number;
  @Column({ name: 'indicator_id', type: 'integer' }) indicatorId!: number;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'raw_text', type: 'text' }) rawText!: string;
  /** When the plan editor retired it (ISO time); null while it is live. */
  @Column({ name: 'retired_at', type: 'varchar', nullable: true }) retiredAt!: string | null;
}
