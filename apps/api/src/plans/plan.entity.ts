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
}
