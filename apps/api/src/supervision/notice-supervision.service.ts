import { Injectable } from '@nestjs/common';
import {
  earliestDate,
  escalate,
  initialNoticeLevel,
  latestPeriodRecheckDate,
  latestPeriodRows,
  previousPeriodRow,
  replyDeadline,
  replyOverdue,
  replyRecheckDate,
} from '@taizhang/domain';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { groupBy } from '../common/group-by';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import type { Assignments } from '../metrics/metrics.repository';
import type { PlanEntity } from '../plans/plan.entity';
import { DeliveryService } from './delivery.service';
import { NoticeWriter } from './notice-writer.service';
import { noticeKey, NoticesRepository } from './notices.repository';
import { escalationDetail, escalationToDepartment, escalationToLeaders } from './supervision.messages';
import { SupervisionRepository } from './supervision.repository';

/** The loop's part in notices: issued when a metric turns red, closed when green again, escalated when a reply is late. */
@Injectable()
export class NoticeSupervisionService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly supervision: SupervisionRepository,
    private readonly writer: NoticeWriter,
    private readonly evaluations: EvaluationRepository,
    private readonly calendar: CalendarService,
    private readonly delivery: DeliveryService,
    private readonly clock: Clock,
  ) {}

  /** Issues, closes and escalates notices; `recheckOn`: the first later day on which time alone changes one of these. */
  async supervise(
    plan: PlanEntity,
    inputs: Assignments,
    today: string,
  ): Promise<{ issued: number; closed: number; escalated: number; recheckOn: string | null }> {
    const calendar = await this.calendar.calendar();
    const rows = (await this.evaluations.currentOfPlan(plan.id)).filter((e) => e.departmentId !== null);
    const byKey = new Map(rows.map((e) => [noticeKey(e.metricId, e.departmentId!, e.periodKey), e]));
    const latest = latestPeriodRows(rows, (e) => `${e.metricId}:${e.departmentId}`, today);
    const history = groupBy(rows, (r) => `${r.metricId}:${r.departmentId}`);
    const metrics = new Map(inputs.metrics.map((m) => [m.id, m]));
    // Which period is "latest" moves when a period begins or ends.
    const recheck: (string | null)[] = [latestPeriodRecheckDate(rows, today)];
    const out = { issued: 0, closed: 0, escalated: 0 };
    // A reply a leader accepted settles that period: the loop does not reopen it while the figures stay red.
    const accepted = await this.notices.acceptedKeys([...metrics.keys()]);

    for (const e of latest.values()) {
      if (e.status !== 'red' || accepted.has(noticeKey(e.metricId, e.departmentId!, e.periodKey))) continue;
      // Red in the period before as well makes it 挂牌督办.
      const previous = previousPeriodRow(history.get(`${e.metricId}:${e.departmentId}`) ?? [], e);
      const issued = await this.supervision.once((m) =>
        this.writer.issue(m, {
          metric: metrics.get(e.metricId)!,
          departmentId: e.departmentId!,
          periodKey: e.periodKey,
          level: initialNoticeLevel(e.basis, previous?.status === 'red'),
          reasonZh: e.reasonZh,
          reasonEn: e.reasonEn,
          replyDue: replyDeadline(today, calendar),
          issuedBy: null,
        }),
      );
      if (issued) out.issued += 1;
    }

    for (const notice of await this.notices.open([...metrics.keys()])) {
      const now = byKey.get(noticeKey(notice.metricId, notice.departmentId, notice.periodKey));
      // Only a period that turned green after the notice closes it: a leader may issue one by hand on a green period.
      if (now?.status === 'green' && now.evaluatedAt >= notice.issuedAt) {
        await this.supervision.transaction(async (m) => {
          await this.notices.update(m, notice.id, {
            state: 'closed',
            closedAt: this.clock.now().toISOString(),
            closedReason: 'green',
          });
          await this.writer.event(m, {
            noticeId: notice.id,
            actor: null,
            action: 'closed-green',
            detail: now.reasonZh,
          });
        });
        out.closed += 1;
      } else if (replyOverdue(notice.state, notice.replyDue, today)) {
        const level = escalate(notice.level);
        const about = { noticeId: notice.id, metric: metrics.get(notice.metricId)!, level };
        await this.supervision.transaction(async (m) => {
          await this.notices.update(m, notice.id, {
            level,
            escalations: notice.escalations + 1,
            replyDue: replyDeadline(today, calendar),
          });
          await this.writer.event(m, {
            noticeId: notice.id,
            actor: null,
            action: 'escalated',
            detail: escalationDetail(notice.level, level, notice.replyDue),
          });
          await this.delivery.toLeaders(m, escalationToLeaders(about));
          await this.delivery.toDepartment(
            m,
            notice.departmentId,
            escalationToDepartment({ ...about, missedReplyDue: notice.replyDue }),
          );
        });
        out.escalated += 1;
      } else {
        recheck.push(replyRecheckDate(notice.state, notice.replyDue, today));
      }
    }
    // A notice closed or escalated here marked the plan changed, so the next tick looks again anyway.
    return { ...out, recheckOn: earliestDate(recheck) };
  }
}
