import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A leader (or the metric's lead department) sent a submission back for correction, with a comment. */
@Entity('submission_returns')
export class SubmissionReturnEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'submission_id', type: 'integer' }) submissionId!: number;
  @Column({ name: 'returned_by', type: 'integer' }) returnedBy!: number;
  @Column({ type: 'text' }) comment!: string;
  @Column({ type: 'varchar' }) at!: string;
}
