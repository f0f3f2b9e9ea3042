import type {
  Comparator,
  EvaluationOutcome,
  Forecast,
  ReportingFrequency,
  RuledMetric,
  Status,
} from '@taizhang/domain';

/** One evaluation of a metric (overall when departmentId is null) for one reporting period. */
export interface EvaluationResponse extends EvaluationOutcome {
  departmentId: number | null;
  period: string;
  periodEnd: string;
  evaluatedAt: string;
  supersededAt: string | null;
}

/** GET /api/metrics/:id and each item of GET /api/metrics?planId=&departmentId=. */
export interface MetricResponse extends RuledMetric {
  id: number;
  planId: number;
  taskId: number;
  source: string;
  current: EvaluationResponse | null;
  departments: EvaluationResponse[];
  /** Who reports its figures (GET /api/metrics/:id only): by default the departments its task names; an admin may change them. */
  reportingDepartments?: Array<{ id: number; code: string; name: string }>;
  /** Where the year will end, as of the period shown (GET /api/metrics/:id only); null for a metric without a yearly target reported during the year. */
  forecast?: MetricForecast | null;
}

/**
 * Where a metric's year will end from its year-to-date figures so far: yearly counts at their linear pace
 * (running total × 12 ÷ months elapsed), rates and other levels at the mean of their last three periods.
 */
export type MetricForecast = Forecast;

/** PATCH /api/metrics/:id and POST /api/metrics/:id/preview (admins): the rules to change; only what is given changes. */
export interface UpdateMetricRequest {
  target?: number;
  comparator?: Comparator;
  /** The amber band; null for the default (5 points for percents, 10% of the target otherwise). */
  tolerance?: number | null;
  dueWorkingDays?: number;
  warnWorkingDays?: number;
  frequency?: ReportingFrequency;
  consolidated?: boolean;
  reportingDepartmentIds?: number[];
}

/** One period of one department (or overall) whose status the proposed rules would change; null: none (no such period or reporter). */
export interface MetricStatusChange {
  period: string;
  departmentId: number | null;
  /** The department's name; null for the overall status. */
  departmentName: string | null;
  before: Status | null;
  after: Status | null;
  reasonZh: string;
  reasonEn: string;
}

/** POST /api/metrics/:id/preview: what saving the same body would do to the statuses, judged on the stored figures. Writes nothing. */
export interface MetricPreviewResponse {
  metricId: number;
  changes: MetricStatusChange[];
  /** Statuses that stay as they are. */
  unchanged: number;
}
