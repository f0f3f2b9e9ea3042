import type { SoftRule } from '@taizhang/domain';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The clerk's explanation (说明) of the soft rules a revision tripped, stored with that revision. */
@Entity('submission_explanations')
export class SubmissionExplanationEntity {
  @PrimaryColumn({ name: 'submission_id', type: 'integer' }) submissionId!: number;
  @Column({ type: 'text' }) text!: string;
}

/** One soft rule a revision tripped, in the words the clerk was shown. */
@Entity('submission_flags')
export class SubmissionFlagEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'submission_id', type: 'integer' }) submissionId!: number;
  @Column({ type: 'varchar' }) rule!: SoftRule;
  @Column({ name: 'message_zh', type: 'text' }) messageZh!: string;
  @Column({ name: 'message_en', type: 'text' }) messageEn!: string;
}

/** A leader accepted a flagged revision and its explanation: who, when, and an optional comment. */
@Entity('submission_flag_acceptances')
export class SubmissionFlagAcceptanceEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'submission_id', type: 'integer', unique: true }) submissionId!: number;
  @Column({ name: 'accepted_by', type: 'integer' }) acceptedBy!: number;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ type: 'varchar' }) at!: string;
}
