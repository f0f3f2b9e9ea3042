import { Injectable } from '@nestjs/common';
import type { DepartmentRef, FirstLevelNode, MetricNode, PlanTreeResponse, SecondLevelNode, TaskNode } from '@taizhang/contracts';
import { countStatuses, evaluateMetric, isMonthKey, monthEndOfKey, parseMonthKey, rollUp } from '@taizhang/domain';
import { AppError } from '../common/app-error';
import { DepartmentEntity } from '../departments/department.entity';
import { PlanEntity } from '../plans/plan.entity';
import { PlansRepository, type PlanStructure } from '../plans/plans.repository';
import { SubmissionsRepository, type LatestFigure } from '../submissions/submissions.repository';

/** Evaluates a plan for a month: every metric through the domain rules, rolled up to tasks and indicators. */
@Injectable()
export class PlanEvaluationService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly submissions: SubmissionsRepository,
  ) {}

  async findPlan(planId: number): Promise<PlanEntity> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的计划`, `No plan with id ${planId}`);
    return plan;
  }

  /** The month to evaluate: the one asked for (checked against the plan's year), else the latest with data. */
  async resolvePeriod(plan: PlanEntity, period: string | undefined): Promise<{ period: string | null; periods: string[] }> {
    const periods = await this.submissions.monthsWithData(plan.id);
    if (period === undefined) return { period: periods.at(-1) ?? null, periods };
    if (!isMonthKey(period) || parseMonthKey(period).year !== plan.year) {
      throw new AppError('PERIOD_OUTSIDE_PLAN', `月份 ${period} 不在 ${plan.year} 年计划内，请填写 ${plan.year}-01 至 ${plan.year}-12`, `Month ${period} is not in the ${plan.year} plan; use ${plan.year}-01 to ${plan.year}-12`);
    }
    return { period, periods };
  }

  async evaluate(planId: number, requestedPeriod?: string): Promise<PlanTreeResponse & { periods: string[] }> {
    const plan = await this.findPlan(planId);
    const { period, periods } = await this.resolvePeriod(plan, requestedPeriod);
    const structure = await this.plans.loadStructure(plan);
    const figures = period ? await this.submissions.latestAsOf(plan.id, monthEndOfKey(period)) : [];
    const indicators = buildTree(structure, figures);
    return {
      id: plan.id, code: plan.code, title: plan.title, year: plan.year, district: plan.district, demo: plan.demo,
      period, periods, indicators, ...rollUp(indicators),
    };
  }
}

function toRef(d: DepartmentEntity): DepartmentRef {
  return { code: d.code, name: d.name, isGroup: d.isGroup };
}

function buildTree(s: PlanStructure, figures: LatestFigure[]): FirstLevelNode[] {
  const figuresOf = new Map<number, LatestFigure[]>();
  for (const f of figures) figuresOf.set(f.metricId, [...(figuresOf.get(f.metricId) ?? []), f]);
  const linksOf = (indicatorId: number, role: 'lead' | 'responsible') => s.links.filter((l) => l.indicatorId === indicatorId && l.role === role).map((l) => l.department);
  const departmentById = new Map(s.links.map((l) => [l.department.id, l.department]));

  const metricNode = (metric: PlanStructure['metrics'][number], leads: DepartmentEntity[]): MetricNode => {
    const reported = figuresOf.get(metric.id) ?? [];
    // The lead departments report each metric; anyone else who reported it is shown as well.
    const reporters = [...leads.filter((d) => !d.isGroup)];
    for (const f of reported) if (!reporters.some((d) => d.id === f.departmentId) && departmentById.has(f.departmentId)) reporters.push(departmentById.get(f.departmentId)!);
    const evaluation = evaluateMetric(metric, reporters.map((d) => {
      const f = reported.find((r) => r.departmentId === d.id);
      return { department: { code: d.code, name: d.name }, latest: f && { value: f.value, completedOn: f.completedOn, periodEnd: f.periodEnd } };
    }));
    return {
      id: metric.id, code: metric.code, name: metric.name, nameEn: metric.nameEn, kind: metric.kind, comparator: metric.comparator,
      target: metric.target, unit: metric.unit, period: metric.period, deadline: metric.deadline, source: metric.source,
      status: evaluation.status, reasonZh: evaluation.reasonZh, reasonEn: evaluation.reasonEn, counts: countStatuses([evaluation.status]),
      departments: evaluation.departments.map((e, i) => {
        const f = reported.find((r) => r.departmentId === reporters[i].id);
        return { code: e.department.code, name: e.department.name, status: e.status, reasonZh: e.reasonZh, reasonEn: e.reasonEn, value: f?.value ?? null, completedOn: f?.completedOn ?? null, periodKey: f?.periodKey ?? null };
      }),
    };
  };

  return s.indicators.filter((i) => i.level === 1).map((first) => {
    const children: SecondLevelNode[] = s.indicators.filter((i) => i.parentId === first.id).map((second) => {
      const leads = linksOf(second.id, 'lead');
      const tasks: TaskNode[] = s.tasks.filter((t) => t.indicatorId === second.id).map((task) => {
        const metrics = s.metrics.filter((m) => m.taskId === task.id).map((m) => metricNode(m, leads));
        return { id: task.id, number: task.number, text: task.text, metrics, ...rollUp(metrics) };
      });
      return {
        id: second.id, number: second.number, title: second.title,
        leadDepartments: leads.map(toRef), responsibleDepartments: linksOf(second.id, 'responsible').map(toRef),
        tasks, ...rollUp(tasks),
      };
    });
    return { id: first.id, number: first.number, title: first.title, children, ...rollUp(children) };
  });
}
