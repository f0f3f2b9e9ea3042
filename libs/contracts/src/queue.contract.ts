import type { EvaluationBasis, FigureType, QueueFilter, QueueState, RatioLabels, Status } from '@taizhang/domain';

/** GET /api/queue?planId=&departmentId=&state=&q=&page=&pageSize=: what a department has to report, most urgent first. */
export interface QueueItem {
  metricId: number;
  metricCode: string;
  metricName: string;
  metricNameEn: string;
  /** The figure forms this metric accepts, for the entry form. */
  accepts: FigureType[];
  /** What the numerator and denominator stand for, in the metric's words; null when it takes no ratio. */
  ratioLabels: RatioLabels | null;
  unit: string;
  targetLabelZh: string;
  targetLabelEn: string;
  period: string;
  periodEnd: string;
  dueDate: string;
  /** The due date is counted on a provisional calendar year (no official notice yet): it may move when the notice comes. */
  dueDateProvisional: boolean;
  state: QueueState;
  latestRevision: { id: number; revision: number; createdAt: string } | null;
  /** The comment of the return, when the latest revision was sent back. */
  returnComment: string | null;
  evaluation: { status: Status; basis: EvaluationBasis; reasonZh: string; reasonEn: string } | null;
}

export interface QueueResponse {
  planId: number;
  departmentId: number;
  departmentName: string;
  today: string;
  /** The tab shown (?state=, 'all' by default) and the search (?q=). */
  filter: QueueFilter;
  q: string;
  /** How many items each tab holds, of those the search found. */
  counts: Record<QueueFilter, number>;
  /** Items in the tab shown; `items` is its page `page` of `pages` (?page=&pageSize=; without pageSize, every item). */
  total: number;
  page: number;
  pageSize: number | null;
  pages: number;
  items: QueueItem[];
}
