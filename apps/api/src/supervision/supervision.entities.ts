import type { NoticeLevel, NoticeState, ReminderStage } from '@taizhang/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StoredFileColumns } from '../database/stored-file.columns';

/** A reminder that was sent: the unique key keeps it to once per department, metric, period and stage. */
@Entity('reminders')
export class ReminderEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'department_id', type: 'integer' }) departmentId!: number;
  @Column({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  @Column({ type: 'varchar' }) stage!: ReminderStage;
  @Column({ name: 'due_date', type: 'varchar' }) dueDate!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}

/** A supervision notice (督办单) to one department about one metric and period. */
@Entity('notices')
export class NoticeEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'metric_id', type: 'integer' }) metricId!: number;
  @Column({ name: 'department_id', type: 'integer' }) departmentId!: number;
  @Column({ name: 'period_key', type: 'varchar' }) periodKey!: string;
  @Column({ type: 'varchar' }) level!: NoticeLevel;
  @Column({ type: 'varchar' }) state!: NoticeState;
  @Column({ name: 'reason_zh', type: 'text' }) reasonZh!: string;
  @Column({ name: 'reason_en', type: 'text' }) reasonEn!: string;
  @Column({ name: 'expected_zh', type: 'text' }) expectedZh!: string;
  @Column({ name: 'expected_en', type: 'text' }) expectedEn!: string;
  @Column({ name: 'reply_due', type: 'varchar' }) replyDue!: string;
  @Column({ name: 'issued_at', type: 'varchar' }) issuedAt!: string;
  /** null when the system issued it because the metric turned red. */
  @Column({ name: 'issued_by', type: 'integer', nullable: true }) issuedBy!: number | null;
  @Column({ name: 'reply_measures', type: 'text', nullable: true }) replyMeasures!: string | null;
  @Column({ name: 'reply_target_date', type: 'varchar', nullable: true }) replyTargetDate!: string | null;
  @Column({ name: 'replied_at', type: 'varchar', nullable: true }) repliedAt!: string | null;
  @Column({ type: 'integer' }) escalations!: number;
  @Column({ name: 'closed_at', type: 'varchar', nullable: true }) closedAt!: string | null;
  @Column({ name: 'closed_reason', type: 'varchar', nullable: true }) closedReason!:
    'accepted' | 'green' | 'withdrawn' | null;
}

/** One step in a notice's history: issued, acknowledged, replied, sent back, escalated, closed. */
@Entity('notice_events')
export class NoticeEventEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'notice_id', type: 'integer' }) noticeId!: number;
  @Column({ type: 'varchar' }) at!: string;
  @Column({ type: 'varchar', nullable: true }) actor!: string | null;
  @Column({ type: 'varchar' }) action!: string;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
}

/** The bell in the web app: for one department's users, or for every leader. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ name: 'department_id', type: 'integer', nullable: true }) departmentId!: number | null;
  @Column({ type: 'varchar' }) audience!: 'department' | 'leaders' | 'admins';
  @Column({ name: 'title_zh', type: 'text' }) titleZh!: string;
  @Column({ name: 'title_en', type: 'text' }) titleEn!: string;
  @Column({ type: 'varchar', nullable: true }) link!: string | null;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
  @Column({ name: 'read_at', type: 'varchar', nullable: true }) readAt!: string | null;
  /** What the message is about, when it can become stale: `reminder:<metricId>:<periodKey>`. */
  @Column({ type: 'varchar', nullable: true }) subject!: string | null;
  /** Set when what the message asked for was done (the figure came in): it leaves the bell. */
  @Column({ name: 'cleared_at', type: 'varchar', nullable: true }) clearedAt!: string | null;
}

/** A file a department attached to its reply to a notice; stored on disk under its checksum, like evidence. */
@Entity('notice_attachments')
export class NoticeAttachmentEntity extends StoredFileColumns {
  @Column({ name: 'notice_id', type: 'integer' }) noticeId!: number;
}

/** An email or webhook waiting to go out, retried with back-off; failures stay visible to admins. */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryGeneratedColumn() id!: number;
  @Column({ type: 'varchar' }) channel!: 'email' | 'webhook';
  @Column({ type: 'varchar' }) target!: string;
  @Column({ type: 'text' }) payload!: string;
  @Column({ type: 'varchar' }) status!: 'pending' | 'sent' | 'failed';
  @Column({ type: 'integer' }) attempts!: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @Column({ name: 'next_attempt_at', type: 'varchar' }) nextAttemptAt!: string;
  @Column({ name: 'created_at', type: 'varchar' }) createdAt!: string;
}
