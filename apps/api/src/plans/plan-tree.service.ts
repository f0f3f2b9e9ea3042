import { Injectable } from '@nestjs/common';
import type {
  DepartmentRef,
  FirstLevelNode,
  MetricNode,
  PlanTreeResponse,
  SecondLevelNode,
  TaskNode,
} from '@taizhang/contracts';
import { countStatuses, latestPeriodRows, monthEndOfKey, monthsWithPeriodEnds, rollUp } from '@taizhang/domain';
import { Clock } from '../clock/clock';
import { DepartmentEntity } from '../departments/department.entity';
import type { PlanEntity } from './plan.entity';
import { PlansRepository, type PlanStructure } from './plans.repository';
import type { EvaluationEntity } from '../evaluation/evaluation.entity';
import { toPlanSummaryResponse } from './plans.dto';
import { EvaluationRepository } from '../evaluation/evaluation.repository';
import { checkMonthOfPlan } from './plan-period';
import { groupBy } from '../common/group-by';

const rowKey = (e: Pick<EvaluationEntity, 'metricId' | 'departmentId'>) => `${e.metricId}:${e.departmentId ?? '*'}`;

/** The plan tree for a month, from the engine's persisted evaluations, rolled up to tasks and indicators. */
@Injectable()
export class PlanTreeService {
  constructor(
    private readonly plans: PlansRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  findPlan(planId: number): Promise<PlanEntity> {
    return this.plans.findByIdOrFail(planId);
  }

  /** The plan tree of a month (by default the latest with a period ended), with the months to choose from. */
  async buildPlanTree(planId: number, requestedPeriod?: string): Promise<PlanTreeResponse & { periods: string[] }> {
    const loaded = await this.load(planId);
    if (requestedPeriod !== undefined) checkMonthOfPlan(loaded.plan, requestedPeriod);
    const period = requestedPeriod ?? loaded.periods.at(-1) ?? null;
    const { plan } = loaded;
    const indicators = this.tree(loaded, period);
    return { ...toPlanSummaryResponse(plan), period, periods: loaded.periods, indicators, ...rollUp(indicators) };
  }

  /** Everything a plan's month views are built from, read once: structure and current evaluations. */
  async load(planId: number): Promise<LoadedPlan> {
    const plan = await this.findPlan(planId);
    const [structure, rows] = await Promise.all([
      this.plans.loadStructure(plan),
      this.evaluations.currentOfPlan(plan.id),
    ]);
    const today = this.clock.today();
    return { plan, structure, rows, today, periods: monthsWithPeriodEnds(rows, today) };
  }

  /** The tree as a month shows it: a past month what had ended by its last day; the current month also what is running. */
  tree(loaded: LoadedPlan, period: string | null): FirstLevelNode[] {
    if (!period) return buildTree(loaded.structure, new Map());
    const asOf = monthEndOfKey(period);
    return buildTree(loaded.structure, latestPeriodRows(loaded.rows, rowKey, asOf, asOf >= loaded.today));
  }
}

export interface LoadedPlan {
  plan: PlanEntity;
  structure: PlanStructure;
  rows: EvaluationEntity[];
  today: string;
  periods: string[];
}

function toRef(d: DepartmentEntity): DepartmentRef {
  return { code: d.code, name: d.name, isGroup: d.isGroup };
}

const NOTHING_YET = {
  status: 'grey' as const,
  reasonZh: '截至本月尚无已结束的报送期',
  reasonEn: 'No reporting period had ended by this month',
  periodKey: null,
};

function buildTree(s: PlanStructure, shown: Map<string, EvaluationEntity>): FirstLevelNode[] {
  const departmentById = s.departments;
  // Each list grouped once by its parent: a plan with 30 departments has thousands of rows to place.
  const links = groupBy(s.links, (l) => `${l.indicatorId}:${l.role}`);
  const linksOf = (indicatorId: number, role: 'lead' | 'responsible') =>
    (links.get(`${indicatorId}:${role}`) ?? []).map((l) => l.department);
  const departmentRows = groupBy(
    [...shown.values()].filter((row) => row.departmentId !== null),
    (row) => row.metricId,
  );
  const childrenOf = groupBy(s.indicators, (i) => i.parentId);
  const tasksOf = groupBy(s.tasks, (t) => t.indicatorId);
  const metricsOf = groupBy(s.metrics, (m) => m.taskId);

  const metricNode = (metric: PlanStructure['metrics'][number]): MetricNode => {
    const overall = shown.get(`${metric.id}:*`);
    const e = overall
      ? { status: overall.status, reasonZh: overall.reasonZh, reasonEn: overall.reasonEn, periodKey: overall.periodKey }
      : NOTHING_YET;
    return {
      id: metric.id,
      code: metric.code,
      name: metric.name,
      nameEn: metric.nameEn,
      kind: metric.kind,
      comparator: metric.comparator,
      target: metric.target,
      unit: metric.unit,
      period: metric.period,
      deadline: metric.deadline,
      source: metric.source,
      status: e.status,
      reasonZh: e.reasonZh,
      reasonEn: e.reasonEn,
      periodKey: e.periodKey,
      counts: countStatuses([e.status]),
      departments: (departmentRows.get(metric.id) ?? []).map((r) => {
        const d = departmentById.get(r.departmentId!);
        return {
          id: r.departmentId!,
          code: d?.code ?? String(r.departmentId),
          name: d?.name ?? '',
          status: r.status,
          basis: r.basis,
          reasonZh: r.reasonZh,
          reasonEn: r.reasonEn,
          value: r.value,
          periodKey: r.periodKey,
        };
      }),
    };
  };

  return s.indicators
    .filter((i) => i.level === 1)
    .map((first) => {
      const children: SecondLevelNode[] = (childrenOf.get(first.id) ?? []).map((second) => {
        const tasks: TaskNode[] = (tasksOf.get(second.id) ?? []).map((task) => {
          const metrics = (metricsOf.get(task.id) ?? []).map(metricNode);
          return { id: task.id, number: task.number, text: task.text, metrics, ...rollUp(metrics) };
        });
        return {
          id: second.id,
          number: second.number,
          title: second.title,
          leadDepartments: linksOf(second.id, 'lead').map(toRef),
          responsibleDepartments: linksOf(second.id, 'responsible').map(toRef),
          tasks,
          ...rollUp(tasks),
        };
      });
      return { id: first.id, number: first.number, title: first.title, children, ...rollUp(children) };
    });
}
