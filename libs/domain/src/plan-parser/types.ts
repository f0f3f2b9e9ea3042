import type { MetricTerms } from '../metric';

/** A stretch of the parser's input: `input.slice(start, end) === text`. Offsets are UTF-16 code units. */
export interface SourceSpan {
  start: number;
  end: number;
  text: string;
}

/** Something the parser saw but could not decide; left for a person rather than dropped or guessed. */
export interface UnresolvedItem extends SourceSpan {
  reason: string;
}

/** A quantitative target read from plan text, already in the shape of the seed's metric fields. */
export interface ParsedTarget extends MetricTerms {
  /** The words before the figure that say what is measured (best effort, for people). */
  subject: string;
  /** The matched words; `input.slice(span.start, span.end) === span.text`. */
  span: SourceSpan;
  /** 0..1: how sure the reading is (explicit comparator and unit ≈ 0.9; defaults and repairs lower). */
  confidence: number;
  /** Every assumption made to reach this reading, in words. */
  notes: string[];
}

export interface TargetExtraction {
  targets: ParsedTarget[];
  unresolved: UnresolvedItem[];
}

/** Departments named by one or more 牵头/责任 lines. Groups are generic phrases ("其他部门、各街道按职责分别负责"). */
export interface DepartmentAssignment {
  lead: string[];
  leadGroups: string[];
  responsible: string[];
  responsibleGroups: string[];
}

export interface ParsedTask {
  number: number;
  /** The task's lines, trimmed, joined with "\n". */
  text: string;
  /** From the first to the last character of the task's text in the input. */
  span: SourceSpan;
  departments: DepartmentAssignment;
  /** True when no department line of its own applies and the previous one carries over. */
  departmentsCarriedOver: boolean;
  targets: ParsedTarget[];
}

export interface ParsedSecondLevel {
  number: number;
  title: string;
  span: SourceSpan;
  /** Union, in order of appearance, of the department lines inside this indicator (or the carried-over one). */
  departments: DepartmentAssignment;
  departmentsCarriedOver: boolean;
  tasks: ParsedTask[];
}

export interface ParsedFirstLevel {
  number: number;
  title: string;
  span: SourceSpan;
  children: ParsedSecondLevel[];
}

export interface ParsedPlan {
  indicators: ParsedFirstLevel[];
  /** Every department name met, in order of first appearance (after aliases). */
  departments: string[];
  /** Every department group met, by canonical name. */
  departmentGroups: string[];
  unresolved: UnresolvedItem[];
}

export interface ParseOptions {
  /** Variant name → canonical department name, e.g. a short form used once in a ledger. */
  departmentAliases?: Readonly<Record<string, string>>;
}

export function emptyAssignment(): DepartmentAssignment {
  return { lead: [], leadGroups: [], responsible: [], responsibleGroups: [] };
}
