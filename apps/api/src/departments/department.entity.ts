import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar', unique: true }) code!: string;
  @Column({ type: 'varchar' }) name!: string;
  /** A group such as "其他部门、各街道按职责分别负责": named in the plan, but no one logs in as it. */
  @Column({ name: 'is_group', type: 'boolean', default: false }) isGroup!: boolean;
  /** Where reminders and notices are emailed; null for none. */
  @Column({ type: 'varchar', nullable: true }) email!: string | null;
  /** A government messaging platform's webhook, posted JSON for each reminder and notice. */
  @Column({ name: 'webhook_url', type: 'varchar', nullable: true }) webhookUrl!: string | null;
}
