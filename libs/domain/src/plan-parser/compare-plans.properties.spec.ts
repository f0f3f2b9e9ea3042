import fc from 'fast-check';
import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS } from '../metric';
import { comparePlans, type ComparableMetric, type ComparablePlan } from './compare-plans';

/** Words from a small vocabulary, so that random plans share words and the matching has real choices to make. */
const WORDS = [
  '行政',
  '执法',
  '审批',
  '公开',
  '率',
  '达到',
  '信息',
  '规范性文件',
  '备案',
  '时限',
  '每年',
  '不少于',
  '法治',
  '培训',
  '覆盖',
];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(''));

const metricBody = fc.record({
  name: phrase,
  source: fc.tuple(phrase, fc.integer({ min: 0, max: 100 })).map(([w, n]) => `${w}${n}%`),
  kind: fc.constantFrom(...METRIC_KINDS),
  comparator: fc.constantFrom(...COMPARATORS),
  target: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  unit: fc.constantFrom(...METRIC_UNITS),
  period: fc.constantFrom(...METRIC_PERIODS),
  deadline: fc.option(fc.constantFrom('01-31', '06-30', '12-31'), { nil: null }),
});

/** A plan of 1–8 tasks (numbered 1…n) and up to 12 metrics with unique codes, each under one of the tasks. */
const plan: fc.Arbitrary<ComparablePlan> = fc
  .tuple(fc.array(phrase, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(metricBody, fc.nat()), { maxLength: 12 }))
  .map(([texts, bodies]) => ({
    tasks: texts.map((text, i) => ({ number: i + 1, text })),
    metrics: bodies.map(([body, at], i): ComparableMetric => ({
      ...body,
      code: `M${i}`,
      taskNumber: (at % texts.length) + 1,
    })),
  }));

const codes = (ms: Array<ComparableMetric | null>) => ms.flatMap((m) => (m ? [m.code] : [])).sort();

describe('comparePlans properties', () => {
  it('puts every metric of both plans in exactly one class', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        const { items, counts } = comparePlans(a, b);
        expect(codes(items.map((x) => x.before))).toEqual(codes(a.metrics));
        expect(codes(items.map((x) => x.after))).toEqual(codes(b.metrics));
        expect(counts.unchanged + counts['target-changed'] + counts.new + counts.removed).toBe(items.length);
        for (const x of items) {
          expect(x.before === null).toBe(x.change === 'new');
          expect(x.after === null).toBe(x.change === 'removed');
          expect(x.changedFields.length > 0).toBe(x.change === 'target-changed');
        }
      }),
    );
  });

  it('finds a plan unchanged against itself, metric for metric and task for task', () => {
    fc.assert(
      fc.property(plan, (a) => {
        const { items, counts, tasks } = comparePlans(a, a);
        expect(counts).toEqual({ unchanged: a.metrics.length, 'target-changed': 0, new: 0, removed: 0 });
        expect(tasks).toEqual({ unchanged: a.tasks.length, reworded: 0, new: 0, removed: 0 });
        expect(items.every((x) => x.before!.code === x.after!.code)).toBe(true);
      }),
    );
  });

  it('reads new targets on the same words as target-changed, nothing new or removed', () => {
    fc.assert(
      fc.property(plan, fc.array(fc.boolean(), { maxLength: 12 }), (a, flips) => {
        const b = { ...a, metrics: a.metrics.map((m, i) => (flips[i] ? { ...m, target: (m.target ?? 0) + 1 } : m)) };
        const { counts, items } = comparePlans(a, b);
        expect(counts.new + counts.removed).toBe(0);
        expect(counts['target-changed']).toBe(a.metrics.filter((_, i) => flips[i]).length);
        expect(items.every((x) => x.before!.code === x.after!.code)).toBe(true);
      }),
    );
  });

  it('gives the same answer every time, whatever the inputs', () => {
    fc.assert(
      fc.property(plan, plan, (a, b) =>
        expect(comparePlans(structuredClone(a), structuredClone(b))).toEqual(comparePlans(a, b)),
      ),
    );
  });
});
