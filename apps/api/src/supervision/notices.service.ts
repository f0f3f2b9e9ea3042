import { Injectable } from '@nestjs/common';
import type { NoticeAttachmentResponse, NoticeResponse } from '@taizhang/contracts';
import type { NoticeAction, NoticeLevel } from '@taizhang/domain';
import { compareNotices, nextNoticeState, replyDeadline, replyOverdue } from '@taizhang/domain';
import { AuditService } from '../audit/audit.service';
import type { CurrentUser } from '../auth/current-user';
import { assertOwnDepartment, departmentFilter } from '../auth/department-scope';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../clock/clock';
import { AppError } from '../common/app-error';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { MetricsRepository } from '../metrics/metrics.repository';
import { toRuledMetric } from '../metrics/ruled-metric';
import { EvidenceStorage, type StoredFile } from '../submissions/evidence-storage';
import { evidenceFilename, multipartFilename } from '../submissions/evidence-name';
import { periodOfPlan } from '../plans/plan-period';
import { DeliveryService } from './delivery.service';
import { NoticeWriter } from './notice-writer.service';
import { NoticesRepository, type NoticeFilter } from './notices.repository';
import type { NoticeAttachmentEntity, NoticeEntity } from './supervision.entities';
import { replyDetail, replyToLeaders, sentBackToDepartment, stepRefused } from './supervision.messages';

export type { NoticeResponse };

