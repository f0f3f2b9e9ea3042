import { evaluateOverall, type DepartmentResult } from './evaluate-overall';
import { evaluatePeriod, type FigureState } from './evaluate-period';
import type { EvaluationContext } from './evaluation';
import type { Figure } from './figure';
import type { RuledMetric } from './metric-rules';
import { reportingPeriods } from './period';
import type { Status } from './status';

/** A department that reports a metric, as the rules name it. */
export interface PreviewDepartment {
  id: number;
  code: string;
  name: string;
  isLead: boolean;
}

/** A metric's rules and reporters, before or after a proposed change. */
export interface RuleSet {
  metric: RuledMetric;
  departments: PreviewDepartment[];
}

export interface RuleChangeInput {
  before: RuleSet;
  after: RuleSet;
  year: number;
  /** The stored figure of a department for a period key, if any. */
  figureOf(departmentId: number, periodKey: string): Figure | undefined;
  stateOf?(departmentId: number, periodKey: string): FigureState;
  ctx: EvaluationContext;
}

/** One period of one department (or overall, departmentId null) whose status the change would alter; null: no status (not a period or reporter then). */
export interface StatusChange {
  periodKey: string;
  departmentId: number | null;
  before: Status | null;
  after: Status | null;
  reasonZh: string;
  reasonEn: string;
}

export interface RuleChangePreview {
  changes: StatusChange[];
  /** Statuses judged under both rule sets that stay as they are. */
  unchanged: number;
}

interface Judged {
  status: Status;
  reasonZh: string;
  reasonEn: string;
}

/** Every status the rules give on the stored figures, keyed `${periodKey}:${departmentId ?? '*'}`: periods begun by today only, as the engine judges. */
function judgeAll(rules: RuleSet, input: RuleChangeInput): Map<string, Judged> {
  const out = new Map<string, Judged>();
  for (const period of reportingPeriods(rules.metric, input.year)) {
    if (period.start > input.ctx.today) continue;
    const results: DepartmentResult[] = rules.departments.map((d) => {
      const figure = input.figureOf(d.id, period.key);
      return {
        department: d,
        figure,
        evaluation: evaluatePeriod(rules.metric, period, figure, input.ctx, input.stateOf?.(d.id, period.key) ?? {}),
      };
    });
    results.forEach((r, i) => out.set(`${period.key}:${rules.departments[i].id}`, r.evaluation));
    out.set(`${period.key}:*`, evaluateOverall(rules.metric, period, results, input.ctx));
  }
  return out;
}

/**
 * How a metric's statuses would change under proposed rules (target, comparator, band, due days, frequency,
 * reporters): both rule sets judged on the same stored figures, so that only the change shows. Ordered by
 * period, overall first; a period or department that exists on one side only changes from or to null.
 */
export function previewRuleChange(input: RuleChangeInput): RuleChangePreview {
  const before = judgeAll(input.before, input);
  const after = judgeAll(input.after, input);
  const changes: StatusChange[] = [];
  let unchanged = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key);
    const a = after.get(key);
    if (b && a && b.status === a.status) {
      unchanged += 1;
      continue;
    }
    const [periodKey, department] = splitKey(key);
    const shown = a ?? b!;
    changes.push({
      periodKey,
      departmentId: department,
      before: b?.status ?? null,
      after: a?.status ?? null,
      reasonZh: shown.reasonZh,
      reasonEn: shown.reasonEn,
    });
  }
  changes.sort((x, y) => x.periodKey.localeCompare(y.periodKey) || (x.departmentId ?? -1) - (y.departmentId ?? -1));
  return { changes, unchanged };
}

function splitKey(key: string): [string, number | null] {
  const at = key.lastIndexOf(':');
  const department = key.slice(at + 1);
  return [key.slice(0, at), department === '*' ? null : Number(department)];
}
