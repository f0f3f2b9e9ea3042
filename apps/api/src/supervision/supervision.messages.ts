import {
  formatTarget,
  NOTICE_LEVEL_WORDS,
  type NoticeAction,
  type NoticeLevel,
  type NoticeState,
} from '@taizhang/domain';
import type { MetricEntity } from '../metrics/metric.entity';
import { reminderSubject, type Message } from './delivery.service';

/**
 * Every text supervision sends to the bell, email and webhooks, Chinese first: reminders, notices and their steps,
 * and the admins' calendar warning. Services decide when; this file says what.
 */

type Named = Pick<MetricEntity, 'name' | 'nameEn'>;
type LeaderMessage = Pick<Message, 'titleZh' | 'titleEn' | 'link'>;

/** A department's reminder to report a metric's period, before the due date or after it. */
export function reminderMessage(r: {
  metric: Pick<MetricEntity, 'id' | 'code' | 'name' | 'nameEn'>;
  departmentName: string;
  periodKey: string;
  dueDate: string;
  /** The due date was counted on a provisional calendar year (before the State Council's notice is entered). */
  dueDateProvisional: boolean;
  stage: 'due-soon' | 'overdue';
}): Message {
  const { metric, periodKey: period, dueDate: due, stage } = r;
  const overdue = stage === 'overdue';
  // A provisional due date may still move when the notice comes out: the reminder says so, as the queue does.
  const zhNote = r.dueDateProvisional ? '（按暂定日历，以国务院通知为准）' : '';
  const enNote = r.dueDateProvisional ? ' (provisional calendar; the State Council notice decides)' : '';
  return {
    titleZh: overdue
      ? `逾期未报送：${metric.name} ${period}（截止 ${due}）${zhNote}`
      : `即将到期：${metric.name} ${period} 请于 ${due} 前报送${zhNote}`,
    titleEn: overdue
      ? `Overdue: ${metric.nameEn} ${period} (due ${due})${enNote}`
      : `Due soon: ${metric.nameEn} ${period}, due ${due}${enNote}`,
    bodyZh: `${r.departmentName}：指标「${metric.name}」${period} 的数据${overdue ? '已逾期' : '即将到期'}，截止日期 ${due}${zhNote}。`,
    link: `/?${new URLSearchParams({ ...(overdue ? { state: 'overdue' } : {}), q: metric.code })}`,
    data: {
      kind: 'reminder',
      stage,
      metric: metric.code,
      period,
      dueDate: due,
      ...(r.dueDateProvisional ? { dueDateProvisional: true } : {}),
    },
    subject: reminderSubject(metric.id, period),
  };
}

/** What a notice asks of the department. */
export function noticeExpectation(
  metric: Parameters<typeof formatTarget>[0] & Named,
  replyDue: string,
): { zh: string; en: string } {
  return {
    zh: `请于 ${replyDue} 前答复整改措施和完成时限，使「${metric.name}」达到目标 ${formatTarget(metric)}`,
    en: `Reply by ${replyDue} with rectification measures and a target date, so that "${metric.nameEn}" meets ${formatTarget(metric, 'en')}`,
  };
}

/** The event a notice's history shows when it is issued or reopened. */
export const noticeIssuedDetail = (level: NoticeLevel, reasonZh: string) =>
  `${NOTICE_LEVEL_WORDS[level].zh}：${reasonZh}`;

/** A new (or reopened) notice, to the department it is addressed to. */
export function noticeToDepartment(n: {
  noticeId: number;
  metric: Pick<MetricEntity, 'code' | 'name' | 'nameEn'>;
  periodKey: string;
  level: NoticeLevel;
  reasonZh: string;
  expectedZh: string;
  replyDue: string;
}): Message {
  const words = NOTICE_LEVEL_WORDS[n.level];
  return {
    titleZh: `${words.zh}：${n.metric.name} ${n.periodKey}`,
    titleEn: `${words.en}: ${n.metric.nameEn} ${n.periodKey}`,
    bodyZh: `${n.reasonZh}。${n.expectedZh}。`,
    link: `/notices/${n.noticeId}`,
    data: {
      kind: 'notice',
      notice: n.noticeId,
      level: n.level,
      metric: n.metric.code,
      period: n.periodKey,
      replyDue: n.replyDue,
    },
  };
}

