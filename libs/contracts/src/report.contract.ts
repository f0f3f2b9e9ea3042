/** GET /api/reports: every version of every month's report. */
export interface ReportListItem {
  id: number;
  planId: number;
  month: string;
  version: number;
  trigger: 'schedule' | 'manual';
  generatedAt: string;
  /** SHA-256 of the frozen snapshot. */
  checksum: string;
  /** Appendix rows changed since the previous version of the same month. */
  revisedCount: number;
}
