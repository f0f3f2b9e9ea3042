import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS } from './metric';
import {
  checkPlanSeed,
  planSeedProblems,
  reportingDepartmentsOf,
  tasksOf,
  type MetricSeed,
  type PlanSeed,
  type TaskSeed,
} from './plan-seed';
import { planSeedShapeProblems } from './plan-seed-shape';

const SEEDS = path.join(__dirname, '../../../seeds');
// Read at test time, not imported: the seed is data under review and must be judged as it is on disk.
const seed: PlanSeed = JSON.parse(readFileSync(path.join(SEEDS, 'hongqiao-2020-plan.json'), 'utf8'));
const ledger = readFileSync(path.join(SEEDS, 'hongqiao-2020-plan-ledger.txt'), 'utf8');

/** The ledger read independently: each task's second-level indicator and lines, each indicator's department lines. */
function readLedger(text: string) {
  const tasks = new Map<number, { second: number; title: string; lines: string[] }>();
  const departmentLines = new Map<number, string>();
  let second: { number: number; title: string } | null = null;
  let task: number | null = null;
  let inDepartments = false;
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, ''))) {
    if (!line.trim()) continue;
    let m: RegExpExecArray | null;
    if (/^[一二三四五六七八九]、/.test(line)) [task, inDepartments] = [null, false];
    else if ((m = /^(\d+)\.(.+)$/.exec(line)))
      [second, task, inDepartments] = [{ number: +m[1], title: m[2] }, null, false];
    else if (second && (m = /^(\d+)$/.exec(line))) {
      [task, inDepartments] = [+m[1], false];
      tasks.set(task, { second: second.number, title: second.title, lines: [] });
    } else if (second && (inDepartments || /^(牵头|责)/.test(line))) {
      inDepartments = true;
      departmentLines.set(second.number, `${departmentLines.get(second.number) ?? ''}${line}\n`);
    } else if (task !== null) tasks.get(task)!.lines.push(line);
  }
  return { tasks, departmentLines };
}
const read = readLedger(ledger);
const seconds = seed.indicators.flatMap((f) => f.children);
const tasks = tasksOf(seed);
const deptName = new Map(seed.departments.map((d) => [d.code, d.name]));

