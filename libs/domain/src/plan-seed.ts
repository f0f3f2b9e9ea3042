import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS, type MetricDefinition } from './metric';
import { planSeedShapeIssues, type SeedProblem } from './plan-seed-shape';

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
export function reportingDepartmentsOf(
  metric: Pick<MetricSeed, 'reportingDepartments'>,
  secondLevel: Pick<SecondLevelSeed, 'leadDepartments' | 'responsibleDepartments'>,
): string[] {
  return (
    metric.reportingDepartments ?? [...new Set([...secondLevel.leadDepartments, ...secondLevel.responsibleDepartments])]
  );
}

/** Every task of a seed with the second-level indicator it belongs to. */
export function tasksOf(seed: PlanSeed): Array<TaskSeed & { secondLevel: SecondLevelSeed }> {
  return seed.indicators.flatMap((first) =>
    first.children.flatMap((second) => second.tasks.map((t) => ({ ...t, secondLevel: second }))),
  );
}

/** Integrity problems of a seed, in words; an empty list means the seed is sound. A value without a seed's shape gets only its shape problems. */
export function checkPlanSeed(seed: PlanSeed): string[] {
  return planSeedProblems(seed).map((p) => p.en);
}

/** The same problems, each in Chinese and English: what a reviewer reads before confirming an imported plan. */
export function planSeedProblems(seed: PlanSeed): SeedProblem[] {
  const shape = planSeedShapeIssues(seed);
  if (shape.length) return shape;
  const problems: SeedProblem[] = [];
  const say = (zh: string, en: string) => problems.push({ zh, en });
  const departmentCodes = new Set(seed.departments.map((d) => d.code));
  const groupCodes = new Set(seed.departmentGroups.map((g) => g.code));
  for (const code of departmentCodes)
    if (groupCodes.has(code)) say(`代码 ${code} 既是部门又是部门组`, `code ${code} is both a department and a group`);
  for (const [label, zh, codes] of [
    ['department', '部门', seed.departments],
    ['group', '部门组', seed.departmentGroups],
  ] as const) {
    const seen = new Set<string>();
    for (const { code } of codes) {
      if (seen.has(code)) say(`${zh}代码 ${code} 重复`, `duplicate ${label} code ${code}`);
      seen.add(code);
    }
  }
  seed.indicators.forEach((first, i) => {
    if (first.number !== i + 1)
      say(
        `一级指标「${first.title}」编号为 ${first.number}，应为 ${i + 1}`,
        `first-level indicator ${first.title} is numbered ${first.number}, expected ${i + 1}`,
      );
  });
  const seconds = seed.indicators.flatMap((f) => f.children);
  const metricsOfTask = new Map<number, MetricSeed[]>();
  for (const m of seed.metrics) metricsOfTask.set(m.taskNumber, [...(metricsOfTask.get(m.taskNumber) ?? []), m]);
  seconds.forEach((second, i) => {
    if (second.number !== i + 1)
      say(
        `二级指标「${second.title}」编号为 ${second.number}，应为 ${i + 1}`,
        `second-level indicator ${second.title} is numbered ${second.number}, expected ${i + 1}`,
      );
    const leads = [...second.leadDepartments, ...(second.leadGroups ?? [])];
    // Without a lead department someone must still report: every metric under it names its reporting departments.
    const unreported = second.tasks
      .flatMap((t) => metricsOfTask.get(t.number) ?? [])
      .filter((m) => !m.reportingDepartments?.length);
    if (leads.length === 0 && (unreported.length > 0 || second.tasks.every((t) => !metricsOfTask.has(t.number)))) {
      say(
        `二级指标 ${second.number}「${second.title}」没有牵头单位${unreported.length ? `：请为其下指标 ${unreported.map((m) => m.code).join('、')} 指定填报部门` : ''}`,
        `second-level indicator ${second.number} has no lead department${unreported.length ? `: name the reporting departments of ${unreported.map((m) => m.code).join(', ')}` : ''}`,
      );
    }
    for (const code of [...second.leadDepartments, ...second.responsibleDepartments]) {
      if (!departmentCodes.has(code))
        say(
          `二级指标 ${second.number} 含未知部门 ${code}`,
          `second-level indicator ${second.number} names unknown department ${code}`,
        );
    }
    for (const code of [...(second.leadGroups ?? []), ...second.responsibleGroups]) {
      if (!groupCodes.has(code))
        say(
          `二级指标 ${second.number} 含未知部门组 ${code}`,
          `second-level indicator ${second.number} names unknown group ${code}`,
        );
    }
    for (const [role, zh, codes] of [
      ['lead', '牵头', leads],
      ['responsible', '责任', [...second.responsibleDepartments, ...second.responsibleGroups]],
    ] as const) {
      const twice = codes.filter((code, j) => codes.indexOf(code) !== j);
      for (const code of new Set(twice))
        say(
          `二级指标 ${second.number} 两次列 ${code} 为${zh}单位`,
          `second-level indicator ${second.number} names ${code} twice as ${role}`,
        );
    }
  });
  const tasks = tasksOf(seed);
  tasks.forEach((task, i) => {
    if (task.number !== i + 1)
      say(`任务 ${task.number} 位于第 ${i + 1} 项`, `task ${task.number} is in position ${i + 1}`);
    if (!task.text.trim()) say(`任务 ${task.number} 没有文字`, `task ${task.number} has no text`);
  });
  const taskByNumber = new Map(tasks.map((t) => [t.number, t]));
  const metricCodes = new Set<string>();
  for (const m of seed.metrics) {
    const c = m.code;
    if (metricCodes.has(c)) say(`指标代码 ${c} 重复`, `duplicate metric code ${c}`);
    metricCodes.add(c);
    const task = taskByNumber.get(m.taskNumber);
    if (!task) say(`指标 ${c} 所属任务 ${m.taskNumber} 不存在`, `metric ${c} refers to missing task ${m.taskNumber}`);
    else if (!task.text.includes(m.source))
      say(
        `指标 ${c}：原文不是任务 ${m.taskNumber} 中的文字`,
        `metric ${c}: source is not words of task ${m.taskNumber}`,
      );
    if (m.reportingDepartments) {
      if (m.reportingDepartments.length === 0)
        say(`指标 ${c} 未指定填报部门`, `metric ${c} names no reporting department`);
      for (const code of m.reportingDepartments)
        if (!departmentCodes.has(code))
          say(`指标 ${c} 的填报部门 ${code} 未知`, `metric ${c} names unknown reporting department ${code}`);
      for (const code of new Set(m.reportingDepartments.filter((x, j) => m.reportingDepartments!.indexOf(x) !== j)))
        say(`指标 ${c} 两次列填报部门 ${code}`, `metric ${c} names reporting department ${code} twice`);
    }
    if (!METRIC_KINDS.includes(m.kind))
      say(`指标 ${c} 的类型 ${m.kind} 未知`, `metric ${c} has unknown kind ${m.kind}`);
    if (!COMPARATORS.includes(m.comparator))
      say(`指标 ${c} 的比较方式 ${m.comparator} 未知`, `metric ${c} has unknown comparator ${m.comparator}`);
    if (!METRIC_UNITS.includes(m.unit))
      say(`指标 ${c} 的单位 ${m.unit} 未知`, `metric ${c} has unknown unit ${m.unit}`);
    if (!METRIC_PERIODS.includes(m.period))
      say(`指标 ${c} 的周期 ${m.period} 未知`, `metric ${c} has unknown period ${m.period}`);
    if (m.kind === 'deadline' ? !/^\d{2}-\d{2}$/.test(m.deadline ?? '') : typeof m.target !== 'number') {
      if (m.kind === 'deadline') say(`指标 ${c} 缺少截止日期`, `metric ${c} has no deadline`);
      else say(`指标 ${c} 缺少目标值`, `metric ${c} has no target`);
    } else if (m.kind === 'deadline' && !isDayOfYear(seed.plan.year, m.deadline!)) {
      say(
        `指标 ${c} 的截止日期 ${m.deadline} 不是 ${seed.plan.year} 年的日期`,
        `metric ${c} has deadline ${m.deadline}, which is no day of ${seed.plan.year}`,
      );
    } else if (m.kind !== 'deadline' && m.unit === 'percent' && m.target! > 100) {
      say(`指标 ${c} 的目标值 ${m.target}% 超过 100%`, `metric ${c} has a target of ${m.target}%, more than 100%`);
    }
  }
  return problems;
}

/** Whether "MM-DD" is a day of that year (no 02-30, no 02-29 outside leap years, no 13-01). */
function isDayOfYear(year: number, monthDay: string): boolean {
  const d = new Date(`${year}-${monthDay}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(5, 10) === monthDay;
}
