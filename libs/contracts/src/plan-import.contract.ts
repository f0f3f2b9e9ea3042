import type { ParsedPlan, PlanSeed } from '@taizhang/domain';

/** POST /api/plans/import (multipart: file + code, title, year, district) */
export interface ImportPreview {
  /** The text the parser read; every target's span is an offset into it. */
  text: string;
  parsed: ParsedPlan;
  /** The plan as it would be created; edit it (targets, names) and send it back to confirm. */
  seed: PlanSeed;
  /** What would stop it from being created, in words. */
  problems: string[];
}

/** POST /api/plans/import/confirm, body */
export interface ConfirmImportRequest {
  seed: PlanSeed;
}

/** POST /api/plans/import/confirm, 201 */
export interface ConfirmImportResponse {
  planId: number;
}
