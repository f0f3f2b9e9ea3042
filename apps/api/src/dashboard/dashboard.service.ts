import { Injectable } from '@nestjs/common';
import type {
  AttentionDepartment,
  AttentionItem,
  DashboardSummaryResponse,
  RedDepartmentGroup,
  RedDepartmentItem,
  DashboardTrendResponse,
  DepartmentComparisonResponse,
  DepartmentRef,
  FirstLevelNode,
} from '@taizhang/contracts';
import {
  attentionRank,
  countStatuses,
  departmentsOwingRed,
  failingDepartments,
  groupRedByDepartment,
  isOverdueRed,
  monthEndOfKey,
  needsAttention,
  onTimeRate,
  previousMonthKey,
  rankDepartments,
  rollUp,
  shareGreen,
  STATUSES,
  type DueItem,
  type RedEntry,
  type Forecast,
  type Status,
} from '@taizhang/domain';
import type { PreparedJson } from '../common/prepared-json';
import { EvaluationService } from '../evaluation/evaluation.service';
import { ForecastService } from '../evaluation/forecast.service';
import { checkMonthOfPlan } from '../plans/plan-period';
import { PlanTreeService, type LoadedPlan } from '../plans/plan-tree.service';
import { noticeKey, NoticesRepository, type NoticeBrief } from '../supervision/notices.repository';
import { DashboardCache } from './dashboard-cache';
import { TimelinessService } from './timeliness.service';

@Injectable()
export class DashboardService {
  constructor(
    private readonly evaluation: PlanTreeService,
    private readonly engine: EvaluationService,
    private readonly timeliness: TimelinessService,
    private readonly cache: DashboardCache,
    private readonly notices: NoticesRepository,
    private readonly forecasts: ForecastService,
  ) {}

  /** The glance: counts by status, share green, timeliness, the change since last month, the indicators and what is red. */
  async summary(planId: number, requested?: string): Promise<DashboardSummaryResponse> {
    // The very answer the dashboard gets, so that a report and the screen never disagree (parsing it costs little).
    return JSON.parse((await this.summaryJson(planId, requested)).body.toString('utf8'));
  }

  /** `summary` as the HTTP answer, serialised once for as long as neither the data nor the last evaluation moves. */
  summaryJson(planId: number, requested?: string): Promise<PreparedJson> {
    return this.cache.json(
      `summary:${planId}:${requested ?? ''}`,
      () => this.computeSummary(planId, requested),
      (summary, scheduledAt) => {
        // When the engine last looked moves on even when nothing it found changed: the newest scheduled cycle of any
        // instance (the one that claimed the tick), or this instance's own (at start-up, or run by hand).
        const evaluatedAt = latest(scheduledAt, this.engine.lastRun?.finishedAt ?? null);
        return { stamp: evaluatedAt ?? '', body: { ...summary, evaluatedAt } };
      },
    );
  }

  private async computeSummary(planId: number, requested?: string): Promise<DashboardSummaryResponse> {
    const loaded = await this.evaluation.load(planId);
    if (requested !== undefined) checkMonthOfPlan(loaded.plan, requested);
    const period = requested ?? loaded.periods.at(-1) ?? null;
    const tree = this.evaluation.tree(loaded, period);
    const { counts } = rollUp(tree);
    const schedule = await this.timeliness.schedule(loaded.plan);
    const due = [...schedule.byDepartment.values()].flat();
    const previousKey = period && period.slice(5) !== '01' ? previousMonthKey(period) : null;
    const previousCounts = previousKey ? rollUp(this.evaluation.tree(loaded, previousKey)).counts : null;
    return {
      planId: loaded.plan.id,
      period,
      periods: loaded.periods,
      metricCount: STATUSES.reduce((n, s) => n + counts[s], 0),
      counts,
      shareGreen: shareGreen(counts),
      onTimeRate: period ? onTimeRate(due, monthEndOfKey(period)) : null,
      previous:
        previousKey && previousCounts
          ? {
              period: previousKey,
              counts: previousCounts,
              shareGreen: shareGreen(previousCounts),
              onTimeRate: onTimeRate(due, monthEndOfKey(previousKey)),
            }
          : null,
      indicators: tree.map((f) => ({
        id: f.id,
        number: f.number,
        title: f.title,
        status: f.status,
        counts: f.counts,
        children: f.children.map((c) => ({
          id: c.id,
          number: c.number,
          title: c.title,
          status: c.status,
          counts: c.counts,
        })),
      })),
      attention: attentionOf(
        tree,
        await this.notices.ofPlan(loaded.plan.id),
        await this.forecasts.ofTree(loaded, tree),
      ),
      // A figure still missing has been waiting until today, whichever month is shown.
      redByDepartment: redByDepartment(tree, schedule.dueDates, loaded.today),
      asOf: loaded.today,
      demo: loaded.plan.demo,
      evaluatedAt: this.engine.lastRun?.finishedAt ?? null,
    };
  }

