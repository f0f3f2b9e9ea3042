import type { CaseRecord, Evaluation, Figure, SoftRuleFinding } from '@taizhang/domain';

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
  /** 说明: why the figure trips a soft rule (late, a jump, exactly 100% without evidence, 0/0 when overdue); required when it does. */
  explanation?: string;
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
  /** The clerk's explanation (说明) of the soft rules it tripped, null when none asked for one. */
  explanation: string | null;
  /** The soft rules this revision tripped: it is flagged for leaders when there is any. */
  flags: SoftRuleFinding[];
  submittedBy: string | null;
  createdAt: string;
}

/** An evidence file as stored: its type read from the bytes, named by its checksum on disk. */
export interface EvidenceResponse {
  id: number;
  submissionId: number;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface CreateSubmissionResponse {
  submission: SubmissionResponse;
  /** The evidence sent with the figure (multipart field `file`), saved in the same transaction. */
  evidence: EvidenceResponse[];
  /** What the submission caused, evaluated at once: this department's status and the metric's overall status. */
  evaluation: { department: Evaluation; overall: Evaluation };
}

/** GET /api/submissions?metricId=&departmentId=: every revision with its returns and evidence. */
export interface RevisionResponse extends SubmissionResponse {
  returns: Array<{ comment: string; at: string; by: string | null }>;
  evidence: Array<{ id: number; filename: string; mimeType: string; size: number; sha256: string; createdAt: string }>;
  /** A leader accepted the flagged figure with its explanation. */
  acceptance: FlagAcceptance | null;
}

export interface FlagAcceptance {
  by: string | null;
  at: string;
  comment: string | null;
}

/** Where a flagged figure stands with leaders: awaiting a look, accepted, returned, or corrected by a later revision. */
export type FlagState = 'pending' | 'accepted' | 'returned' | 'superseded';

/** GET /api/submissions/flagged?planId=&period=: every revision that tripped a soft rule, with its explanation. */
export interface FlaggedSubmission {
  submissionId: number;
  metricId: number;
  metricCode: string;
  metricName: string;
  metricNameEn: string;
  unit: string;
  departmentId: number;
  departmentName: string;
  period: string;
  revision: number;
  figure: Figure;
  explanation: string | null;
  flags: SoftRuleFinding[];
  evidenceCount: number;
  submittedBy: string | null;
  createdAt: string;
  state: FlagState;
  acceptance: FlagAcceptance | null;
  returnComment: string | null;
}

export interface FlaggedSubmissionsResponse {
  planId: number;
  /** The month asked for (periods ending in it) or a period key; null for the whole plan. */
  period: string | null;
  items: FlaggedSubmission[];
}

/** POST /api/submissions/:id/accept: a leader accepts a flagged figure and its explanation. */
export interface AcceptSubmissionRequest {
  comment?: string;
}
