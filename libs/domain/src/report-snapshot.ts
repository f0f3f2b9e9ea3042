import type { ForecastStatus } from './forecast';
import type { Status, StatusCounts } from './status';

/** A monthly report frozen at generation: everything the Excel, PDF and CSV editions print, in both languages. */
export interface ReportSnapshot {
  plan: { id: number; title: string; year: number; district: string };
  month: string;
  version: number;
  generatedAt: string;
  /** When the evaluations it reports were last computed. */
  dataAsOf: string | null;
  headline: {
    metricCount: number;
    counts: StatusCounts;
    shareGreen: number | null;
    onTimeRate: number | null;
    previous: { month: string; counts: StatusCounts; shareGreen: number | null; onTimeRate: number | null } | null;
  };
  indicators: Array<{ level: 1 | 2; number: number; title: string; status: Status; counts: StatusCounts }>;
  attention: Array<{
    code: string;
    name: string;
    nameEn: string;
    status: Status;
    reasonZh: string;
    reasonEn: string;
    task: string;
    departments: string;
  }>;
  /** Where each yearly rate and count will end, worst forecast first (absent from reports made before forecasts). */
  forecasts?: ReportForecastRow[];
  departments: Array<{
    rank: number;
    name: string;
    metricCount: number;
    counts: StatusCounts;
    compliance: number | null;
    onTimeRate: number | null;
  }>;
  trend: Array<{ month: string; counts: StatusCounts; shareGreen: number | null }>;
  /** Supervision notices (督办单) in the month: issued, answered by their deadline, escalated, closed. */
  notices?: { issued: number; answeredOnTime: number; escalated: number; closed: number };
  appendix: ReportMetricRow[];
  /** Comments on the period each metric shows this month, oldest first (absent from reports made before comments). */
  notes?: ReportNote[];
}

/** A leader's or a department's comment, as the report's notes print it. */
export interface ReportNote {
  code: string;
  name: string;
  nameEn: string;
  period: string;
  username: string;
  /** The commenter's department; null for a leader. */
  department: string | null;
  at: string;
  text: string;
}

/** A metric's year-end forecast as the report prints it (see forecast.ts). */
export interface ReportForecastRow {
  code: string;
  name: string;
  nameEn: string;
  /** Its status this month. */
  status: Status;
  forecast: ForecastStatus;
  projected: number;
  target: string;
  targetEn: string;
  reasonZh: string;
  reasonEn: string;
}

export interface ReportMetricRow {
  code: string;
  name: string;
  nameEn: string;
  taskNumber: number;
  status: Status;
  value: number | null;
  target: string;
  targetEn: string;
  reasonZh: string;
  reasonEn: string;
  /** Changed since the previous version of the same month's report. */
  revised: boolean;
}

/** Marks the appendix rows whose status, figure or reason differ from the previous version of the report. */
export function markRevisions(rows: ReportMetricRow[], previous: ReportMetricRow[] | null): ReportMetricRow[] {
  if (!previous) return rows.map((r) => ({ ...r, revised: false }));
  const before = new Map(previous.map((r) => [r.code, r]));
  return rows.map((r) => {
    const p = before.get(r.code);
    return { ...r, revised: !p || p.status !== r.status || p.value !== r.value || p.reasonZh !== r.reasonZh };
  });
}

/** Text a spreadsheet would read as a formula (= + - @, and tab/CR) is prefixed with a quote so it stays text. */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
