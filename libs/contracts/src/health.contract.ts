/** GET /api/health */
export interface HealthResponse {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
  demo: boolean;
  /** The date the engine evaluates as of (Beijing time). */
  today: string;
  evaluation: {
    cron: string;
    /** scope — full: every period of every plan; due: what changed or what time moved (scheduled cycles). */
    lastRun: {
      scope: 'full' | 'due';
      startedAt: string;
      finishedAt: string;
      durationMs: number;
      evaluated: number;
      changed: number;
      error: string | null;
    } | null;
    nextRun: string | null;
  };
  /** Years whose working days are computed, not yet from an official notice, that plans rest on now. */
  calendar: { provisionalYearsInUse: number[] };
}

/** The body of every 4xx/5xx answer: a code a program can match, and a message a clerk can act on. */
export interface ErrorResponse {
  statusCode: number;
  code: string;
  messageZh: string;
  messageEn: string;
  /** Row-by-row problems of a bulk upload, when there are any. */
  details?: Array<{ sheet: string; row: number; messageZh: string; messageEn: string }>;
  /** The soft rules a figure tripped (EXPLANATION_REQUIRED): what to explain, with machine-readable codes. */
  rules?: Array<{ rule: string; messageZh: string; messageEn: string }>;
  /** Fields the request must fill in to be accepted (e.g. "reason", "explanation"). */
  fields?: string[];
}
