import { Injectable } from '@nestjs/common';
import type { NoticeLevel, NoticeState } from '@taizhang/domain';
import { DataSource, In, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { UserEntity } from '../auth/user.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { markPlanOfMetricChanged } from '../database/with-plan-lock';
import { PlanEntity } from '../plans/plan.entity';
import { NoticeAttachmentEntity, NoticeEntity, NoticeEventEntity } from './supervision.entities';

/** A notice as lists beside a metric show it. */
export interface NoticeBrief {
  id: number;
  level: NoticeLevel;
  state: NoticeState;
  replyDue: string;
}

/** Which notices a list shows: a department's, a metric's. */
export interface NoticeFilter {
  departmentId?: number | null;
  metricId?: number;
}

export const noticeKey = (metricId: number, departmentId: number, periodKey: string) =>
  `${metricId}:${departmentId}:${periodKey}`;

/** Notices, their events and attachments, and the metrics and departments they name. */
@Injectable()
export class NoticesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every notice of a plan, keyed `${metricId}:${departmentId}:${periodKey}` (one per key: a closed notice is reopened, not repeated). */
  async ofPlan(planId: number): Promise<Map<string, NoticeBrief>> {
    const rows: Array<NoticeBrief & { metricId: number; departmentId: number; periodKey: string }> =
      await this.dataSource.manager
        .createQueryBuilder(NoticeEntity, 'n')
        .innerJoin(MetricEntity, 'm', 'm.id = n.metric_id')
        .select([
          'n.id AS "id"',
          'n.metric_id AS "metricId"',
          'n.department_id AS "departmentId"',
          'n.period_key AS "periodKey"',
          'n.level AS "level"',
          'n.state AS "state"',
          'n.reply_due AS "replyDue"',
        ])
        .where('m.plan_id = :planId', { planId })
        .getRawMany();
    return new Map(
      rows.map((r) => [
        noticeKey(Number(r.metricId), Number(r.departmentId), r.periodKey),
        { id: Number(r.id), level: r.level, state: r.state, replyDue: r.replyDue },
      ]),
    );
  }

  /** Notices matching `where`, newest first. */
  list(where: NoticeFilter): Promise<NoticeEntity[]> {
    return this.dataSource.manager.find(NoticeEntity, {
      where: where as FindOptionsWhere<NoticeEntity>,
      order: { id: 'DESC' },
    });
  }

  find(id: number): Promise<NoticeEntity | null> {
    return this.dataSource.manager.findOneBy(NoticeEntity, { id });
  }

  /** The notice of a metric, department and period (open or closed), inside the caller's transaction. */
  findByKey(m: EntityManager, key: Pick<NoticeEntity, 'metricId' | 'departmentId' | 'periodKey'>) {
    return m.findOneBy(NoticeEntity, key);
  }

  /** Keys (`noticeKey`) of these metrics' notices whose reply a leader accepted. */
  async acceptedKeys(metricIds: number[]): Promise<Set<string>> {
    const rows = await this.dataSource.manager.find(NoticeEntity, {
      where: { closedReason: 'accepted', metricId: In(metricIds.length ? metricIds : [-1]) },
    });
    return new Set(rows.map((n) => noticeKey(n.metricId, n.departmentId, n.periodKey)));
  }

  /** These metrics' notices that are not closed. */
  open(metricIds: number[]): Promise<NoticeEntity[]> {
    return this.dataSource.manager.find(NoticeEntity, {
      where: { state: Not('closed'), metricId: In(metricIds.length ? metricIds : [-1]) },
    });
  }

  async create(m: EntityManager, fields: Partial<NoticeEntity>): Promise<NoticeEntity> {
    return m.save(NoticeEntity, m.create(NoticeEntity, fields));
  }

  async update(m: EntityManager, id: number, changes: Partial<NoticeEntity>): Promise<void> {
    await m.update(NoticeEntity, { id }, changes);
  }

  /** Adds a step to a notice's history; its plan's next supervision tick looks again. */
  async addEvent(
    m: EntityManager,
    event: Pick<NoticeEventEntity, 'noticeId' | 'at' | 'actor' | 'action' | 'detail'>,
  ): Promise<void> {
    await m.insert(NoticeEventEntity, event);
    const notice = await m.findOne(NoticeEntity, {
      where: { id: event.noticeId },
      select: { id: true, metricId: true },
    });
    if (notice) await markPlanOfMetricChanged(m, notice.metricId);
  }

  /**
   * Inside a caller's transaction: the metric's open notices (of some departments only, when given) close as withdrawn,
   * each with a `withdrawn` step saying why. Unlike addEvent it marks no plan: its callers hold the plan lock
   * (withPlanLock), which already sends the plan to its next supervision tick.
   */
  static async withdrawOpenNotices(
    m: EntityManager,
    where: { metricId: number; departments?: number[] },
    at: string,
    detail: string,
  ): Promise<void> {
    const open = (
      await m.find(NoticeEntity, {
        where: {
          metricId: where.metricId,
          ...(where.departments ? { departmentId: In(where.departments) } : {}),
        },
      })
    ).filter((n) => n.state !== 'closed');
    for (const notice of open) {
      await m.update(NoticeEntity, { id: notice.id }, { state: 'closed', closedAt: at, closedReason: 'withdrawn' });
      await m.insert(NoticeEventEntity, { noticeId: notice.id, at, actor: null, action: 'withdrawn', detail });
    }
  }

  events(noticeId: number): Promise<NoticeEventEntity[]> {
    return this.dataSource.manager.find(NoticeEventEntity, { where: { noticeId }, order: { id: 'ASC' } });
  }

  /** A notice's attachments in the order they came, each with its uploader's username (null when unknown). */
  async attachments(noticeId: number): Promise<Array<{ file: NoticeAttachmentEntity; uploader: string | null }>> {
    const rows = await this.dataSource.manager.find(NoticeAttachmentEntity, {
      where: { noticeId },
      order: { id: 'ASC' },
    });
    const users = rows.length
      ? await this.dataSource.manager.find(UserEntity, {
          select: { id: true, username: true },
          where: { id: In(rows.map((r) => r.uploadedBy ?? -1)) },
        })
      : [];
    const nameOf = new Map(users.map((u) => [u.id, u.username]));
    return rows.map((file) => ({
      file,
      uploader: file.uploadedBy === null ? null : (nameOf.get(file.uploadedBy) ?? null),
    }));
  }

  attachment(noticeId: number, attachmentId: number): Promise<NoticeAttachmentEntity | null> {
    return this.dataSource.manager.findOneBy(NoticeAttachmentEntity, { id: attachmentId, noticeId });
  }

  async addAttachment(
    m: EntityManager,
    attachment: Omit<NoticeAttachmentEntity, 'id'>,
  ): Promise<NoticeAttachmentEntity> {
    return m.save(NoticeAttachmentEntity, m.create(NoticeAttachmentEntity, attachment));
  }

  /** A metric a notice may be issued for, with its plan; null when there is no such metric. */
  async metricWithPlan(metricId: number): Promise<{ metric: MetricEntity; plan: PlanEntity } | null> {
    const metric = await this.dataSource.manager.findOneBy(MetricEntity, { id: metricId });
    if (!metric) return null;
    return { metric, plan: await this.dataSource.manager.findOneByOrFail(PlanEntity, { id: metric.planId }) };
  }

  /** A notice's metric, inside the caller's transaction. */
  async metric(m: EntityManager, metricId: number): Promise<MetricEntity> {
    return (await m.findOneBy(MetricEntity, { id: metricId }))!;
  }

  /** The metrics and departments these notices name, by id. */
  async namesOf(
    notices: NoticeEntity[],
  ): Promise<{ metrics: Map<number, MetricEntity>; departments: Map<number, DepartmentEntity> }> {
    const m = this.dataSource.manager;
    const [metrics, departments] = await Promise.all([
      m.find(MetricEntity, { where: { id: In([...new Set(notices.map((r) => r.metricId))]) } }),
      m.find(DepartmentEntity, { where: { id: In([...new Set(notices.map((r) => r.departmentId))]) } }),
    ]);
    return {
      metrics: new Map(metrics.map((x) => [x.id, x])),
      departments: new Map(departments.map((x) => [x.id, x])),
    };
  }

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
