import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricEntity } from '../metrics/metric.entity';
import { SubmissionEntity } from './submission.entity';

export interface LatestFigure {
  metricId: number;
  departmentId: number;
  periodKey: string;
  periodEnd: string;
  value: number | null;
  completedOn: string | null;
}

@Injectable()
export class SubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The latest revision of the latest period each department reported for each metric of a plan,
   * among periods ending on or before `asOf`. One ordered scan of raw rows; the last row per key wins.
   */
  async latestAsOf(planId: number, asOf: string): Promise<LatestFigure[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource
      .createQueryBuilder(SubmissionEntity, 's')
      .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
      .select(['s.metric_id AS "metricId"', 's.department_id AS "departmentId"', 's.period_key AS "periodKey"', 's.period_end AS "periodEnd"', 's.value AS "value"', 's.completed_on AS "completedOn"'])
      .where('m.plan_id = :planId AND s.period_end <= :asOf', { planId, asOf })
      .orderBy('s.period_end', 'ASC')
      .addOrderBy('s.revision', 'ASC')
      .getRawMany();
    const latest = new Map<string, LatestFigure>();
    for (const r of rows) {
      latest.set(`${r.metricId}:${r.departmentId}`, {
        metricId: Number(r.metricId),
        departmentId: Number(r.departmentId),
        periodKey: String(r.periodKey),
        periodEnd: String(r.periodEnd),
        value: r.value === null ? null : Number(r.value),
        completedOn: (r.completedOn as string | null) ?? null,
      });
    }
    return [...latest.values()];
  }

  /** Months ("YYYY-MM") in which some reported period of the plan ends, oldest first. */
  async monthsWithData(planId: number): Promise<string[]> {
    const rows: Array<{ month: string }> = await this.dataSource
      .createQueryBuilder(SubmissionEntity, 's')
      .innerJoin(MetricEntity, 'm', 'm.id = s.metric_id')
      .select('DISTINCT SUBSTR(s.period_end, 1, 7)', 'month')
      .where('m.plan_id = :planId', { planId })
      .orderBy('month', 'ASC')
      .getRawMany();
    return rows.map((r) => r.month);
  }
}
