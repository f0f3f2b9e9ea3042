import type { ComparablePlan, ParsedPlan, PlanComparison, PlanSeed, SeedProblem } from '@taizhang/domain';

/** POST /api/plans/import (multipart: file + code, title, year, district) */
export interface ImportPreview {
  /** The text the parser read; every target's span is an offset into it. */
  text: string;
  parsed: ParsedPlan;
  /** The plan as it would be created; edit it (targets, names) and send it back to confirm. */
  seed: PlanSeed;
  /** What would stop it from being created, in Chinese and English; confirming is refused while any stands. */
  problems: SeedProblem[];
  /** The proposal against the latest earlier plan of the same district (basePlan null, nothing compared, when there is none). */
  comparison: ImportComparison;
}

/** Next year's ledger against this year's plan; the earlier plan itself is never changed by an import. */
export interface ImportComparison extends PlanComparison {
  basePlan: { id: number; code: string; title: string; year: number } | null;
  /** The earlier plan's tasks and metrics, so that the page can compare again as the reviewer edits the seed. */
  base: ComparablePlan | null;
}

/**
 * POST /api/plans/import/confirm, body: the preview's seed as the reviewer left it — targets edited (kind, comparator,
 * value, unit, period, reporting departments), discarded, or added from words of the source text; departments named
 * for those targets added to `departments`. The server keeps no preview state: it checks this seed as it stands.
 */
export interface ConfirmImportRequest {
  seed: PlanSeed;
}

/** POST /api/plans/import/confirm, 201 */
export interface ConfirmImportResponse {
  planId: number;
}