  /** Status counts as each month of the plan showed them. */
  trend(planId: number): Promise<DashboardTrendResponse> {
    return this.cache.get(`trend:${planId}`, () => this.computeTrend(planId));
  }

  trendJson(planId: number): Promise<PreparedJson> {
    return this.cache.json(`trend:${planId}`, () => this.computeTrend(planId));
  }

  private async computeTrend(planId: number): Promise<DashboardTrendResponse> {
    const loaded = await this.evaluation.load(planId);
    return {
      planId,
      months: loaded.periods.map((period) => {
        const { counts } = rollUp(this.evaluation.tree(loaded, period));
        return { period, counts, shareGreen: shareGreen(counts) };
      }),
    };
  }

  /** 横向排名: each department's own statuses for the month, its compliance and timeliness, ranked. */
  departments(planId: number, requested?: string): Promise<DepartmentComparisonResponse> {
    return this.cache.get(`departments:${planId}:${requested ?? ''}`, () => this.computeDepartments(planId, requested));
  }

  departmentsJson(planId: number, requested?: string): Promise<PreparedJson> {
    return this.cache.json(`departments:${planId}:${requested ?? ''}`, () =>
      this.computeDepartments(planId, requested),
    );
  }

  private async computeDepartments(planId: number, requested?: string): Promise<DepartmentComparisonResponse> {
    const loaded = await this.evaluation.load(planId);
    if (requested !== undefined) checkMonthOfPlan(loaded.plan, requested);
    const period = requested ?? loaded.periods.at(-1) ?? null;
    const dueBy = await this.timeliness.dueItemsByDepartment(loaded.plan);
    const statuses = this.departmentStatuses(loaded, period);
    const names = loaded.structure.departments;
    const rows = [...dueBy.keys()].map((id) => {
      const counts = countStatuses(statuses.get(id) ?? []);
      return {
        departmentId: id,
        counts,
        compliance: shareGreen(counts),
        onTime: period ? onTimeRate(dueBy.get(id) as DueItem[], monthEndOfKey(period)) : null,
      };
    });
    return {
      planId,
      period,
      departments: rankDepartments(rows).map((r) => ({
        id: r.departmentId,
        code: names.get(r.departmentId)?.code ?? '',
        name: names.get(r.departmentId)?.name ?? '',
        metricCount: STATUSES.reduce((n, s) => n + r.counts[s], 0),
        counts: r.counts,
        compliance: r.compliance,
        onTimeRate: r.onTime,
        rank: r.rank,
      })),
    };
  }

  /** Each department's own status for every metric it reports, as the month shows them. */
  private departmentStatuses(loaded: LoadedPlan, period: string | null): Map<number, Status[]> {
    const out = new Map<number, Status[]>();
    if (!period) return out;
    for (const first of this.evaluation.tree(loaded, period)) {
      for (const m of first.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics))) {
        for (const d of m.departments) {
          const id = d.id;
          const statuses = out.get(id);
          if (statuses) statuses.push(d.status);
          else out.set(id, [d.status]);
        }
      }
    }
    return out;
  }
}

