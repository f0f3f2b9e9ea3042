import type { Comparator, EvaluationBasis, MetricDefinition, MetricUnit, Status, StatusCounts } from '@taizhang/domain';

/** GET /api/plans */
export interface PlanSummaryResponse {
  id: number;
  code: string;
  title: string;
  year: number;
  district: string;
  /** True when the plan's submissions are generated demo data. */
  demo: boolean;
  /** Working days before a due date that the "due soon" reminder goes out. */
  remindBeforeWorkingDays: number;
  /** Working days after a due date before the overdue reminder (0: the day after). */
  remindOverdueAfterWorkingDays: number;
}

/** PATCH /api/plans/:id/settings (admin): either or both lead times, 0–30 working days. */
export interface PlanSettingsRequest {
  remindBeforeWorkingDays?: number;
  remindOverdueAfterWorkingDays?: number;
}

export interface DepartmentRef {
  code: string;
  name: string;
  /** A department group ("其他部门、各街道按职责分别负责") rather than a single department. */
  isGroup: boolean;
}

/** Every node of the plan tree carries its status and the counts of metric statuses beneath it. */
export interface StatusedNode {
  status: Status;
  counts: StatusCounts;
}

export interface MetricNode extends StatusedNode, MetricDefinition {
  id: number;
  source: string;
  reasonZh: string;
  reasonEn: string;
  /** The reporting period the status comes from ("2020-03", "2020-Q1", "2020"); null when none has begun. */
  periodKey: string | null;
  /** One evaluation per reporting department, for the same month. */
  departments: Array<{
    id: number;
    code: string;
    name: string;
    status: Status;
    basis: EvaluationBasis;
    reasonZh: string;
    reasonEn: string;
    value: number | null;
    periodKey: string;
  }>;
}

export interface TaskNode extends StatusedNode {
  id: number;
  number: number;
  text: string;
  metrics: MetricNode[];
}

export interface SecondLevelNode extends StatusedNode {
  id: number;
  number: number;
  title: string;
  leadDepartments: DepartmentRef[];
  responsibleDepartments: DepartmentRef[];
  tasks: TaskNode[];
}

export interface FirstLevelNode extends StatusedNode {
  id: number;
  number: number;
  title: string;
  children: SecondLevelNode[];
}

/** GET /api/plans/:id?period=YYYY-MM */
export interface PlanTreeResponse extends PlanSummaryResponse, StatusedNode {
  /** The month the statuses are evaluated for. */
  period: string | null;
  indicators: FirstLevelNode[];
}

/** GET /api/metrics/:id/series: the figures per period for the metric chart, with target and band. */
export interface MetricSeriesResponse {
  metricId: number;
  unit: MetricUnit;
  comparator: Comparator;
  /** The target and amber band in the unit the series is drawn in (percent of compliant cases for case metrics). */
  target: number | null;
  band: number | null;
  overall: SeriesPoint[];
  departments: Array<{ id: number; code: string; name: string; points: SeriesPoint[] }>;
}

export interface SeriesPoint {
  period: string;
  periodEnd: string;
  value: number | null;
  /** The target the value was judged against (pro rata for yearly counts). */
  target: number | null;
  status: Status;
}
