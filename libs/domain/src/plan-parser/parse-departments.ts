import { ROLE_LABEL } from './classify-cell';
import { emptyAssignment, type DepartmentAssignment } from './types';

/**
 * Generic collectives. Plans end department lists with phrases such as "其他部门、各街道按职责分别负责" or
 * "…等部门以及各街道按职责分别负责": these name no department, so they become a department GROUP.
 * "等部门" (and other departments) means the same as "其他部门".
 */
const COLLECTIVE =
  /(?:及|以及|和)?(等部门|等单位|其他相关部门|其他部门|其他单位|有关部门|相关部门|各部门|各街道|各乡镇|各镇街)/;
const OTHERS = /等部门|等单位|其他|有关部门|相关部门|各部门/;

export interface DepartmentLineResult {
  assignment: DepartmentAssignment;
  /** Problems in words, with the offending words (offsets are relative to the parsed text). */
  problems: Array<{ start: number; end: number; reason: string }>;
}

/** Canonical name of a generic phrase, so that every wording of "others and the sub-districts by duty" is one group. */
export function canonicalGroupName(phrase: string): string {
  const parts: string[] = [];
  if (OTHERS.test(phrase)) parts.push('其他部门');
  if (/各街道/.test(phrase)) parts.push('各街道');
  if (/各乡镇|各镇街/.test(phrase)) parts.push('各乡镇');
  return parts.join('、') + (/按职责/.test(phrase) ? '按职责分别负责' : '');
}

/** Splits "区司法局、区政府办;" or "区委编办、其他部门、各街道按职责分别负责" into names and groups. */
export function parseNameList(
  text: string,
  aliases: Readonly<Record<string, string>> = {},
): { names: string[]; groups: string[]; problems: Array<{ start: number; end: number; reason: string }> } {
  const names: string[] = [];
  const groups: string[] = [];
  const problems: Array<{ start: number; end: number; reason: string }> = [];
  for (const part of text.matchAll(/[^;;]+/g)) {
    let named = part[0];
    const collective = COLLECTIVE.exec(named);
    if (collective) {
      const group = canonicalGroupName(named.slice(collective.index));
      if (group && !groups.includes(group)) groups.push(group);
      named = named.slice(0, collective.index);
    }
    for (const token of named.matchAll(/[^、,,\s]+/g)) {
      const name = token[0].replace(/[。.::;;]+$/, '');
      if (!name) continue;
      const canonical = aliases[name] ?? name;
      if (!names.includes(canonical)) names.push(canonical);
      // Department names are short nouns; anything long or with digits is probably text that slipped in.
      if (name.length > 20 || /\d/.test(name)) {
        const start = part.index! + token.index!;
        problems.push({
          start,
          end: start + token[0].length,
          reason: '不像部门名称 does not look like a department name',
        });
      }
    }
  }
  return { names, groups, problems };
}

export type Role = 'lead' | 'responsible';

/**
 * Reads one department cell. A cell may hold both labels ("牵头单位:…;责任部门:…"), or none when it
 * continues the previous cell's list (a lead line broken in two: "牵头部门:区司法局" + "区政府办;"):
 * then its names go to `continuing`, the role of the previous cell.
 */
export function parseDepartmentText(
  text: string,
  aliases: Readonly<Record<string, string>> = {},
  continuing: Role | null = null,
): DepartmentLineResult & { lastRole: Role | null } {
  const assignment = emptyAssignment();
  const problems: DepartmentLineResult['problems'] = [];
  const labels = [...text.matchAll(new RegExp(ROLE_LABEL.source, 'g'))];
  const segments: Array<{ role: Role | null; from: number; to: number }> = [];
  const firstLabel = labels.length ? labels[0].index! : text.length;
  if (firstLabel > 0) segments.push({ role: continuing, from: 0, to: firstLabel });
  labels.forEach((label, i) => {
    const role: Role = label[1] === '牵头' ? 'lead' : 'responsible';
    segments.push({
      role,
      from: label.index! + label[0].length,
      to: i + 1 < labels.length ? labels[i + 1].index! : text.length,
    });
  });
  for (const { role, from, to } of segments) {
    if (!text.slice(from, to).trim()) continue;
    if (role === null) {
      problems.push({
        start: from,
        end: to,
        reason: '部门名单前没有"牵头/责任"标签 department names without a 牵头/责任 label',
      });
      continue;
    }
    const { names, groups, problems: p } = parseNameList(text.slice(from, to), aliases);
    merge(role === 'lead' ? assignment.lead : assignment.responsible, names);
    merge(role === 'lead' ? assignment.leadGroups : assignment.responsibleGroups, groups);
    problems.push(...p.map((x) => ({ ...x, start: x.start + from, end: x.end + from })));
  }
  const lastRole = labels.length ? (labels[labels.length - 1][1] === '牵头' ? 'lead' : 'responsible') : continuing;
  return { assignment, problems, lastRole };
}

const ORG_SUFFIX = /(局|办|委|部|院|中心|校|所|会|厅|处|室|队|站|组|街道|分局|监委|公司|集团|政府|办公室)$/;

/** A label-less cell that is only department names ("区政府办;"): the rest of a list broken across lines. */
export function looksLikeNameList(text: string): boolean {
  if (text.length > 60 || /[。]/.test(text)) return false;
  const tokens = text
    .replace(/[;;。]+$/, '')
    .split(/[、,,;;\s]+/)
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => ORG_SUFFIX.test(t) || COLLECTIVE.test(t));
}

/** Appends, in order, the entries not yet present. */
export function merge(into: string[], more: readonly string[]): void {
  for (const x of more) if (!into.includes(x)) into.push(x);
}

export function mergeAssignment(into: DepartmentAssignment, more: DepartmentAssignment): void {
  merge(into.lead, more.lead);
  merge(into.leadGroups, more.leadGroups);
  merge(into.responsible, more.responsible);
  merge(into.responsibleGroups, more.responsibleGroups);
}
