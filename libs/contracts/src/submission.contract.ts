import type { CaseRecord, Evaluation, Figure } from '@taizhang/domain';

/** POST /api/submissions: exactly one form of figure. */
export interface CreateSubmissionRequest {
  metricId: number;
  departmentId: number;
  period: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  completedOn?: string | null;
  cases?: Array<Pick<CaseRecord, 'reference'> & { startDate?: string; completedOn?: string | null; value?: number }>;
  note?: string;
  /** Why a revision corrects the previous one; required from the second revision on. */
  reason?: string;
}

export interface SubmissionResponse {
  id: number;
  metricId: number;
  departmentId: number;
  period: string;
  revision: number;
  figure: Figure;
  note: string | null;
  reason: string | null;
  submittedBy: string | null;
  createdAt: string;
}

export interface CreateSubmissionResponse {
  submission: SubmissionResponse;
  /** What the submission caused, evaluated at once: this department's status and the metric's overall status. */
  evaluation: { department: Evaluation; overall: Evaluation };
}

/** GET /api/submissions?metricId=&departmentId=: every revision with its returns and evidence. */
export interface RevisionResponse extends SubmissionResponse {
  returns: Array<{ comment: string; at: string; by: string | null }>;
  evidence: Array<{ id: number; filename: string; mimeType: string; size: number; sha256: string; createdAt: string }>;
}
