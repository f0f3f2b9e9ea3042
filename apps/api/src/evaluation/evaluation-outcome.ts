import type { EvaluationOutcome } from '@taizhang/domain';

const OUTCOME_FIELDS = ['status', 'basis', 'value', 'target', 'reasonZh', 'reasonEn'] as const;

/** Only the outcome of a row or a domain evaluation (no ids, dates or the provisional mark, which the reasons carry). */
export function outcomeOf(e: EvaluationOutcome): EvaluationOutcome {
  return {
    status: e.status,
    basis: e.basis,
    value: e.value,
    target: e.target,
    reasonZh: e.reasonZh,
    reasonEn: e.reasonEn,
  };
}

/** Re-evaluating unchanged data writes nothing: only a different outcome is a change. */
export function sameOutcome(a: EvaluationOutcome, b: EvaluationOutcome): boolean {
  return OUTCOME_FIELDS.every((k) => a[k] === b[k]);
}
