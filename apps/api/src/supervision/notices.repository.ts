import { Injectable } from '@nestjs/common';
import type { NoticeLevel, NoticeState } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { MetricEntity } from '../metrics/metric.entity';
import { NoticeEntity } from './supervision.entities';

/** A notice as lists beside a metric show it. */
export interface NoticeBrief {
  id: number;
  level: NoticeLevel;
  state: NoticeState;
  replyDue: string;
}

export const noticeKey = (metricId: number, departmentId: number, periodKey: string) =>
  `${metricId}:${departmentId}:${periodKey}`;

/** Reads notices for the views that show them beside metrics (the dashboard's attention list). */
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
}
