import type { NoticeLevel, NoticeState } from './supervision';

/** The most pressing level first: 挂牌督办, then 督办, then 提醒. */
export const NOTICE_LEVEL_RANK: Record<NoticeLevel, number> = { listed: 0, supervise: 1, remind: 2 };

/** What the order of a notice list reads. */
export interface NoticeOrderFields {
  state: NoticeState;
  replyOverdue: boolean;
  level: NoticeLevel;
  issuedAt: string;
}

/** Open notices first, then overdue replies, then the most escalated, then the oldest. */
export function compareNotices(a: NoticeOrderFields, b: NoticeOrderFields): number {
  return (
    Number(a.state === 'closed') - Number(b.state === 'closed') ||
    Number(b.replyOverdue) - Number(a.replyOverdue) ||
    NOTICE_LEVEL_RANK[a.level] - NOTICE_LEVEL_RANK[b.level] ||
    a.issuedAt.localeCompare(b.issuedAt)
  );
}
