import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS, type MetricDefinition } from './metric';
import { planSeedShapeProblems } from './plan-seed-shape';

/** The structured plan file in seeds/ (see seeds/README.md): what a plan ledger says, as data. */
export interface PlanSeed {
  plan: { code: string; title: string; year: number; district: string; source: string };
  departments: DepartmentSeed[];
  departmentGroups: DepartmentSeed[];
  indicators: FirstLevelSeed[];
  metrics: MetricSeed[];
}

export interface DepartmentSeed {
  code: string;
  name: string;
}

export interface FirstLevelSeed {
  number: number;
  title: string;
  children: SecondLevelSeed[];
}

export interface SecondLevelSeed {
  number: number;
  title: string;
  leadDepartments: string[];
  leadGroups?: string[];
  responsibleDepartments: string[];
  responsibleGroups: string[];
  /** True when the ledger gives no department line for this indicator and the previous one carries over. */
  departmentsCarriedOver: boolean;
  tasks: TaskSeed[];
}

export interface TaskSeed {
  number: number;
  /** The task as it should read (characters lost in flattening restored). */
  text: string;
  /** The task exactly as the ledger has it. */
  rawText: string;
}

export interface MetricSeed extends MetricDefinition {
  taskNumber: number;
  /** The words of the task that state the target. */
  source: string;
  note: string | null;
  /** Who reports its figures, when not every department named on its task does (department codes, no groups). */
  reportingDepartments?: string[];
}

/** The departments that report a metric: its own reporters, else the named lead and responsible departments of its task (groups do not log in). */
export function reportingDepartmentsOf(metric: Pick<MetricSeed, 'reportingDepartments'>, secondLevel: Pick<SecondLevelSeed, 'leadDepartments' | 'responsibleDepartments'>): string[] {
  return metric.reportingDepartments ?? [...new Set([...secondLevel.leadDepartments, ...secondLevel.responsibleDepartments])];
}

/** Every task of a seed with the second-level indicator it belongs to. */
export function tasksOf(seed: PlanSeed): Array<TaskSeed & { secondLevel: SecondLevelSeed }> {
  return seed.indicators.flatMap((first) => first.children.flatMap((second) => second.tasks.map((t) => ({ ...t, secondLevel: second }))));
}

/** Integrity problems of a seed, in words; an empty list means the seed is sound. A value without a seed's shape gets only its shape problems. */
export function checkPlanSeed(seed: PlanSeed): string[] {
  const shape = planSeedShapeProblems(seed);
  if (shape.length) return shape;
  const problems: string[] = [];
  const departmentCodes = new Set(seed.departments.map((d) => d.code));
  const groupCodes = new Set(seed.departmentGroups.map((g) => g.code));
  for (const code of departmentCodes) if (groupCodes.has(code)) problems.push(`code ${code} is both a department and a group`);
  for (const [label, codes] of [['department', seed.departments], ['group', seed.departmentGroups]] as const) {
    const seen = new Set<string>();
    for (const { code } of codes) {
      if (seen.has(code)) problems.push(`duplicate ${label} code ${code}`);
      seen.add(code);
    }
  }
  seed.indicators.forEach((first, i) => {
    if (first.number !== i + 1) problems.push(`first-level indicator ${first.title} is numbered ${first.number}, expected ${i + 1}`);
  });
  const seconds = seed.indicators.flatMap((f) => f.children);
  seconds.forEach((second, i) => {
    if (second.number !== i + 1) problems.push(`second-level indicator ${second.title} is numbered ${second.number}, expected ${i + 1}`);
    const leads = [...second.leadDepartments, ...(second.leadGroups ?? [])];
    if (leads.length === 0) problems.push(`second-level indicator ${second.number} has no lead department`);
    for (const code of [...second.leadDepartments, ...second.responsibleDepartments]) {
      if (!departmentCodes.has(code)) problems.push(`second-level indicator ${second.number} names unknown department ${code}`);
    }
    for (const code of [...(second.leadGroups ?? []), ...second.responsibleGroups]) {
      if (!groupCodes.has(code)) problems.push(`second-level indicator ${second.number} names unknown group ${code}`);
    }
    for (const [role, codes] of [['lead', leads], ['responsible', [...second.responsibleDepartments, ...second.responsibleGroups]]] as const) {
      const twice = codes.filter((code, j) => codes.indexOf(code) !== j);
      for (const code of new Set(twice)) problems.push(`second-level indicator ${second.number} names ${code} twice as ${role}`);
    }
  });
  const tasks = tasksOf(seed);
  tasks.forEach((task, i) => {
    if (task.number !== i + 1) problems.push(`task ${task.number} is in position ${i + 1}`);
    if (!task.text.trim()) problems.push(`task ${task.number} has no text`);
  });
  const taskByNumber = new Map(tasks.map((t) => [t.number, t]));
  const metricCodes = new Set<string>();
  for (const m of seed.metrics) {
    if (metricCodes.has(m.code)) problems.push(`duplicate metric code ${m.code}`);
    metricCodes.add(m.code);
    const task = taskByNumber.get(m.taskNumber);
    if (!task) problems.push(`metric ${m.code} refers to missing task ${m.taskNumber}`);
    else if (!task.text.includes(m.source)) problems.push(`metric ${m.code}: source is not words of task ${m.taskNumber}`);
    if (m.reportingDepartments) {
      if (m.reportingDepartments.length === 0) problems.push(`metric ${m.code} names no reporting department`);
      for (const code of m.reportingDepartments) if (!departmentCodes.has(code)) problems.push(`metric ${m.code} names unknown reporting department ${code}`);
      for (const code of new Set(m.reportingDepartments.filter((c, j) => m.reportingDepartments!.indexOf(c) !== j))) problems.push(`metric ${m.code} names reporting department ${code} twice`);
    }
    if (!METRIC_KINDS.includes(m.kind)) problems.push(`metric ${m.code} has unknown kind ${m.kind}`);
    if (!COMPARATORS.includes(m.comparator)) problems.push(`metric ${m.code} has unknown comparator ${m.comparator}`);
    if (!METRIC_UNITS.includes(m.unit)) problems.push(`metric ${m.code} has unknown unit ${m.unit}`);
    if (!METRIC_PERIODS.includes(m.period)) problems.push(`metric ${m.code} has unknown period ${m.period}`);
    if (m.kind === 'deadline' ? !/^\d{2}-\d{2}$/.test(m.deadline ?? '') : typeof m.target !== 'number') {
      problems.push(`metric ${m.code} has no ${m.kind === 'deadline' ? 'deadline' : 'target'}`);
    } else if (m.kind === 'deadline' && !isDayOfYear(seed.plan.year, m.deadline!)) {
      problems.push(`metric ${m.code} has deadline ${m.deadline}, which is no day of ${seed.plan.year}`);
    } else if (m.kind !== 'deadline' && m.unit === 'percent' && m.target! > 100) {
      problems.push(`metric ${m.code} has a target of ${m.target}%, more than 100%`);
    }
  }
  return problems;
}

/** Whether "MM-DD" is a day of that year (no 02-30, no 02-29 outside leap years, no 13-01). */
function isDayOfYear(year: number, monthDay: string): boolean {
  const d = new Date(`${year}-${monthDay}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === monthDay;
}