/** A new (or reopened) notice, to the leaders. */
export function noticeToLeaders(n: { noticeId: number; metric: Named; periodKey: string; level: NoticeLevel }) {
  const words = NOTICE_LEVEL_WORDS[n.level];
  return {
    titleZh: `已下发${words.zh}单：${n.metric.name} ${n.periodKey}`,
    titleEn: `${words.en} notice issued: ${n.metric.nameEn} ${n.periodKey}`,
    link: `/notices/${n.noticeId}`,
  } satisfies LeaderMessage;
}

/** The event a notice's history shows when its reply came late and it went up a level. */
export const escalationDetail = (from: NoticeLevel, to: NoticeLevel, missedReplyDue: string) =>
  `${NOTICE_LEVEL_WORDS[from].zh} → ${NOTICE_LEVEL_WORDS[to].zh}（答复期限 ${missedReplyDue} 已过）`;

export function escalationToLeaders(n: { noticeId: number; metric: Named; level: NoticeLevel }): LeaderMessage {
  return {
    titleZh: `督办单逾期未答复，已升级为${NOTICE_LEVEL_WORDS[n.level].zh}：${n.metric.name}`,
    titleEn: `Notice reply overdue, escalated to ${NOTICE_LEVEL_WORDS[n.level].en}: ${n.metric.nameEn}`,
    link: `/notices/${n.noticeId}`,
  };
}

export function escalationToDepartment(n: {
  noticeId: number;
  metric: Named;
  level: NoticeLevel;
  missedReplyDue: string;
}): Message {
  return {
    titleZh: `督办单已升级为${NOTICE_LEVEL_WORDS[n.level].zh}：${n.metric.name}`,
    titleEn: `Notice escalated to ${NOTICE_LEVEL_WORDS[n.level].en}: ${n.metric.nameEn}`,
    bodyZh: `答复期限 ${n.missedReplyDue} 已过，请尽快答复整改措施。`,
    link: `/notices/${n.noticeId}`,
    data: { kind: 'notice-escalated', notice: n.noticeId, level: n.level },
  };
}

/** The event a reply leaves in the notice's history. */
export const replyDetail = (measures: string | undefined, targetDate: string | undefined) =>
  `${measures}（完成时限 ${targetDate}）`;

export const replyToLeaders = (noticeId: number, metric: Named): LeaderMessage => ({
  titleZh: `督办单已答复：${metric.name}`,
  titleEn: `Notice answered: ${metric.nameEn}`,
  link: `/notices/${noticeId}`,
});

export const sentBackToDepartment = (noticeId: number, metric: Named, comment: string): Message => ({
  titleZh: `督办答复被退回：${metric.name}`,
  titleEn: `Reply sent back: ${metric.nameEn}`,
  bodyZh: comment,
  link: `/notices/${noticeId}`,
  data: { kind: 'notice-sent-back', notice: noticeId },
});

/** From 1 November while next year has no official calendar, for the admins' bell. */
export const provisionalCalendarToAdmins = (year: number): LeaderMessage => ({
  titleZh: `${year} 年工作日历尚为暂定：国务院办公厅发布放假安排通知后，请在"工作日历"中粘贴通知`,
  titleEn: `The ${year} working-day calendar is still provisional: paste the State Council's holiday notice under "Calendar" once it is out`,
  link: `/admin/calendar?year=${year}`,
});

/** A person's step the notice's life cycle does not allow now (a CONFLICT's two sentences). */
export function stepRefused(
  state: NoticeState,
  action: Exclude<NoticeAction, 'close-green'>,
): { zh: string; en: string } {
  return {
    zh: `督办单当前状态为「${STATE_ZH[state]}」，不能${ACTION_ZH[action]}`,
    en: `The notice is ${state}; it cannot be ${ACTION_EN[action]} now`,
  };
}

const STATE_ZH: Record<NoticeState, string> = {
  issued: '已下发',
  acknowledged: '已签收',
  replied: '已答复',
  closed: '已办结',
};
const ACTION_ZH: Record<Exclude<NoticeAction, 'close-green'>, string> = {
  acknowledge: '签收',
  reply: '答复',
  accept: '认可',
  'send-back': '退回',
};
const ACTION_EN: Record<Exclude<NoticeAction, 'close-green'>, string> = {
  acknowledge: 'acknowledged',
  reply: 'answered',
  accept: 'accepted',
  'send-back': 'sent back',
};