describe('the Hongqiao 2020 plan seed', () => {
  it('has 9 first-level indicators, numbered 1..9', () => {
    expect(seed.indicators.map((f) => f.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('has 33 second-level indicators, numbered 1..33 across the plan', () => {
    expect(seconds.map((s) => s.number)).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  });

  it('has 94 tasks, numbered 1..94 in order', () => {
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 94 }, (_, i) => i + 1));
  });

  it('passes its own integrity check with no problem', () => {
    expect(checkPlanSeed(seed)).toEqual([]);
  });

  it('puts tasks 1-7 under "全面推行行政审批制度改革" and 8-10 under "推行权责清单制度"', () => {
    const under = (n: number) => tasks.find((t) => t.number === n)!.secondLevel;
    for (const n of [1, 2, 3, 4, 5, 6, 7])
      expect([under(n).number, under(n).title]).toEqual([1, '全面推行行政审批制度改革']);
    for (const n of [8, 9, 10]) expect([under(n).number, under(n).title]).toEqual([2, '推行权责清单制度']);
    expect(under(94).number).toBe(33);
    expect(under(94).title).toBe('加强法治宣传教育');
  });

  it('puts every task under the second-level indicator the ledger gives it, with the ledger text as rawText', () => {
    expect(read.tasks.size).toBe(94);
    for (const t of tasks) {
      const inLedger = read.tasks.get(t.number)!;
      expect([t.number, t.secondLevel.number, t.secondLevel.title]).toEqual([
        t.number,
        inLedger.second,
        inLedger.title,
      ]);
      expect(t.rawText).toBe(inLedger.lines.join('\n\n'));
    }
  });

  it('keeps the restored text equal to the ledger except for the documented repairs', () => {
    expect(tasks.filter((t) => t.text !== t.rawText).map((t) => t.number)).toEqual([8, 14, 36, 49, 59]);
    const text = (n: number) => tasks[n - 1].text;
    expect(text(8)).toContain('津党编发【2020】6号');
    expect(text(36)).toContain('法治政府');
    expect(text(49)).toContain('每年1月31日前');
    expect(text(59)).toContain('加强对行政执法机关内部人员干预');
  });

  describe('departments', () => {
    it('carries departments over exactly where the ledger has no department line, from the previous indicator', () => {
      const carried = seconds.filter((s) => s.departmentsCarriedOver).map((s) => s.number);
      expect(carried).toEqual(expect.arrayContaining([9, 33]));
      for (const s of seconds)
        expect([s.number, s.departmentsCarriedOver]).toEqual([s.number, !read.departmentLines.has(s.number)]);
      for (const n of carried) {
        const [prev, cur] = [seconds[n - 2], seconds[n - 1]];
        expect(cur.leadDepartments).toEqual(prev.leadDepartments);
        expect(cur.responsibleDepartments).toEqual(prev.responsibleDepartments);
        expect(cur.responsibleGroups).toEqual(prev.responsibleGroups);
      }
    });

    it('gives each indicator exactly the lead and responsible departments its ledger lines name', () => {
      const named = (text: string) =>
        seed.departments
          .filter((d) => text.includes(d.name) || (d.name === '区生态环境局' && text.includes('区生态局')))
          .map((d) => d.code);
      for (const s of seconds.filter((x) => !x.departmentsCarriedOver)) {
        const lines = read.departmentLines.get(s.number)!;
        const lead = [...lines.matchAll(/牵头(?:部门|单位)[:：]([^责]*)/g)].map((m) => m[1]).join(' ');
        const responsible = [...lines.matchAll(/责+任部门[:：]([^牵]*)/g)].map((m) => m[1]).join(' ');
        expect([s.number, [...s.leadDepartments].sort()]).toEqual([s.number, named(lead).sort()]);
        expect([s.number, [...s.responsibleDepartments].sort()]).toEqual([s.number, named(responsible).sort()]);
        expect([s.number, s.responsibleGroups.length > 0]).toEqual([s.number, responsible.includes('各街道')]);
      }
    });

    it('gives every second-level indicator at least one lead department, and only known codes', () => {
      const groups = new Set(seed.departmentGroups.map((g) => g.code));
      for (const s of seconds) {
        expect(s.leadDepartments.length).toBeGreaterThan(0);
        for (const c of [...s.leadDepartments, ...s.responsibleDepartments]) expect(deptName.has(c)).toBe(true);
        for (const g of s.responsibleGroups) expect(groups.has(g)).toBe(true);
      }
    });

    it('treats "其他部门、各街道按职责分别负责" as a department group, not a department', () => {
      expect(seed.departmentGroups).toContainEqual({ code: 'others-by-duty', name: '其他部门、各街道按职责分别负责' });
      for (const d of seed.departments) expect(d.name).not.toMatch(/其他部门|各街道|按职责/);
      expect(
        seconds.some(
          (s) => s.leadDepartments.includes('others-by-duty') || s.responsibleDepartments.includes('others-by-duty'),
        ),
      ).toBe(false);
    });

    it('uses kebab-case ASCII codes, unique names, and merges the alias 区生态局 into 区生态环境局', () => {
      for (const d of [...seed.departments, ...seed.departmentGroups]) expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(new Set(seed.departments.map((d) => d.name)).size).toBe(seed.departments.length);
      expect(seed.departments.map((d) => d.name)).not.toContain('区生态局');
      expect(seconds[11].leadDepartments).toContain('ecology-environment-bureau');
    });
  });

  describe('metrics', () => {
    const metricsOf = (n: number) => seed.metrics.filter((m) => m.taskNumber === n);

    it('has at least 45 metrics, with unique codes numbered per task ("T007-1")', () => {
      expect(seed.metrics.length).toBeGreaterThanOrEqual(45);
      expect(new Set(seed.metrics.map((m) => m.code)).size).toBe(seed.metrics.length);
      for (const m of seed.metrics)
        expect(m.code).toMatch(new RegExp(`^T${String(m.taskNumber).padStart(3, '0')}-[1-9]\\d*$`));
    });

    it('refers every metric to an existing task, quoting words of that task', () => {
      for (const m of seed.metrics) {
        const task = tasks.find((t) => t.number === m.taskNumber);
        expect(task).toBeDefined();
        expect([m.code, task!.text.includes(m.source)]).toEqual([m.code, true]);
        expect(m.source.trim().length).toBeGreaterThan(0);
      }
    });

    it('gives every metric a known kind, unit, comparator and period, and names in both languages', () => {
      for (const m of seed.metrics) {
        expect(METRIC_KINDS).toContain(m.kind);
        expect(METRIC_UNITS).toContain(m.unit);
        expect(COMPARATORS).toContain(m.comparator);
        expect(METRIC_PERIODS).toContain(m.period);
        expect(m.name).toMatch(/\S/);
        expect(m.nameEn).toMatch(/\S/);
      }
    });

    it('gives deadlines a real calendar date and no target, and every other metric a target and no deadline', () => {
      for (const m of seed.metrics) {
        if (m.kind === 'deadline') {
          expect(m.target).toBeNull();
          expect(m.unit).toBe('date');
          const d = new Date(`2021-${m.deadline}T00:00:00Z`);
          expect(d.toISOString().slice(5, 10)).toBe(m.deadline);
        } else {
          expect(m.deadline).toBeNull();
          expect(typeof m.target).toBe('number');
          expect(m.target).toBeGreaterThanOrEqual(0);
          if (m.unit === 'percent') expect(m.target).toBeLessThanOrEqual(100);
        }
      }
    });

    it('splits several-target tasks (7, 22, 26, 28, 76) into more than one metric', () => {
      for (const n of [7, 22, 26, 28, 76]) expect([n, metricsOf(n).length > 1]).toEqual([n, true]);
    });

    it('has the district-wide environment figures (T022) reported by 区生态环境局 alone, every other metric by its task’s named departments', () => {
      for (const m of seed.metrics) {
        const task = tasksOf(seed).find((t) => t.number === m.taskNumber)!;
        const reporters = reportingDepartmentsOf(m, task.secondLevel);
        if (m.code.startsWith('T022-')) expect([m.code, reporters]).toEqual([m.code, ['ecology-environment-bureau']]);
        else expect([m.code, m.reportingDepartments]).toEqual([m.code, undefined]);
        expect(reporters.length).toBeGreaterThan(0);
      }
    });

    it('encodes the restored deadline of task 49 as 31 January', () => {
      expect(metricsOf(49)).toEqual([expect.objectContaining({ kind: 'deadline', deadline: '01-31' })]);
    });
  });
});

// A small sound seed to break one way at a time.
function sound(): PlanSeed {
  const metric = (over: Partial<MetricSeed>): MetricSeed => ({
    code: 'T001-1',
    taskNumber: 1,
    name: '网上可办率',
    nameEn: 'Online',
    kind: 'value',
    comparator: 'gte',
    target: 80,
    unit: 'percent',
    period: 'year',
    deadline: null,
    source: '不低于80%',
    note: null,
    ...over,
  });
  const second = (number: number, taskNumbers: number[]) => ({
    number,
    title: `二级${number}`,
    leadDepartments: ['justice-bureau'],
    responsibleDepartments: ['gov-office'],
    responsibleGroups: ['others-by-duty'],
    departmentsCarriedOver: false,
    tasks: taskNumbers.map((n) => ({
      number: n,
      text: n === 1 ? '网上可办率不低于80%。' : `每年1月31日前完成任务${n}。`,
      rawText: `任务${n}`,
    })),
  });
  return {
    plan: { code: 'test', title: '测试计划', year: 2020, district: '测试区', source: 'test.txt' },
    departments: [
      { code: 'justice-bureau', name: '区司法局' },
      { code: 'gov-office', name: '区政府办' },
    ],
    departmentGroups: [{ code: 'others-by-duty', name: '其他部门、各街道按职责分别负责' }],
    indicators: [
      { number: 1, title: '一级1', children: [second(1, [1, 2]), second(2, [3])] },
      { number: 2, title: '一级2', children: [second(3, [4])] },
    ],
    metrics: [
      metric({}),
      metric({
        code: 'T002-1',
        taskNumber: 2,
        kind: 'deadline',
        comparator: 'lte',
        target: null,
        unit: 'date',
        deadline: '01-31',
        source: '每年1月31日前',
      }),
    ],
  };
}
const broken = (edit: (s: PlanSeed) => void) => {
  const s = sound();
  edit(s);
  return checkPlanSeed(s);
};

describe(checkPlanSeed.name, () => {
  it('finds nothing wrong with a sound seed', () => {
    expect(checkPlanSeed(sound())).toEqual([]);
  });

  it('reports duplicate department, group and metric codes', () => {
    expect(broken((s) => s.departments.push({ code: 'gov-office', name: '另一个' }))).toEqual([
      'duplicate department code gov-office',
    ]);
    expect(broken((s) => s.departmentGroups.push({ ...s.departmentGroups[0] }))).toEqual([
      'duplicate group code others-by-duty',
    ]);
    expect(broken((s) => (s.metrics[1].code = 'T001-1'))).toEqual(['duplicate metric code T001-1']);
  });

  it('reports an unknown department or group, naming the indicator', () => {
    expect(broken((s) => s.indicators[0].children[1].leadDepartments.push('tax-bureau'))).toEqual([
      'second-level indicator 2 names unknown department tax-bureau',
    ]);
    expect(broken((s) => (s.indicators[1].children[0].responsibleDepartments = ['nobody']))).toEqual([
      'second-level indicator 3 names unknown department nobody',
    ]);
    expect(broken((s) => (s.indicators[1].children[0].responsibleGroups = ['all-streets']))).toEqual([
      'second-level indicator 3 names unknown group all-streets',
    ]);
  });

  it('reports an indicator without a lead, but accepts a lead group', () => {
    expect(broken((s) => (s.indicators[0].children[0].leadDepartments = []))).toEqual([
      'second-level indicator 1 has no lead department: name the reporting departments of T001-1, T002-1',
    ]);
    expect(
      broken((s) =>
        Object.assign(s.indicators[0].children[0], { leadDepartments: [], leadGroups: ['others-by-duty'] }),
      ),
    ).toEqual([]);
  });

  it('accepts an indicator without a lead when every metric under it names who reports it (a ledger without departments)', () => {
    expect(
      broken((s) => {
        s.indicators[0].children[0].leadDepartments = [];
        s.metrics[0].reportingDepartments = ['gov-office'];
      }),
    ).toEqual(['second-level indicator 1 has no lead department: name the reporting departments of T002-1']);
    expect(
      broken((s) => {
        s.indicators[0].children[0].leadDepartments = [];
        s.metrics[0].reportingDepartments = ['gov-office'];
        s.metrics[1].reportingDepartments = ['gov-office'];
      }),
    ).toEqual([]);
  });

  it('says every problem in Chinese too', () => {
    const seed = sound();
    seed.indicators[1].children[0].number = 4;
    seed.metrics[0].target = null;
    expect(planSeedProblems(seed)).toEqual([
      { zh: '二级指标「二级3」编号为 4，应为 3', en: 'second-level indicator 二级3 is numbered 4, expected 3' },
      { zh: '指标 T001-1 缺少目标值', en: 'metric T001-1 has no target' },
    ]);
    expect(
      planSeedProblems({ ...seed, metrics: [{ ...seed.metrics[0], target: 'x' as unknown as number }] })[0],
    ).toEqual({
      zh: 'seed.metrics[0].target 应为 0–1000000000000 的数或 null',
      en: 'seed.metrics[0].target must be a number from 0 to 1000000000000, or null',
    });
  });

  it('reports numbering that skips or repeats', () => {
    expect(broken((s) => (s.indicators[1].number = 3))).toEqual([
      'first-level indicator 一级2 is numbered 3, expected 2',
    ]);
    expect(broken((s) => (s.indicators[1].children[0].number = 4))).toEqual([
      'second-level indicator 二级3 is numbered 4, expected 3',
    ]);
    expect(broken((s) => s.indicators[0].children[1].tasks.splice(0, 1))).toEqual(['task 4 is in position 3']);
  });

  it('reports a task with no text', () => {
    expect(broken((s) => (s.indicators[1].children[0].tasks[0].text = '  '))).toEqual(['task 4 has no text']);
  });

  it('reports a metric whose task is missing or whose source is not in the task text', () => {
    expect(broken((s) => (s.metrics[0].taskNumber = 99))).toEqual(['metric T001-1 refers to missing task 99']);
    expect(broken((s) => (s.metrics[0].source = '不低于90%'))).toEqual([
      'metric T001-1: source is not words of task 1',
    ]);
  });

  it('reports a deadline metric without a "MM-DD" deadline and another metric without a target', () => {
    expect(broken((s) => (s.metrics[1].deadline = null))).toEqual(['metric T002-1 has no deadline']);
    expect(broken((s) => (s.metrics[1].deadline = '1月31日'))).toEqual(['metric T002-1 has no deadline']);
    expect(broken((s) => (s.metrics[0].target = null))).toEqual(['metric T001-1 has no target']);
  });

  it('reports unknown kinds, comparators, units and periods', () => {
    const problems = broken((s) =>
      Object.assign(s.metrics[0], { kind: 'ratio', comparator: 'gt', unit: 'yuan', period: 'week' }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'metric T001-1 has unknown kind ratio',
        'metric T001-1 has unknown comparator gt',
        'metric T001-1 has unknown unit yuan',
        'metric T001-1 has unknown period week',
      ]),
    );
  });

  it('reports a deadline that is no day of the plan year and a percent target above 100', () => {
    expect(broken((s) => (s.metrics[1].deadline = '02-30'))).toEqual([
      'metric T002-1 has deadline 02-30, which is no day of 2020',
    ]);
    expect(broken((s) => (s.metrics[1].deadline = '13-45'))).toEqual([
      'metric T002-1 has deadline 13-45, which is no day of 2020',
    ]);
    expect(broken((s) => (s.metrics[1].deadline = '02-29'))).toEqual([]);
    expect(broken((s) => (s.metrics[0].target = 101))).toEqual(['metric T001-1 has a target of 101%, more than 100%']);
  });

  it('reports a code that is both a department and a group, and one named twice in the same role', () => {
    expect(broken((s) => s.departmentGroups.push({ code: 'gov-office', name: '区政府办' }))).toEqual([
      'code gov-office is both a department and a group',
    ]);
    expect(broken((s) => (s.indicators[0].children[0].leadDepartments = ['justice-bureau', 'justice-bureau']))).toEqual(
      ['second-level indicator 1 names justice-bureau twice as lead'],
    );
    expect(
      broken((s) => (s.indicators[0].children[0].responsibleGroups = ['others-by-duty', 'others-by-duty'])),
    ).toEqual(['second-level indicator 1 names others-by-duty twice as responsible']);
  });

  it('reports reporting departments that are none, unknown, a group or named twice', () => {
    expect(broken((s) => (s.metrics[0].reportingDepartments = ['gov-office']))).toEqual([]);
    expect(broken((s) => (s.metrics[0].reportingDepartments = []))).toEqual([
      'metric T001-1 names no reporting department',
    ]);
    expect(broken((s) => (s.metrics[0].reportingDepartments = ['tax-bureau', 'others-by-duty']))).toEqual([
      'metric T001-1 names unknown reporting department tax-bureau',
      'metric T001-1 names unknown reporting department others-by-duty',
    ]);
    expect(broken((s) => (s.metrics[0].reportingDepartments = ['gov-office', 'gov-office']))).toEqual([
      'metric T001-1 names reporting department gov-office twice',
    ]);
  });

  it('reports every problem, not just the first', () => {
    const problems = broken((s) => {
      s.departments.push({ code: 'gov-office', name: 'x' });
      s.metrics[0].source = '没有';
      s.metrics[1].deadline = null;
    });
    expect(problems).toHaveLength(3);
  });

  it('accepts any words of the task as a source, and rejects words that are not there', () => {
    const text = '网上可办率不低于80%。';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: text.length - 1 }),
        fc.integer({ min: 1, max: text.length }),
        fc.string({ minLength: 1 }),
        (start, len, extra) => {
          const source = text.slice(start, start + len);
          expect(broken((s) => (s.metrics[0].source = source))).toEqual([]);
          fc.pre(!text.includes(source + extra));
          expect(broken((s) => (s.metrics[0].source = source + extra))).toEqual([
            'metric T001-1: source is not words of task 1',
          ]);
        },
      ),
    );
  });
});

