import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PlanSeed } from '../plan-seed';
import { comparablePlan, comparePlans, type ComparablePlan, type MetricComparison } from './compare-plans';
import { parsePlan } from './parse-plan';
import { diceSimilarity, similarityKey } from './text-similarity';
import { toPlanSeed } from './to-plan-seed';

// The ledger and its reviewed seed are read at test time (the comparison itself never touches the file system).
const SEEDS = path.join(__dirname, '../../../../seeds');
const seed: PlanSeed = JSON.parse(readFileSync(path.join(SEEDS, 'hongqiao-2020-plan.json'), 'utf8'));
const current = comparablePlan(seed);

const byBefore = (items: MetricComparison[], code: string) => items.find((x) => x.before?.code === code)!;
const byAfter = (items: MetricComparison[], code: string) => items.find((x) => x.after?.code === code)!;

/** Next year's plan as a ledger would bring it: a task inserted first (everything renumbered), one target raised, one dropped, one task reworded. */
function nextYear(plan: ComparablePlan): ComparablePlan {
  const shift = (n: number) => n + 1;
  const code = (n: number, rest: string) => `T${String(shift(n)).padStart(3, '0')}-${rest}`;
  const tasks = [
    { number: 1, text: '全面推行电子证照应用,电子证照共享率达到90%以上。' },
    ...plan.tasks.map((t) => ({ ...t, number: shift(t.number) })),
  ];
  const reworded = tasks.find((t) => t.number === shift(86))!;
  reworded.text = reworded.text.replace('法治', '依法治区');
  const metrics = plan.metrics
    .filter((m) => m.code !== 'T066-1')
    .map((m) => ({ ...m, code: code(m.taskNumber, m.code.split('-')[1]), taskNumber: shift(m.taskNumber) }))
    .map((m) => (m.code === 'T008-1' ? { ...m, target: 90, source: m.source.replace('80%', '90%') } : m));
  metrics.unshift({
    code: 'T001-1',
    name: '电子证照共享率',
    taskNumber: 1,
    source: '电子证照共享率达到90%以上',
    kind: 'value',
    comparator: 'gte',
    target: 90,
    unit: 'percent',
    period: 'year',
    deadline: null,
  });
  return { tasks, metrics };
}

describe(diceSimilarity.name, () => {
  it('gives 1 for equal keys, 0 for nothing shared, and counts shared bigrams otherwise', () => {
    expect(diceSimilarity('报备率', '报备率')).toBe(1);
    expect(diceSimilarity('', '')).toBe(1);
    expect(diceSimilarity('报备率', '出庭率')).toBe(0);
    // 报备率: 报备, 备率; 报备及时率: 报备, 备及, 及时, 时率 → 2·1 / 6
    expect(diceSimilarity('报备率', '报备及时率')).toBeCloseTo(1 / 3);
  });

  it('reads a changed figure as the same words when figures are masked', () => {
    const [a, b] = [
      similarityKey('网上可办率不低于80%', { maskFigures: true }),
      similarityKey('网上可办率不低于 90％', { maskFigures: true }),
    ];
    expect(a).toBe(b);
    expect(similarityKey('（工作站）、法律顾问')).toBe('工作站法律顾问');
  });
});

