import { Injectable } from '@nestjs/common';
import { formatTarget, type ReportMetricRow, type ReportSnapshot } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { DashboardService } from '../dashboard/dashboard.service';
import { NoticeEntity, NoticeEventEntity } from '../supervision/supervision.entities';
import { PlanEvaluationService } from '../evaluation/plan-evaluation.service';

/** Gathers a month's report from the same figures the dashboard shows, so the two always agree. */
@Injectable()
export class ReportBuilderService {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly plans: PlanEvaluationService,
    private readonly dataSource: DataSource,
  ) {}

  async build(planId: number, month: string, version: number, generatedAt: string): Promise<Omit<ReportSnapshot, 'appendix'> & { appendix: ReportMetricRow[] }> {
    const [summary, departments, trend, loaded] = await Promise.all([
      this.dashboard.summary(planId, month),
      this.dashboard.departments(planId, month),
      this.dashboard.trend(planId),
      this.plans.load(planId),
    ]);
    const tree = this.plans.tree(loaded, month);
    const overallValue = new Map(loaded.rows.filter((e) => e.departmentId === null).map((e) => [`${e.metricId}:${e.periodKey}`, e.value]));
    const appendix: ReportMetricRow[] = tree.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics.map((m) => ({
      code: m.code, name: m.name, nameEn: m.nameEn, taskNumber: t.number, status: m.status,
      value: overallValue.get(`${m.id}:${m.periodKey}`) ?? null,
      target: formatTarget(m), targetEn: formatTarget(m, 'en'), reasonZh: m.reasonZh, reasonEn: m.reasonEn, revised: false,
    })))));
    return {
      plan: { id: loaded.plan.id, title: loaded.plan.title, year: loaded.plan.year, district: loaded.plan.district },
      month, version, generatedAt, dataAsOf: summary.evaluatedAt,
      headline: {
        metricCount: summary.metricCount, counts: summary.counts, shareGreen: summary.shareGreen, onTimeRate: summary.onTimeRate,
        previous: summary.previous ? { month: summary.previous.period, counts: summary.previous.counts, shareGreen: summary.previous.shareGreen, onTimeRate: summary.previous.onTimeRate } : null,
      },
      indicators: summary.indicators.flatMap((f) => [
        { level: 1 as const, number: f.number, title: f.title, status: f.status, counts: f.counts },
        ...f.children.map((c) => ({ level: 2 as const, number: c.number, title: c.title, status: c.status, counts: c.counts })),
      ]),
      attention: summary.attention.map((a) => ({
        code: a.code, name: a.name, nameEn: a.nameEn, status: a.status, reasonZh: a.reasonZh, reasonEn: a.reasonEn,
        task: `${a.task.number}. ${a.task.text}`,
        departments: [...a.leadDepartments, ...a.responsibleDepartments].map((d) => d.name).join('、'),
      })),
      departments: departments.departments.map((d) => ({ rank: d.rank, name: d.name, metricCount: d.metricCount, counts: d.counts, compliance: d.compliance, onTimeRate: d.onTimeRate })),
      trend: trend.months.filter((m) => m.period <= month).map((m) => ({ month: m.period, counts: m.counts, shareGreen: m.shareGreen })),
      notices: await this.noticeCounts(planId, month),
      appendix,
    };
  }

  /** The month's supervision: notices issued, replies made by their deadline, escalations, closures (by their dates). */
  private async noticeCounts(planId: number, month: string): Promise<NonNullable<ReportSnapshot['notices']>> {
    const notices = await this.dataSource.manager
      .createQueryBuilder(NoticeEntity, 'n')
      .innerJoin('metrics', 'm', 'm.id = n.metric_id')
      .where('m.plan_id = :planId', { planId })
      .getMany();
    const inMonth = (iso: string | null) => iso !== null && iso.slice(0, 7) === month;
    const ids = notices.map((n) => n.id);
    const escalations = ids.length ? await this.dataSource.manager.createQueryBuilder(NoticeEventEntity, 'e').where('e.notice_id IN (:...ids) AND e.action = :a', { ids, a: 'escalated' }).getMany() : [];
    return {
      issued: notices.filter((n) => inMonth(n.issuedAt)).length,
      answeredOnTime: notices.filter((n) => inMonth(n.repliedAt) && n.repliedAt!.slice(0, 10) <= n.replyDue).length,
      escalated: escalations.filter((e) => inMonth(e.at)).length,
      closed: notices.filter((n) => inMonth(n.closedAt)).length,
    };
  }
}
