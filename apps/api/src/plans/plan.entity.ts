import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', unique: true }) code!: string;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar' }) district!: string;
  /** The ledger document the plan was read from. */
  @Column({ type: 'varchar' }) source!: string;
  /** Its submissions are generated demo data. */
  @Column({ type: 'boolean', default: false }) demo!: boolean;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  /** Working days before a due date that the "due soon" reminder goes out. */
  @Column({ name: 'remind_before_working_days', type: 'integer', default: 3 }) remindBeforeWorkingDays!: number;
  /** Working days after a due date before the overdue reminder; 0 sends it the day after. */
  @Column({ name: 'remind_overdue_after_working_days', type: 'integer', default: 0 })
  remindOverdueAfterWorkingDays!: number;
  /** Counts changes supervision reads (see database/with-plan-lock.ts); with the two below, lets a tick skip an unchanged plan. */
  @Column({ name: 'supervision_version', type: 'integer', default: 0 }) supervisionVersion!: number;
  @Column({ name: 'supervised_version', type: 'integer', nullable: true }) supervisedVersion!: number | null;
  @Column({ name: 'supervised_on', type: 'varchar', nullable: true }) supervisedOn!: string | null;
  /** The first day on which time alone could change what supervision does in this plan; null: never. */
  @Column({ name: 'supervision_recheck_on', type: 'varchar', nullable: true }) supervisionRecheckOn!: string | null;
}
