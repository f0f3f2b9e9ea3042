import fc from 'fast-check';
import {
  canDeleteMetric,
  isNextYearCopy,
  metricTermsProblems,
  moveWithin,
  nextYearCopy,
  nextYearDeadline,
  nextYearIdentity,
  numberOutline,
  retirementOfPeriods,
  type CopyablePlan,
} from './plan-editing';

describe('numberOutline', () => {
  it('numbers first levels 1…n, and second levels and tasks 1…n across the whole plan', () => {
    const numbers = numberOutline({
      firsts: [
        {
          id: 10,
          children: [
            { id: 11, tasks: [100, 101] },
            { id: 12, tasks: [] },
          ],
        },
        { id: 20, children: [{ id: 21, tasks: [102] }] },
      ],
    });
    expect([...numbers.indicators]).toEqual([
      [10, 1],
      [11, 1],
      [12, 2],
      [20, 2],
      [21, 3],
    ]);
    expect([...numbers.tasks]).toEqual([
      [100, 1],
      [101, 2],
      [102, 3],
    ]);
  });

  it('gives every task a distinct number from 1 to n, in outline order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(5), { maxLength: 4 }), { maxLength: 5 }), (shape) => {
        let id = 0;
        const firsts = shape.map((children) => ({
          id: ++id,
          children: children.map((n) => ({ id: ++id, tasks: Array.from({ length: n }, () => ++id) })),
        }));
        const { tasks } = numberOutline({ firsts });
        const order = firsts.flatMap((f) => f.children.flatMap((c) => c.tasks));
        expect(order.map((t) => tasks.get(t))).toEqual(order.map((_, i) => i + 1));
      }),
    );
  });
});

describe('moveWithin', () => {
  const ids = (xs: number[]) => xs;
  it('moves one item to a position and keeps the others in order', () => {
    expect(moveWithin([1, 2, 3, 4], (x) => x, 4, 0)).toEqual([4, 1, 2, 3]);
    expect(moveWithin([1, 2, 3, 4], (x) => x, 1, 2)).toEqual([2, 3, 1, 4]);
    expect(moveWithin([1, 2, 3], (x) => x, 2, 99)).toEqual([1, 3, 2]);
    expect(moveWithin([1, 2, 3], (x) => x, 9, 0)).toEqual(ids([1, 2, 3]));
  });

  it('is a permutation that puts the item where asked (clamped) and the rest in their order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(50), { minLength: 1, maxLength: 12 }),
        fc.nat(11),
        fc.integer({ min: -3, max: 20 }),
        (list, pick, to) => {
          const id = list[pick % list.length];
          const moved = moveWithin(list, (x) => x, id, to);
          expect([...moved].sort()).toEqual([...list].sort());
          expect(moved.indexOf(id)).toBe(Math.max(0, Math.min(list.length - 1, to)));
          expect(moved.filter((x) => x !== id)).toEqual(list.filter((x) => x !== id));
        },
      ),
    );
  });
});

describe('canDeleteMetric', () => {
  it('deletes a metric without figures, notices or comments, and retires any other', () => {
    expect(canDeleteMetric({ submissions: 0, notices: 0, comments: 0 })).toBe(true);
    expect(canDeleteMetric({ submissions: 1, notices: 0, comments: 0 })).toBe(false);
    expect(canDeleteMetric({ submissions: 0, notices: 2, comments: 0 })).toBe(false);
    expect(canDeleteMetric({ submissions: 0, notices: 0, comments: 1 })).toBe(false);
  });
});

describe('retirementOfPeriods', () => {
  const quarters = [1, 2, 3, 4].map((q) => ({
    key: `2020-Q${q}`,
    start: `2020-${String(q * 3 - 2).padStart(2, '0')}-01`,
    end: ['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'][q - 1],
  }));
  it('keeps the periods that ended before the day as history and drops the running and later ones', () => {
    expect(retirementOfPeriods(quarters, '2020-07-15')).toEqual({
      kept: ['2020-Q1', '2020-Q2'],
      dropped: ['2020-Q3', '2020-Q4'],
    });
    expect(retirementOfPeriods(quarters, '2020-06-30')).toEqual({
      kept: ['2020-Q1'],
      dropped: ['2020-Q2', '2020-Q3', '2020-Q4'],
    });
    expect(retirementOfPeriods(quarters, '2021-01-01').dropped).toEqual([]);
  });

  it('splits every period into exactly one of kept and dropped', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2019-06-01'), max: new Date('2021-06-01'), noInvalidDate: true }), (d) => {
        const { kept, dropped } = retirementOfPeriods(quarters, d.toISOString().slice(0, 10));
        expect([...kept, ...dropped].sort()).toEqual(quarters.map((q) => q.key));
        expect(kept).toEqual(quarters.slice(0, kept.length).map((q) => q.key));
      }),
    );
  });
});