describe(comparePlans.name, () => {
  it('finds every metric of the demo plan unchanged against itself, and every task', () => {
    const result = comparePlans(current, current);
    expect(result.counts).toEqual({ unchanged: 50, 'target-changed': 0, new: 0, removed: 0 });
    expect(result.tasks).toEqual({ unchanged: 94, reworded: 0, new: 0, removed: 0 });
    expect(result.items.every((x) => x.before!.code === x.after!.code)).toBe(true);
  });

  it('matches across renumbered tasks: the raised target is target-changed with before and after, the dropped one removed, the inserted one new', () => {
    const result = comparePlans(current, nextYear(current));
    expect(result.counts).toEqual({ unchanged: 48, 'target-changed': 1, new: 1, removed: 1 });
    expect(result.tasks).toEqual({ unchanged: 93, reworded: 1, new: 1, removed: 0 });
    const raised = byBefore(result.items, 'T007-1');
    expect(raised).toMatchObject({
      change: 'target-changed',
      changedFields: ['target'],
      before: { target: 80, code: 'T007-1' },
      after: { target: 90, code: 'T008-1' },
    });
    expect(byBefore(result.items, 'T066-1')).toMatchObject({ change: 'removed', after: null });
    expect(byAfter(result.items, 'T001-1')).toMatchObject({ change: 'new', before: null });
    // Renumbered but the same: T004-1 is now T005-1.
    expect(byBefore(result.items, 'T004-1')).toMatchObject({ change: 'unchanged', after: { code: 'T005-1' } });
  });

  it('pairs several targets of one task by their words, not by their order', () => {
    const shuffled = { ...current, metrics: [...current.metrics].reverse().map((m, i) => ({ ...m, code: `X${i}` })) };
    const result = comparePlans(current, shuffled);
    expect(result.counts.unchanged).toBe(50);
    for (const code of ['T028-1', 'T028-2', 'T028-3', 'T076-1', 'T076-4'])
      expect(byBefore(result.items, code).after!.name).toBe(byBefore(result.items, code).before!.name);
  });

  it('reports a changed unit or period of the same metric as target-changed, listing the fields', () => {
    const proposed = {
      ...current,
      metrics: current.metrics.map((m) =>
        m.code === 'T004-1'
          ? { ...m, unit: 'days' as const, target: 7 }
          : m.code === 'T009-1'
            ? { ...m, period: 'month' as const }
            : m,
      ),
    };
    const result = comparePlans(current, proposed);
    expect(byBefore(result.items, 'T004-1')).toMatchObject({
      change: 'target-changed',
      changedFields: ['target', 'unit'],
      before: { unit: 'working-days', target: 5 },
      after: { unit: 'days', target: 7 },
    });
    expect(byBefore(result.items, 'T009-1').changedFields).toEqual(['period']);
    expect(result.counts).toEqual({ unchanged: 48, 'target-changed': 2, new: 0, removed: 0 });
  });

  it('matches the reviewed seed with the same ledger as the parser reads it: whole sentences against figure words', () => {
    const parsed = toPlanSeed(
      parsePlan(readFileSync(path.join(SEEDS, 'hongqiao-2020-plan-ledger.txt'), 'utf8')),
      { ...seed.plan, year: 2021 },
      (name) => name,
    );
    const result = comparePlans(current, comparablePlan(parsed));
    // The parser reads one target fewer in task 21 (two coverage rates in one figure), so the reviewer's second is removed.
    expect(result.counts).toEqual({ unchanged: 49, 'target-changed': 0, new: 0, removed: 1 });
    expect(result.items.find((x) => x.change === 'removed')!.before!.code).toBe('T021-2');
  });

  it('puts nothing in common between plans with nothing in common', () => {
    const other: ComparablePlan = {
      tasks: [{ number: 1, text: '城市绿化覆盖率稳步提高。' }],
      metrics: [
        {
          code: 'G1',
          name: '绿化覆盖率',
          taskNumber: 1,
          source: '绿化覆盖率达到40%',
          kind: 'value',
          comparator: 'gte',
          target: 40,
          unit: 'percent',
          period: 'year',
          deadline: null,
        },
      ],
    };
    const result = comparePlans(current, other);
    expect(result.counts).toEqual({ unchanged: 0, 'target-changed': 0, new: 1, removed: 50 });
    expect(result.tasks).toEqual({ unchanged: 0, reworded: 0, new: 1, removed: 94 });
    expect(result.items.map((x) => x.change).slice(0, 2)).toEqual(['new', 'removed']);
  });
});
