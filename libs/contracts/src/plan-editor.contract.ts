import type { Comparator, MetricDefinition, MetricTerms } from '@taizhang/domain';
import type { PlanSummaryResponse } from './plan.contract';

/** A metric as the plan editor shows it; retired ones stay listed, marked, with their history readable on the metric page. */
export interface EditorMetric extends MetricDefinition {
  id: number;
  source: string;
  note: string | null;
  reportingDepartmentIds: number[];
  /** Revisions of figures submitted for it: a metric with any (or notices, comments) is retired, not deleted. */
  submissions: number;
  deletable: boolean;
  retiredAt: string | null;
}

export interface EditorTask {
  id: number;
  number: number;
  text: string;
  retiredAt: string | null;
  metrics: EditorMetric[];
}

export interface EditorSecondLevel {
  id: number;
  number: number;
  title: string;
  leadDepartmentIds: number[];
  responsibleDepartmentIds: number[];
  retiredAt: string | null;
  tasks: EditorTask[];
}

export interface EditorFirstLevel {
  id: number;
  number: number;
  title: string;
  retiredAt: string | null;
  children: EditorSecondLevel[];
}

/** GET /api/plans/:id/outline (admin): the whole structure, live and retired, in outline order. */
export interface PlanOutlineResponse {
  plan: PlanSummaryResponse;
  indicators: EditorFirstLevel[];
}

/** POST /api/plans/:id/indicators: a first-level indicator without parentId, a second-level one under parentId; added last. */
export interface CreateIndicatorRequest {
  parentId?: number;
  title: string;
}

/** PATCH /api/plans/:id/indicators/:indicatorId; position (0-based among live siblings) reorders. Departments: second levels only. */
export interface UpdateIndicatorRequest {
  title?: string;
  position?: number;
  leadDepartmentIds?: number[];
  responsibleDepartmentIds?: number[];
}

/** POST /api/plans/:id/tasks: added last under its second-level indicator. */
export interface CreateTaskRequest {
  indicatorId: number;
  text: string;
}

/** PATCH /api/plans/:id/tasks/:taskId; indicatorId moves it to another second level (last), position reorders. */
export interface UpdateTaskRequest {
  text?: string;
  indicatorId?: number;
  position?: number;
}

/** POST /api/plans/:id/metrics */
export interface CreateMetricRequest extends MetricTerms {
  taskId: number;
  name: string;
  nameEn?: string;
  source: string;
  note?: string | null;
  /** Omitted: the named (non-group) lead and responsible departments of its second-level indicator. */
  reportingDepartmentIds?: number[];
}

/** PATCH /api/plans/:id/metrics/:metricId: kind, unit and period stay (figures are of that kind); retire and add a new metric to change them. */
export interface UpdateMetricDefinitionRequest {
  name?: string;
  nameEn?: string;
  comparator?: Comparator;
  target?: number;
  deadline?: string;
  source?: string;
  note?: string | null;
  taskId?: number;
  reportingDepartmentIds?: number[];
}

/** POST …/retire of a metric: which periods keep their history and which are no longer due. */
export interface RetireResponse {
  retiredAt: string;
  metrics: Array<{ id: number; kept: string[]; dropped: string[] }>;
}

/** POST /api/plans/:id/next-year: code and title default to the year moved on (hongqiao-2020 → hongqiao-2021). */
export interface NextYearRequest {
  code?: string;
  title?: string;
}

export interface NextYearResponse {
  plan: PlanSummaryResponse;
  indicators: number;
  tasks: number;
  metrics: number;
}
