import { Injectable } from '@nestjs/common';
import type { AttentionItem, FirstLevelNode } from '@taizhang/contracts';
import {
  attentionRank,
  formatTarget,
  type Forecast,
  type ReportForecastRow,
  type ReportMetricRow,
  type ReportNote,
  type ReportSnapshot,
} from '@taizhang/domain';
import { CommentsRepository, type PlanCommentRow } from '../comments/comments.repository';
import { DashboardService } from '../dashboard/dashboard.service';
import { PlanTreeService } from '../plans/plan-tree.service';
import { ForecastService } from '../evaluation/forecast.service';
import { ReportsRepository } from './reports.repository';

/** Gathers a month's report from the same figures the dashboard shows, so the two always agree. */
@Injectable()
export class ReportBuilderService {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly plans: PlanTreeService,
    private readonly reports: ReportsRepository,
    private readonly comments: CommentsRepository,
    private readonly forecasts: ForecastService,
  ) {}

  async build(
    planId: number,
    month: string,
    version: number,
    generatedAt: string,
  ): Promise<Omit<ReportSnapshot, 'appendix'> & { appendix: ReportMetricRow[] }> {
    const [summary, departments, trend, loaded, comments] = await Promise.all([
      this.dashboard.summary(planId, month),
      this.dashboard.departments(planId, month),
      this.dashboard.trend(planId),
      this.plans.load(planId),
      this.comments.ofPlan(planId),
    ]);
    const tree = this.plans.tree(loaded, month);
    const forecasts = await this.forecasts.ofTree(loaded, tree);
    // The period each metric shows this month (`metricId:periodKey`): the notices and notes the report counts.
    const shown = new Set(
      tree.flatMap((f) =>
        f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics.map((m) => `${m.id}:${m.periodKey}`))),
      ),
    );
    const overallValue = new Map(
      loaded.rows.filter((e) => e.departmentId === null).map((e) => [`${e.metricId}:${e.periodKey}`, e.value]),
    );
    const appendix: ReportMetricRow[] = tree.flatMap((f) =>
      f.children.flatMap((s) =>
        s.tasks.flatMap((t) =>
          t.metrics.map((m) => ({
            code: m.code,
            name: m.name,
            nameEn: m.nameEn,
            taskNumber: t.number,
            status: m.status,
            value: overallValue.get(`${m.id}:${m.periodKey}`) ?? null,
            target: formatTarget(m),
            targetEn: formatTarget(m, 'en'),
            reasonZh: m.reasonZh,
            reasonEn: m.reasonEn,
            revised: false,
          })),
        ),
      ),
    );
    return {
      plan: { id: loaded.plan.id, title: loaded.plan.title, year: loaded.plan.year, district: loaded.plan.district },
      month,
      version,
      generatedAt,
      dataAsOf: summary.evaluatedAt,
      headline: {
        metricCount: summary.metricCount,
        counts: summary.counts,
        shareGreen: summary.shareGreen,
        onTimeRate: summary.onTimeRate,
        previous: summary.previous
          ? {
              month: summary.previous.period,
              counts: summary.previous.counts,
              shareGreen: summary.previous.shareGreen,
              onTimeRate: summary.previous.onTimeRate,
            }
          : null,
      },
      indicators: summary.indicators.flatMap((f) => [
        { level: 1 as const, number: f.number, title: f.title, status: f.status, counts: f.counts },
        ...f.children.map((c) => ({
          level: 2 as const,
          number: c.number,
          title: c.title,
          status: c.status,
          counts: c.counts,
        })),
      ]),
      attention: summary.attention.map((a) => ({
        code: a.code,
        name: a.name,
        nameEn: a.nameEn,
        status: a.status,
        ...attentionReasons(a),
        task: `${a.task.number}. ${a.task.text}`,
        // The departments whose own figures fail; the indicator's named units only when none does on its own.
        departments: (a.failingDepartments.length
          ? a.failingDepartments
          : [...a.leadDepartments, ...a.responsibleDepartments]
        )
          .map((d) => d.name)
          .join('、'),
      })),
      forecasts: forecastRows(tree, forecasts),
      departments: departments.departments.map((d) => ({
        rank: d.rank,
        name: d.name,
        metricCount: d.metricCount,
        counts: d.counts,
        compliance: d.compliance,
        onTimeRate: d.onTimeRate,
      })),
      trend: trend.months
        .filter((m) => m.period <= month)
        .map((m) => ({ month: m.period, counts: m.counts, shareGreen: m.shareGreen })),
      notices: await this.noticeCounts(planId, shown),
      appendix,
      notes: notesOf(comments, shown),
    };
  }

  /**
   * Supervision of the figures the report shows: notices about those periods (issued, answered by their deadline,
   * escalated, closed), whenever they were issued. Counting by the day of issue left December's report at 0: its
   * notices are issued after December's figures fall due, in January or later.
   */
  private async noticeCounts(planId: number, shown: Set<string>): Promise<NonNullable<ReportSnapshot['notices']>> {
    const notices = (await this.reports.noticesOfPlan(planId)).filter((n) => shown.has(`${n.metricId}:${n.periodKey}`));
    return {
      issued: notices.length,
      answeredOnTime: notices.filter((n) => n.repliedAt !== null && n.repliedAt.slice(0, 10) <= n.replyDue).length,
      escalated: notices.filter((n) => n.escalations > 0).length,
      closed: notices.filter((n) => n.state === 'closed').length,
    };
  }
}

/** The comments on the periods the report shows (`metricId:periodKey`), as its notes. */
function notesOf(comments: PlanCommentRow[], shown: Set<string>): ReportNote[] {
  return comments
    .filter((c) => shown.has(`${c.metricId}:${c.periodKey}`))
    .map((c) => ({
      code: c.metricCode,
      name: c.metricName,
      nameEn: c.metricNameEn,
      period: c.periodKey,
      username: c.username,
      department: c.departmentName,
      at: c.createdAt,
      text: c.text,
    }));
}

/** A green metric is on the attention list for its forecast: its reason says so. */
function attentionReasons(a: AttentionItem): { reasonZh: string; reasonEn: string } {
  if (a.status !== 'green' || !a.forecast) return { reasonZh: a.reasonZh, reasonEn: a.reasonEn };
  return {
    reasonZh: `${a.reasonZh}；年末预测：${a.forecast.reasonZh}`,
    reasonEn: `${a.reasonEn}; year-end forecast: ${a.forecast.reasonEn}`,
  };
}

/** Every metric with a year-end forecast, the worst forecast first. */
function forecastRows(tree: FirstLevelNode[], forecasts: Map<number, Forecast>): ReportForecastRow[] {
  return tree
    .flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)))
    .flatMap((m) => {
      const f = forecasts.get(m.id);
      if (!f?.status || f.projected === null) return [];
      return [
        {
          code: m.code,
          name: m.name,
          nameEn: m.nameEn,
          status: m.status,
          forecast: f.status,
          projected: f.projected,
          target: formatTarget(m),
          targetEn: formatTarget(m, 'en'),
          reasonZh: f.reasonZh,
          reasonEn: f.reasonEn,
        },
      ];
    })
    .sort((a, b) => attentionRank(a.forecast) - attentionRank(b.forecast) || a.code.localeCompare(b.code));
}