/** Red metrics first, then amber, each with its task, indicators, departments, and every failing department with its notice. */
function attentionOf(
  tree: FirstLevelNode[],
  notices: Map<string, NoticeBrief>,
  forecasts: Map<number, Forecast>,
): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const first of tree) {
    for (const second of first.children) {
      for (const task of second.tasks) {
        for (const m of task.metrics) {
          const forecast = forecasts.get(m.id);
          if (!needsAttention(m.status, forecast?.status)) continue;
          const failing: AttentionDepartment[] = failingDepartments(m.departments).map((d) => ({
            id: d.id,
            code: d.code,
            name: d.name,
            status: d.status,
            value: d.value,
            reasonZh: d.reasonZh,
            reasonEn: d.reasonEn,
            periodKey: d.periodKey,
            notice: notices.get(noticeKey(m.id, d.id, d.periodKey)) ?? null,
          }));
          items.push({
            metricId: m.id,
            code: m.code,
            name: m.name,
            nameEn: m.nameEn,
            status: m.status,
            reasonZh: m.reasonZh,
            reasonEn: m.reasonEn,
            periodKey: m.periodKey,
            task: { id: task.id, number: task.number, text: task.text },
            secondLevel: { id: second.id, number: second.number, title: second.title },
            firstLevel: { id: first.id, number: first.number, title: first.title },
            leadDepartments: second.leadDepartments as DepartmentRef[],
            responsibleDepartments: second.responsibleDepartments as DepartmentRef[],
            failingDepartments: failing,
            forecast: forecast
              ? {
                  status: forecast.status,
                  projected: forecast.projected,
                  requiredPace: forecast.requiredPace,
                  reasonZh: forecast.reasonZh,
                  reasonEn: forecast.reasonEn,
                }
              : null,
          });
        }
      }
    }
  }
  return items.sort((a, b) => attentionRank(a.status) - attentionRank(b.status) || a.code.localeCompare(b.code));
}

/**
 * Every red metric under the department that owes the fix: each department whose own figure is red; for a red pooled
 * figure with no department red on its own, every department that reports it; with none, an unnamed group.
 */
function redByDepartment(tree: FirstLevelNode[], dueDates: Map<string, string>, asOf: string): RedDepartmentGroup[] {
  const metrics = tree
    .flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)))
    .filter((m) => m.status === 'red');
  const names = new Map<number, { id: number; code: string; name: string }>();
  const entries = metrics.flatMap((m): Array<RedEntry & Omit<RedDepartmentItem, 'daysOverdue'>> => {
    const owing = departmentsOwingRed(m.departments);
    const base = { metricId: m.id, code: m.code, name: m.name, nameEn: m.nameEn };
    if (owing.length === 0) {
      return [
        {
          ...base,
          departmentId: null,
          periodKey: m.periodKey,
          value: null,
          reasonZh: m.reasonZh,
          reasonEn: m.reasonEn,
          dueDate: m.periodKey ? (dueDates.get(`${m.id}:${m.periodKey}`) ?? null) : null,
          overdue: false,
        },
      ];
    }
    return owing.map((d) => {
      names.set(d.id, { id: d.id, code: d.code, name: d.name });
      const own = d.status === 'red';
      return {
        ...base,
        departmentId: d.id,
        periodKey: d.periodKey,
        value: d.value,
        reasonZh: own ? d.reasonZh : m.reasonZh,
        reasonEn: own ? d.reasonEn : m.reasonEn,
        dueDate: dueDates.get(`${m.id}:${d.periodKey}`) ?? null,
        overdue: isOverdueRed(d),
      };
    });
  });
  return groupRedByDepartment(entries, asOf).map((g) => ({
    department: g.departmentId === null ? null : (names.get(g.departmentId) ?? null),
    mostDaysOverdue: g.mostDaysOverdue,
    items: g.entries.map((e) => ({
      metricId: e.metricId,
      code: e.code,
      name: e.name,
      nameEn: e.nameEn,
      periodKey: e.periodKey,
      value: e.value,
      reasonZh: e.reasonZh,
      reasonEn: e.reasonEn,
      dueDate: e.dueDate,
      daysOverdue: e.daysOverdue,
    })),
  }));
}

/** The later of two ISO instants, either possibly missing. */
function latest(a: string | null, b: string | null): string | null {
  return a === null ? b : b === null || a > b ? a : b;
}