describe(planSeedShapeProblems.name, () => {
  const reshaped = (edit: (s: PlanSeed) => void) => {
    const s = sound();
    edit(s);
    return planSeedShapeProblems(s);
  };

  it('finds a sound seed shaped as it should be, with or without lead groups', () => {
    expect(planSeedShapeProblems(sound())).toEqual([]);
    expect(reshaped((s) => (s.indicators[0].children[0].leadGroups = ['others-by-duty']))).toEqual([]);
  });

  it('names the path of whatever is missing, null or of the wrong type', () => {
    expect(planSeedShapeProblems(null)).toEqual(['seed must be an object']);
    expect(reshaped((s) => delete (s as Partial<PlanSeed>).metrics)).toEqual(['seed.metrics is missing']);
    expect(reshaped((s) => Object.assign(s, { departments: [null] }))).toEqual([
      'seed.departments[0] must be an object',
    ]);
    expect(reshaped((s) => Object.assign(s.indicators[0].children[1].tasks, [null]))).toEqual([
      'seed.indicators[0].children[1].tasks[0] must be an object',
    ]);
    expect(reshaped((s) => Object.assign(s.indicators[0].children[0], { leadDepartments: null }))).toEqual([
      'seed.indicators[0].children[0].leadDepartments must be a list',
    ]);
    expect(reshaped((s) => delete (s.indicators[1].children[0].tasks[0] as Partial<TaskSeed>).text)).toEqual([
      'seed.indicators[1].children[0].tasks[0].text is missing',
    ]);
    expect(reshaped((s) => Object.assign(s.plan, { year: '2020' }))).toEqual([
      'seed.plan.year must be a whole number from 2000 to 2100',
    ]);
    expect(reshaped((s) => Object.assign(s.plan, { title: 7 }))).toEqual(['seed.plan.title must be text']);
    expect(reshaped((s) => (s.departments[0].code = ' '))).toEqual(['seed.departments[0].code is empty']);
  });

  it('refuses negative or fractional numbers, figures beyond 10^12 and over-long text', () => {
    expect(reshaped((s) => (s.indicators[0].number = -1))).toEqual([
      'seed.indicators[0].number must be a whole number from 1 to 100000',
    ]);
    expect(reshaped((s) => (s.metrics[0].taskNumber = 1.5))).toEqual([
      'seed.metrics[0].taskNumber must be a whole number from 1 to 100000',
    ]);
    expect(reshaped((s) => (s.metrics[0].target = -5))).toEqual([
      'seed.metrics[0].target must be a number from 0 to 1000000000000, or null',
    ]);
    expect(reshaped((s) => (s.metrics[0].target = 1.7e308))).toHaveLength(1);
    expect(reshaped((s) => (s.plan.title = '长'.repeat(201)))).toEqual([
      'seed.plan.title is longer than 200 characters',
    ]);
  });

  it('refuses fields no seed has, so that none reaches the database (an id would overwrite an existing row)', () => {
    expect(reshaped((s) => Object.assign(s.metrics[0], { id: 1 }))).toEqual([
      'seed.metrics[0].id is not a field of a plan',
    ]);
    expect(reshaped((s) => Object.assign(s.plan, { demo: true }))).toEqual(['seed.plan.demo is not a field of a plan']);
  });

  it('stops at 20 problems however broken the seed is', () => {
    expect(reshaped((s) => Object.assign(s, { departments: Array.from({ length: 1000 }, () => null) }))).toHaveLength(
      20,
    );
  });

  it('is what checkPlanSeed answers for a value without the shape, instead of throwing', () => {
    expect(checkPlanSeed({ plan: { code: 'half' } } as unknown as PlanSeed)).toEqual(
      expect.arrayContaining(['seed.plan.title is missing', 'seed.departments is missing']),
    );
    expect(() => checkPlanSeed({ ...sound(), metrics: [null] } as unknown as PlanSeed)).not.toThrow();
  });
});
