import type { NoticeLevel, NoticeState } from '@taizhang/domain';

/** GET /api/notices and /api/notices/:id: a 督办 notice; `events` only on the single-notice answer. */
export interface NoticeResponse {
  id: number;
  metric: { id: number; code: string; name: string; nameEn: string };
  department: { id: number; name: string };
  period: string;
  level: NoticeLevel;
  state: NoticeState;
  reasonZh: string;
  reasonEn: string;
  expectedZh: string;
  expectedEn: string;
  replyDue: string;
  replyOverdue: boolean;
  issuedAt: string;
  issuedAutomatically: boolean;
  replyMeasures: string | null;
  replyTargetDate: string | null;
  escalations: number;
  closedAt: string | null;
  /** withdrawn: the department no longer reports the metric (an admin changed its reporting departments). */
  closedReason: 'accepted' | 'green' | 'withdrawn' | null;
  events?: Array<{ at: string; actor: string | null; action: string; detail: string | null }>;
  /** Files the department attached to its replies (GET /api/notices/:id only); download at /api/notices/:id/attachments/:attachmentId. */
  attachments?: NoticeAttachmentResponse[];
}

export interface NoticeAttachmentResponse {
  id: number;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
}

/** GET /api/notifications: the bell's unread count and the latest messages for the signed-in user. */
export interface NotificationsResponse {
  unread: number;
  items: Array<{ id: number; titleZh: string; titleEn: string; link: string | null; createdAt: string; read: boolean }>;
}

/** GET /api/deliveries/failed (admin): an email or webhook given up after every retry. */
export interface FailedDeliveryResponse {
  id: number;
  channel: 'email' | 'webhook';
  target: string;
  attempts: number;
  lastError: string | null;
  /** The JSON message that was to be sent. */
  payload: string;
  status: 'failed';
  /** When the message was queued, and when the last attempt was made (when it was given up). */
  createdAt: string;
  lastAttemptAt: string;
}
