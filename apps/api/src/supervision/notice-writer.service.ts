import { Injectable } from '@nestjs/common';
import type { NoticeLevel } from '@taizhang/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import type { MetricEntity } from '../metrics/metric.entity';
import { DeliveryService } from './delivery.service';
import { NoticesRepository } from './notices.repository';
import type { NoticeEntity } from './supervision.entities';
import { noticeExpectation, noticeIssuedDetail, noticeToDepartment, noticeToLeaders } from './supervision.messages';

/** What issuing a notice needs: by the loop (issuedBy null) or by a leader's hand. */
export interface IssueNoticeParams {
  metric: MetricEntity;
  departmentId: number;
  periodKey: string;
  level: NoticeLevel;
  reasonZh: string;
  reasonEn: string;
  replyDue: string;
  issuedBy: { id: number; username: string } | null;
}

/** A step in a notice's history; actor null: the system. */
export interface NoticeEventParams {
  noticeId: number;
  actor: string | null;
  action: string;
  detail: string | null;
}

/** Writes notices and their history with their messages, inside the caller's transaction: the loop's and people's. */
@Injectable()
export class NoticeWriter {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  /** Writes a new notice (or reopens a closed one for the same period) with its first event and its messages. */
  async issue(m: EntityManager, p: IssueNoticeParams): Promise<NoticeEntity | null> {
    const { metric, departmentId, periodKey, level, reasonZh, replyDue, issuedBy } = p;
    const existing = await this.notices.findByKey(m, { metricId: metric.id, departmentId, periodKey });
    if (existing && existing.state !== 'closed') return null;
    const expected = noticeExpectation(metric, replyDue);
    const fields = {
      level,
      state: 'issued' as const,
      reasonZh,
      reasonEn: p.reasonEn,
      expectedZh: expected.zh,
      expectedEn: expected.en,
      replyDue,
      issuedAt: this.clock.now().toISOString(),
      issuedBy: issuedBy?.id ?? null,
      replyMeasures: null,
      replyTargetDate: null,
      repliedAt: null,
      closedAt: null,
      closedReason: null,
    };
    let notice: NoticeEntity;
    if (existing) {
      await this.notices.update(m, existing.id, fields);
      notice = { ...existing, ...fields };
    } else {
      notice = await this.notices.create(m, {
        metricId: metric.id,
        departmentId,
        periodKey,
        escalations: 0,
        ...fields,
      });
    }
    await this.event(m, {
      noticeId: notice.id,
      actor: issuedBy?.username ?? null,
      action: existing ? 'reopened' : 'issued',
      detail: noticeIssuedDetail(level, reasonZh),
    });
    const about = { noticeId: notice.id, metric, periodKey, level };
    await this.delivery.toDepartment(
      m,
      departmentId,
      noticeToDepartment({ ...about, reasonZh, expectedZh: expected.zh, replyDue }),
    );
    await this.delivery.toLeaders(m, noticeToLeaders(about));
    return notice;
  }

  /** Adds a step to the notice's history (its plan's next supervision tick looks again). */
  async event(m: EntityManager, e: NoticeEventParams): Promise<void> {
    await this.notices.addEvent(m, { ...e, at: this.clock.now().toISOString() });
  }
}
