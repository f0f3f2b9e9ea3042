/** POST /api/metrics/:id/comments: a leader's or a reporting department's remark on one period of a metric. */
export interface CreateMetricCommentRequest {
  /** The metric's reporting period in its plan: "2020-06", "2020-Q2" or "2020". */
  period: string;
  /** 1 to 1000 characters, at least one of them visible. */
  text: string;
}

/** One comment on a metric's period; comments are never edited or deleted. */
export interface MetricCommentResponse {
  id: number;
  metricId: number;
  period: string;
  /** The commenter's department; null for a leader. */
  department: { id: number; name: string } | null;
  username: string;
  text: string;
  createdAt: string;
}
