import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A first-level (一级指标, level 1) or second-level (二级指标, level 2) indicator of a plan. */
@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'plan_id', type: 'integer' }) planId!: number;
  @Column({ name: 'parent_id', type: 'integer', nullable: true }) parentId!: number | null;
  @Column({ type: 'integer' }) level!: 1 | 2;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'varchar' }) title!: string;
  /** When the plan editor retired it (ISO time); null while it is live. */
  @Column({ name: 'retired_at', type: 'varchar', nullable: true }) retiredAt!: string | null;
}

/** A department (or department group) that leads or is responsible for a second-level indicator. */
@Entity('indicator_departments')
export class IndicatorDepartmentEntity {
  @Column({ name: 'indicator_id', type: 'integer', primary: true }) indicatorId!: number;
  @Column({ name: 'department_id', type: 'integer', primary: true }) departmentId!: number;
  @Column({ type: 'varchar', primary: true }) role!: 'lead' | 'responsible';
}
