import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One version of a month's report: the snapshot JSON and its SHA-256, never changed after it is written. */
@Entity('reports')
export class ReportEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'plan_id', type: 'integer' }) planId!: number;
  @Column({ type: 'varchar' }) month!: string;
  @Column({ type: 'integer' }) version!: number;
  /** "schedule" (the monthly cron) or "manual" (a leader or admin asked). */
  @Column({ type: 'varchar' }) trigger!: 'schedule' | 'manual';
  @Column({ name: 'generated_by', type: 'integer', nullable: true }) generatedBy!: number | null;
  @Column({ name: 'generated_at', type: 'varchar' }) generatedAt!: string;
  @Column({ type: 'text' }) snapshot!: string;
  @Column({ type: 'varchar' }) checksum!: string;
}
