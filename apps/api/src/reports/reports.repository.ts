import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NoticeEntity } from '../supervision/supervision.entities';
import { ReportEntity } from './report.entity';

/** The report archive: versions are appended, never changed. Methods that take `m` run inside the caller's transaction. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest version of a plan's report for a month, or null. */
  latestVersion(m: EntityManager, planId: number, month: string): Promise<ReportEntity | null> {
    return m.findOne(ReportEntity, { where: { planId, month }, order: { version: 'DESC' } });
  }

  insert(m: EntityManager, report: Omit<ReportEntity, 'id'>): Promise<ReportEntity> {
    return m.save(ReportEntity, m.create(ReportEntity, report));
  }

  /** Every version, of one plan when given: the newest month first, then the newest version. */
  list(planId?: number): Promise<ReportEntity[]> {
    return this.dataSource.manager.find(ReportEntity, {
      where: planId ? { planId } : {},
      order: { month: 'DESC', version: 'DESC' },
    });
  }

  findById(id: number): Promise<ReportEntity | null> {
    return this.dataSource.manager.findOneBy(ReportEntity, { id });
  }

  /** Whether the monthly job already made this plan's report for the month. */
  async scheduledExists(planId: number, month: string): Promise<boolean> {
    return (await this.dataSource.manager.countBy(ReportEntity, { planId, month, trigger: 'schedule' })) > 0;
  }

  /** Every notice about one of the plan's metrics, whenever it was issued. */
  noticesOfPlan(planId: number): Promise<NoticeEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(NoticeEntity, 'n')
      .innerJoin('metrics', 'm', 'm.id = n.metric_id')
      .where('m.plan_id = :planId', { planId })
      .getMany();
  }
}
