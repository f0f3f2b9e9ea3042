import type { Comparator, EvaluationBasis, MetricKind, MetricUnit, ReportingFrequency, Status } from '@taizhang/domain';

/** One evaluation of a metric (overall when departmentId is null) for one reporting period. */
export interface EvaluationResponse {
  departmentId: number | null;
  period: string;
  periodEnd: string;
  status: Status;
  basis: EvaluationBasis;
  value: number | null;
  target: number | null;
  reasonZh: string;
  reasonEn: string;
  evaluatedAt: string;
  supersededAt: string | null;
}

/** GET /api/metrics/:id and each item of GET /api/metrics?planId=&departmentId=. */
export interface MetricResponse {
  id: number;
  planId: number;
  taskId: number;
  code: string;
  name: string;
  nameEn: string;
  kind: MetricKind;
  comparator: Comparator;
  target: number | null;
  unit: MetricUnit;
  deadline: string | null;
  frequency: ReportingFrequency;
  tolerance: number | null;
  dueWorkingDays: number;
  warnWorkingDays: number;
  consolidated: boolean;
  source: string;
  current: EvaluationResponse | null;
  departments: EvaluationResponse[];
  /** Who reports its figures (GET /api/metrics/:id only): by default the departments its task names; an admin may change them. */
  reportingDepartments?: Array<{ id: number; code: string; name: string }>;
}