/** What departments and leaders do with notices; each step is checked against the notice's life cycle. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly writer: NoticeWriter,
    private readonly delivery: DeliveryService,
    private readonly evaluations: EvaluationRepository,
    private readonly assignments: MetricsRepository,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly storage: EvidenceStorage,
  ) {}

  /** Open notices first, the most escalated and the most overdue replies at the top; a department sees only its own. */
  async list(user: CurrentUser, filter: { state?: string; metricId?: number }): Promise<NoticeResponse[]> {
    const where: NoticeFilter = {};
    const own = departmentFilter(user, undefined);
    if (own !== undefined) where.departmentId = own;
    if (filter.metricId) where.metricId = filter.metricId;
    const rows = await this.notices.list(where);
    const filtered = rows.filter(
      (n) => !filter.state || (filter.state === 'open' ? n.state !== 'closed' : n.state === filter.state),
    );
    return (await this.toResponses(filtered)).sort(compareNotices);
  }

  async get(user: CurrentUser, id: number): Promise<NoticeResponse> {
    const notice = await this.find(user, id);
    const [response] = await this.toResponses([notice]);
    const [events, attachments] = await Promise.all([this.notices.events(id), this.attachments(id)]);
    return {
      ...response,
      events: events.map((e) => ({ at: e.at, actor: e.actor, action: e.action, detail: e.detail })),
      attachments,
    };
  }

  /** A file attached to a reply, for those who may see the notice. */
  async attachment(
    user: CurrentUser,
    noticeId: number,
    attachmentId: number,
  ): Promise<{ file: NoticeAttachmentEntity; path: string }> {
    await this.find(user, noticeId);
    const file = await this.notices.attachment(noticeId, attachmentId);
    if (!file)
      throw new AppError(
        'NOT_FOUND',
        `督办单 ${noticeId} 没有编号为 ${attachmentId} 的附件`,
        `Notice ${noticeId} has no attachment with id ${attachmentId}`,
      );
    return { file, path: this.storage.absolutePath(file.storagePath) };
  }

  private async attachments(noticeId: number): Promise<NoticeAttachmentResponse[]> {
    const rows = await this.notices.attachments(noticeId);
    return rows.map(({ file: r, uploader }) => ({
      id: r.id,
      filename: r.filename,
      mimeType: r.mimeType,
      size: r.size,
      sha256: r.sha256,
      uploadedBy: uploader,
      createdAt: r.createdAt,
    }));
  }

  /** A leader issues a notice by hand for any metric and department. */
  async issueByHand(
    user: CurrentUser,
    input: { metricId: number; departmentId: number; period: string; level: NoticeLevel; note?: string },
  ): Promise<NoticeResponse> {
    const found = await this.notices.metricWithPlan(input.metricId);
    if (!found)
      throw new AppError('NOT_FOUND', `找不到编号为 ${input.metricId} 的指标`, `No metric with id ${input.metricId}`);
    const { metric, plan } = found;
    periodOfPlan(toRuledMetric(metric), plan.year, input.period);
    const inputs = await this.assignments.loadAssignments(metric.planId, [metric.id]);
    if (!(inputs.assigned.get(metric.id) ?? []).some((d) => d.id === input.departmentId)) {
      throw new AppError(
        'INVALID_INPUT',
        `单位 ${input.departmentId} 不负责该指标`,
        `Department ${input.departmentId} does not report this metric`,
      );
    }
    const current = (await this.evaluations.current([metric.id])).find(
      (e) => e.departmentId === input.departmentId && e.periodKey === input.period,
    );
    const replyDue = replyDeadline(this.clock.today(), await this.calendar.calendar());
    const notice = await this.notices.transaction(async (m) => {
      const n = await this.writer.issue(m, {
        metric,
        departmentId: input.departmentId,
        periodKey: input.period,
        level: input.level,
        reasonZh: input.note || current?.reasonZh || '领导督办',
        reasonEn: current?.reasonEn || 'Issued by a leader',
        replyDue,
        issuedBy: user,
      });
      if (!n)
        throw new AppError(
          'CONFLICT',
          '该指标、单位和报送期已有未办结的督办单',
          'An open notice already exists for this metric, department and period',
        );
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: 'issue notice',
          entity: 'notice',
          entityId: n.id,
          after: { metric: metric.code, departmentId: input.departmentId, period: input.period, level: input.level },
        },
        m,
      );
      return n;
    });
    return this.get(user, notice.id);
  }

  /**
   * acknowledge / reply (department, own only); accept / send back (leader). A reply may carry a file (checked by its
   * bytes like evidence): every check, the file's type included, comes before anything is written; then the reply, its
   * attachment and their audit rows are one transaction.
   */
  async act(
    user: CurrentUser,
    id: number,
    action: Exclude<NoticeAction, 'close-green'>,
    body: { measures?: string; targetDate?: string; comment?: string },
    file?: { originalname: string; buffer: Buffer },
  ): Promise<NoticeResponse> {
    const notice = await this.find(user, id);
    const byDepartment = action === 'acknowledge' || action === 'reply';
    if (byDepartment && user.role !== 'department')
      throw new AppError(
        'FORBIDDEN',
        '只有被督办单位可以签收和答复',
        'Only the department the notice is addressed to may acknowledge and reply',
      );
    if (!byDepartment && user.role !== 'leader')
      throw new AppError('FORBIDDEN', '只有领导可以认可或退回答复', 'Only a leader may accept or send back a reply');
    const next = nextNoticeState(notice.state, action);
    if (!next) {
      const refused = stepRefused(notice.state, action);
      throw new AppError('CONFLICT', refused.zh, refused.en);
    }
    if (action === 'reply' && (!body.measures?.trim() || !body.targetDate))
      throw new AppError(
        'INVALID_INPUT',
        '答复须填写整改措施 measures 和完成时限 targetDate',
        'A reply needs the rectification measures and a target date',
      );
    if (action === 'send-back' && !body.comment?.trim())
      throw new AppError('INVALID_INPUT', '退回须填写意见 comment', 'Sending back needs a comment');
    if (file && action !== 'reply')
      throw new AppError('INVALID_INPUT', '只有答复可以附带文件', 'Only a reply can carry a file');
    const stored: StoredFile | null = file ? await this.storage.store(file.buffer) : null;
    const now = this.clock.now().toISOString();
    await this.notices.transaction(async (m) => {
      const changes: Partial<NoticeEntity> = { state: next };
      if (action === 'reply')
        Object.assign(changes, {
          replyMeasures: body.measures!.trim(),
          replyTargetDate: body.targetDate,
          repliedAt: now,
        });
      if (action === 'accept') Object.assign(changes, { closedAt: now, closedReason: 'accepted' });
      if (action === 'send-back') changes.replyDue = replyDeadline(this.clock.today(), await this.calendar.calendar());
      await this.notices.update(m, id, changes);
      const detail = action === 'reply' ? replyDetail(body.measures, body.targetDate) : (body.comment ?? null);
      await this.writer.event(m, { noticeId: id, actor: user.username, action, detail });
      await this.audit.record(
        user,
        {
          kind: 'write',
          action: `${action} notice`,
          entity: 'notice',
          entityId: id,
          before: { state: notice.state },
          after: { state: next, ...body },
        },
        m,
      );
      if (file && stored) {
        const filename = evidenceFilename(multipartFilename(file.originalname), stored.mimeType, file.buffer);
        const row = await this.notices.addAttachment(m, {
          noticeId: id,
          filename,
          ...stored,
          uploadedBy: user.id,
          createdAt: now,
        });
        await this.audit.record(
          user,
          {
            kind: 'write',
            action: 'attach to notice reply',
            entity: 'notice',
            entityId: id,
            after: { attachmentId: row.id, filename, sha256: stored.sha256, size: stored.size },
          },
          m,
        );
      }
      const metric = await this.notices.metric(m, notice.metricId);
      if (action === 'reply') await this.delivery.toLeaders(m, replyToLeaders(id, metric));
      if (action === 'send-back')
        await this.delivery.toDepartment(m, notice.departmentId, sentBackToDepartment(id, metric, body.comment ?? ''));
    });
    return this.get(user, id);
  }

  private async find(user: CurrentUser, id: number): Promise<NoticeEntity> {
    const notice = await this.notices.find(id);
    if (!notice) throw new AppError('NOT_FOUND', `找不到编号为 ${id} 的督办单`, `No notice with id ${id}`);
    assertOwnDepartment(user, notice.departmentId);
    return notice;
  }

  private async toResponses(rows: NoticeEntity[]): Promise<NoticeResponse[]> {
    if (rows.length === 0) return [];
    const { metrics: metricOf, departments: departmentOf } = await this.notices.namesOf(rows);
    const today = this.clock.today();
    return rows.map((n) => {
      const metric = metricOf.get(n.metricId)!;
      return {
        id: n.id,
        metric: { id: metric.id, code: metric.code, name: metric.name, nameEn: metric.nameEn },
        department: { id: n.departmentId, name: departmentOf.get(n.departmentId)?.name ?? '' },
        period: n.periodKey,
        level: n.level,
        state: n.state,
        reasonZh: n.reasonZh,
        reasonEn: n.reasonEn,
        expectedZh: n.expectedZh,
        expectedEn: n.expectedEn,
        replyDue: n.replyDue,
        replyOverdue: replyOverdue(n.state, n.replyDue, today),
        issuedAt: n.issuedAt,
        issuedAutomatically: n.issuedBy === null,
        replyMeasures: n.replyMeasures,
        replyTargetDate: n.replyTargetDate,
        escalations: n.escalations,
        closedAt: n.closedAt,
        closedReason: n.closedReason,
      };
    });
  }
}
