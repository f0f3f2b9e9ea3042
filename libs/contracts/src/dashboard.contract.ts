import type { Status, StatusCounts } from '@taizhang/domain';

/** GET /api/dashboard/summary?planId=…&period=YYYY-MM */
export interface DashboardSummaryResponse {
  planId: number;
  /** The month evaluated; defaults to the latest month with data. */
  period: string | null;
  /** Months that have submissions, oldest first, for the period selector. */
  periods: string[];
  metricCount: number;
  counts: StatusCounts;
  indicators: Array<{ id: number; number: number; title: string; status: Status; counts: StatusCounts }>;
  demo: boolean;
  /** When the last evaluation cycle finished; null before the first. */
  evaluatedAt: string | null;
}