describe('nextYearIdentity', () => {
  it('moves the year on in the code and title', () => {
    expect(
      nextYearIdentity({
        code: 'hongqiao-2020',
        title: '红桥区2020年法治政府建设年度计划',
        year: 2020,
        district: '天津市红桥区',
        source: 'ledger.txt',
      }),
    ).toEqual({
      code: 'hongqiao-2021',
      title: '红桥区2021年法治政府建设年度计划',
      year: 2021,
      district: '天津市红桥区',
      source: 'copy of hongqiao-2020',
    });
  });

  it('adds the year where the code and title do not name it, within 64 characters', () => {
    const next = nextYearIdentity({
      code: 'a'.repeat(64),
      title: '营商环境行动计划',
      year: 2022,
      district: '',
      source: '',
    });
    expect(next.code).toBe(`${'a'.repeat(59)}-2023`);
    expect(next.title).toBe('营商环境行动计划（2023年）');
  });
});

describe('isNextYearCopy', () => {
  it('tells a copy from a plan read from a ledger', () => {
    expect(
      isNextYearCopy(nextYearIdentity({ code: 'a-2020', title: 't', year: 2020, district: '', source: 'ledger.docx' })),
    ).toBe(true);
    expect(isNextYearCopy({ source: 'ledger.docx' })).toBe(false);
  });
});

describe('nextYearDeadline', () => {
  it('keeps the day, and moves 29 February to the 28th outside leap years', () => {
    expect(nextYearDeadline('01-31', 2021)).toBe('01-31');
    expect(nextYearDeadline('02-29', 2021)).toBe('02-28');
    expect(nextYearDeadline('02-29', 2024)).toBe('02-29');
    expect(nextYearDeadline(null, 2021)).toBeNull();
  });
});

describe('nextYearCopy', () => {
  const plan: CopyablePlan<{ title: string }, { text: string }, { code: string; target: number | null }> = {
    plan: { code: 'p-2020', title: '2020年计划', year: 2020, district: 'd', source: 's' },
    indicators: [
      { id: 1, parentId: null, level: 1, number: 1, title: 'A', retired: false },
      { id: 2, parentId: 1, level: 2, number: 1, title: 'A1', retired: true },
      { id: 3, parentId: 1, level: 2, number: 2, title: 'A2', retired: false },
    ],
    tasks: [
      { id: 10, indicatorId: 2, number: 1, text: 't1', retired: false },
      { id: 11, indicatorId: 3, number: 2, text: 't2', retired: false },
      { id: 12, indicatorId: 3, number: 3, text: 't3', retired: true },
    ],
    metrics: [
      { id: 100, taskId: 10, code: 'M1', target: 5, deadline: null, retired: false },
      { id: 101, taskId: 11, code: 'M2', target: 80, deadline: null, retired: false },
      { id: 102, taskId: 11, code: 'M3', target: null, deadline: '02-29', retired: false },
      { id: 103, taskId: 11, code: 'M4', target: 3, deadline: null, retired: true },
    ],
  };

  it('keeps live rows and targets, leaves retired ones and what hangs under them behind, and numbers 1…n again', () => {
    const copy = nextYearCopy(plan);
    expect(copy.plan).toMatchObject({ code: 'p-2021', title: '2021年计划', year: 2021 });
    expect(copy.indicators.map((i) => [i.id, i.number])).toEqual([
      [1, 1],
      [3, 1],
    ]);
    expect(copy.tasks.map((t) => [t.id, t.number])).toEqual([[11, 1]]);
    expect(copy.metrics.map((m) => [m.code, m.target, m.deadline])).toEqual([
      ['M2', 80, null],
      ['M3', null, '02-28'],
    ]);
  });

  it('copies every live metric under a live task and no other', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ task: fc.constantFrom(10, 11, 12), retired: fc.boolean(), target: fc.nat(100) }), {
          maxLength: 20,
        }),
        (rows) => {
          const metrics = rows.map((r, i) => ({
            id: i,
            taskId: r.task,
            code: `M${i}`,
            target: r.target,
            deadline: null,
            retired: r.retired,
          }));
          const copy = nextYearCopy({ ...plan, metrics });
          expect(copy.metrics.map((m) => m.id)).toEqual(
            metrics.filter((m) => !m.retired && m.taskId === 11).map((m) => m.id),
          );
          for (const m of copy.metrics) expect(m.target).toBe(metrics[m.id].target);
        },
      ),
    );
  });
});

describe('metricTermsProblems', () => {
  it('asks a deadline metric for a day of the plan year and any other for a target (at most 100%)', () => {
    expect(metricTermsProblems({ kind: 'deadline', unit: 'date', target: null, deadline: '01-31' }, 2021)).toEqual([]);
    expect(metricTermsProblems({ kind: 'deadline', unit: 'date', target: null, deadline: '02-29' }, 2021)[0].zh).toBe(
      '截止日期 02-29 不是 2021 年的日期',
    );
    expect(metricTermsProblems({ kind: 'deadline', unit: 'date', target: null, deadline: null }, 2021)).toHaveLength(1);
    expect(metricTermsProblems({ kind: 'value', unit: 'percent', target: null, deadline: null }, 2021)[0].zh).toBe(
      '请填写目标值',
    );
    expect(metricTermsProblems({ kind: 'value', unit: 'percent', target: 101, deadline: null }, 2021)).toHaveLength(1);
    expect(metricTermsProblems({ kind: 'value', unit: 'count', target: 101, deadline: null }, 2021)).toEqual([]);
  });
});
