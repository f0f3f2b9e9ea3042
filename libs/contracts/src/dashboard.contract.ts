import type { NoticeLevel, NoticeState, Status, StatusCounts } from '@taizhang/domain';
import type { MetricForecast } from './metric.contract';
import type { DepartmentRef } from './plan.contract';

export interface IndicatorSummary {
  id: number;
  number: number;
  title: string;
  status: Status;
  counts: StatusCounts;
}

/** A metric that needs attention, with who owns it and why. */
export interface AttentionItem {
  metricId: number;
  code: string;
  name: string;
  nameEn: string;
  status: Status;
  reasonZh: string;
  reasonEn: string;
  periodKey: string | null;
  task: { id: number; number: number; text: string };
  secondLevel: { id: number; number: number; title: string };
  firstLevel: { id: number; number: number; title: string };
  leadDepartments: DepartmentRef[];
  responsibleDepartments: DepartmentRef[];
  /** Every department whose own figures for the period are red or amber (red first), each with its figure and its notice. */
  failingDepartments: AttentionDepartment[];
  /** Where its year will end (see MetricForecast); null without a forecast. A green metric is listed when this misses the target. */
  forecast: AttentionForecast | null;
}

export type AttentionForecast = Pick<MetricForecast, 'status' | 'projected' | 'requiredPace' | 'reasonZh' | 'reasonEn'>;

/** One department behind a metric on the attention list: its own status, figure and reason, and its 督办单 if one was issued. */
export interface AttentionDepartment {
  id: number;
  code: string;
  name: string;
  status: Status;
  value: number | null;
  reasonZh: string;
  reasonEn: string;
  periodKey: string;
  notice: { id: number; level: NoticeLevel; state: NoticeState; replyDue: string } | null;
}

/** 未达标，按责任单位: one department and every red metric it owes a fix for, worst first. */
export interface RedDepartmentGroup {
  /** Null for red metrics that name no reporting department. */
  department: { id: number; code: string; name: string } | null;
  /** The longest wait among its missing figures, in calendar days; null when none is overdue. */
  mostDaysOverdue: number | null;
  items: RedDepartmentItem[];
}

/** A red metric as one department owes it: its own figure and reason, when it was due and how long ago. */
export interface RedDepartmentItem {
  metricId: number;
  code: string;
  name: string;
  nameEn: string;
  periodKey: string | null;
  value: number | null;
  reasonZh: string;
  reasonEn: string;
  dueDate: string | null;
  /** Calendar days from the due date to the summary's `asOf` for a figure not reported; null otherwise. */
  daysOverdue: number | null;
}

/** GET /api/dashboard/summary?planId=…&period=YYYY-MM */
export interface DashboardSummaryResponse {
  planId: number;
  /** The month evaluated; defaults to the latest month with data. */
  period: string | null;
  /** Months that have evaluations, oldest first, for the period selector. */
  periods: string[];
  metricCount: number;
  counts: StatusCounts;
  /** Green among judged metrics (grey left out), in percent; null when nothing is judged. */
  shareGreen: number | null;
  /** Figures due by the month's end that arrived on time, in percent; null when nothing was due. */
  onTimeRate: number | null;
  /** The month before, for "change since the previous month"; null in the first month. */
  previous: { period: string; counts: StatusCounts; shareGreen: number | null; onTimeRate: number | null } | null;
  /** First-level indicators, each with its second-level indicators. */
  indicators: Array<IndicatorSummary & { children: IndicatorSummary[] }>;
  /** Every red metric, then every amber one, then every green one whose forecast misses the year's target. */
  attention: AttentionItem[];
  /** Every red metric placed under the department that owes the fix, the unit with the most red first. */
  redByDepartment: RedDepartmentGroup[];
  /** The day overdue waits are counted to: today, whichever month is shown (a missing figure is still missing). */
  asOf: string;
  demo: boolean;
  /** When the last evaluation cycle finished; null before the first. */
  evaluatedAt: string | null;
}

/** GET /api/dashboard/trend?planId=…: status counts month by month. */
export interface DashboardTrendResponse {
  planId: number;
  months: Array<{ period: string; counts: StatusCounts; shareGreen: number | null }>;
}

/** GET /api/dashboard/departments?planId=…&period=…: 横向排名. */
export interface DepartmentComparisonResponse {
  planId: number;
  period: string | null;
  departments: Array<{
    id: number;
    code: string;
    name: string;
    metricCount: number;
    counts: StatusCounts;
    compliance: number | null;
    onTimeRate: number | null;
    rank: number;
  }>;
}
