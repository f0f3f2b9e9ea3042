import type { EvaluationBasis, FigureType, QueueState, Status } from '@taizhang/domain';

/** GET /api/queue?planId=&departmentId=: what a department has to report, most urgent first. */
export interface QueueItem {
  metricId: number;
  metricCode: string;
  metricName: string;
  metricNameEn: string;
  /** The figure forms this metric accepts, for the entry form. */
  accepts: FigureType[];
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
  items: QueueItem[];
}
