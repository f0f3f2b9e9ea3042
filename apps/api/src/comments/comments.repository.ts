import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { MetricEntity } from '../metrics/metric.entity';
import { MetricCommentEntity } from './metric-comment.entity';

/** A stored comment with the name of the commenter's department. */
export type CommentRow = MetricCommentEntity & { departmentName: string | null };

/** A comment as the monthly report prints it, with its metric. */
export type PlanCommentRow = CommentRow & { metricCode: string; metricName: string; metricNameEn: string };

/** Comments are append-only: this repository inserts and reads, nothing else (and reads the metric commented on). */
@Injectable()
export class CommentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The metric a comment is on. */
  findMetric(id: number): Promise<MetricEntity | null> {
    return this.dataSource.manager.findOneBy(MetricEntity, { id });
  }

  async append(m: EntityManager, row: Omit<MetricCommentEntity, 'id'>): Promise<MetricCommentEntity> {
    const { identifiers } = await m.insert(MetricCommentEntity, row);
    return { ...row, id: Number(identifiers[0].id) };
  }

  async find(id: number): Promise<CommentRow | null> {
    const row = await this.select().where('c.id = :id', { id }).getRawOne();
    return row ? toRow(row) : null;
  }

  /** A metric's comments (on one period when given), oldest first. */
  async ofMetric(metricId: number, periodKey?: string): Promise<CommentRow[]> {
    const q = this.select().where('c.metric_id = :metricId', { metricId });
    if (periodKey !== undefined) q.andWhere('c.period_key = :periodKey', { periodKey });
    return (await q.orderBy('c.id', 'ASC').getRawMany()).map(toRow);
  }

  /** Every comment on the plan's metrics, by metric code and period, oldest first. */
  async ofPlan(planId: number): Promise<PlanCommentRow[]> {
    const rows = await this.select()
      .innerJoin(MetricEntity, 'm', 'm.id = c.metric_id')
      .addSelect(['m.code AS "metricCode"', 'm.name AS "metricName"', 'm.name_en AS "metricNameEn"'])
      .where('m.plan_id = :planId', { planId })
      .orderBy('m.code', 'ASC')
      .addOrderBy('c.period_key', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getRawMany();
    return rows.map((r) => ({
      ...toRow(r),
      metricCode: r.metricCode,
      metricName: r.metricName,
      metricNameEn: r.metricNameEn,
    }));
  }

  private select(): SelectQueryBuilder<MetricCommentEntity> {
    return this.dataSource.manager
      .createQueryBuilder(MetricCommentEntity, 'c')
      .leftJoin(DepartmentEntity, 'd', 'd.id = c.department_id')
      .select([
        'c.id AS "id"',
        'c.metric_id AS "metricId"',
        'c.period_key AS "periodKey"',
        'c.department_id AS "departmentId"',
        'd.name AS "departmentName"',
        'c.user_id AS "userId"',
        'c.username AS "username"',
        'c.text AS "text"',
        'c.created_at AS "createdAt"',
      ]);
  }
}

/** Raw rows as numbers and strings, whichever driver read them. */
function toRow(r: Record<string, unknown>): CommentRow {
  return {
    id: Number(r.id),
    metricId: Number(r.metricId),
    periodKey: String(r.periodKey),
    departmentId: r.departmentId === null ? null : Number(r.departmentId),
    departmentName: (r.departmentName as string | null) ?? null,
    userId: Number(r.userId),
    username: String(r.username),
    text: String(r.text),
    createdAt: String(r.createdAt),
  };
}
