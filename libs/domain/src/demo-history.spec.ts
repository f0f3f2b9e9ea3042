import fc from 'fast-check';
import { generateDemoHistory, mulberry32, type DemoSubmission } from './demo-history';
import { evaluateLatest } from './evaluate-latest';
import type { MetricDefinition } from './metric';
import { reportingPeriods } from './period';
import type { Status } from './status';

type DemoMetric = MetricDefinition & { departmentCodes: string[] };
const base: DemoMetric = { code: 'T007-1', name: '网上可办率', nameEn: 'Online availability', kind: 'value', comparator: 'gte', target: 80, unit: 'percent', period: 'year', deadline: null, departmentCodes: ['gov-services-office'] };
const plan: DemoMetric[] = [
  base,
  { ...base, code: 'T074-1', comparator: 'lte', target: 5, departmentCodes: ['gov-office', 'cyberspace-office'] },
  { ...base, code: 'T050-1', kind: 'case', comparator: 'lte', target: 20, unit: 'working-days', period: 'case', departmentCodes: ['justice-bureau'] },
  { ...base, code: 'T061-2', kind: 'annual-count', target: 40, unit: 'hours', departmentCodes: ['justice-bureau', 'finance-bureau'] },
  { ...base, code: 'T009-1', kind: 'annual-count', target: 1, unit: 'count', period: 'quarter', departmentCodes: ['staffing-office'] },
  { ...base, code: 'T027-1', kind: 'case', comparator: 'eq', target: 5, unit: 'years', period: 'case', departmentCodes: ['justice-bureau'] },
  { ...base, code: 'T049-1', kind: 'deadline', comparator: 'lte', target: null, unit: 'date', deadline: '01-31', departmentCodes: ['justice-bureau', 'cyberspace-office'] },
];
const byCode = new Map(plan.map((m) => [m.code, m]));
const statusOf = (s: DemoSubmission, metrics = byCode): Status => evaluateLatest(metrics.get(s.metricCode)!, s).status;

/**
 * The outcome drawn for each submission, found by replaying the generator's documented draws
 * (a temper per department and metric; per period an outcome draw, then a figure draw except for an
 * on-the-day deadline). Lets the tests check that what the demo means as "met" really evaluates green.
 */
function outcomes(metrics: DemoMetric[], year: number, seed: number): string[] {
  const random = mulberry32(seed);
  const out: string[] = [];
  for (const m of metrics) {
    for (let d = 0; d < m.departmentCodes.length; d++) {
      const missedShare = random() > 0.85 ? 0.3 : 0.06;
      for (let p = 0; p < reportingPeriods(m, year).length; p++) {
        const r = random();
        const outcome = r < 0.04 ? 'missing' : r < 0.04 + missedShare ? 'missed' : r < 0.14 + missedShare ? 'near' : 'met';
        if (outcome === 'missing') continue;
        if (!(m.kind === 'deadline' && outcome === 'near')) random();
        out.push(outcome);
      }
    }
  }
  return out;
}

describe(mulberry32.name, () => {
  it('gives the reference mulberry32 sequence, so demo data is the same on every platform', () => {
    expect(mulberry32(1)()).toBe(0.6270739405881613);
    const r = mulberry32(2020);
    expect([r(), r(), r()]).toEqual([0.8437384956050664, 0.6316919585224241, 0.9421816598623991]);
  });

  it('is reproducible and stays within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('is roughly uniform', () => {
    const r = mulberry32(7);
    const draws = Array.from({ length: 10000 }, r);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(draws.filter((x) => x < 0.1).length).toBeGreaterThan(900);
  });
});

describe(generateDemoHistory.name, () => {
  const history = generateDemoHistory(plan, 2020);

  it('gives the same history for the same seed, and defaults to seed 2020', () => {
    expect(generateDemoHistory(plan, 2020)).toEqual(history);
    expect(generateDemoHistory(plan, 2020, 2020)).toEqual(history);
  });

  it('gives a different history for a different seed', () => {
    expect(generateDemoHistory(plan, 2020, 7)).not.toEqual(history);
  });

  it('gives nothing for a metric without departments, or for no metrics', () => {
    expect(generateDemoHistory([], 2020)).toEqual([]);
    expect(generateDemoHistory([{ ...base, departmentCodes: [] }], 2020)).toEqual([]);
  });

  it('reports only in the metric\'s own periods, for its own departments, at most once each', () => {
    const seen = new Set<string>();
    for (const s of history) {
      const m = byCode.get(s.metricCode)!;
      expect(m.departmentCodes).toContain(s.departmentCode);
      expect(reportingPeriods(m, 2020)).toContainEqual({ key: s.periodKey, end: s.periodEnd });
      const key = `${s.metricCode}/${s.departmentCode}/${s.periodKey}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });

  it('gives a completion date (and no value) for deadlines, and a value (and no date) otherwise', () => {
    for (const s of history) {
      if (byCode.get(s.metricCode)!.kind === 'deadline') {
        expect(s.value).toBeNull();
        expect(s.completedOn).toMatch(/^2020-\d{2}-\d{2}$/);
      } else {
        expect(typeof s.value).toBe('number');
        expect(s.completedOn).toBeNull();
      }
    }
  });

  it('tells a plausible story: mostly green, with some amber and red, and a few months never sent', () => {
    const all = generateDemoHistory(plan, 2020, 11).concat(generateDemoHistory(plan, 2021, 12));
    const statuses = all.map((s) => statusOf(s));
    const share = (st: Status) => statuses.filter((x) => x === st).length / statuses.length;
    expect(share('green')).toBeGreaterThan(0.6);
    expect(share('amber')).toBeGreaterThan(0);
    expect(share('red')).toBeGreaterThan(0);
    expect(share('grey')).toBe(0);
    const possible = plan.reduce((n, m) => n + m.departmentCodes.length * reportingPeriods(m, 2020).length, 0) * 2;
    expect(all.length).toBeLessThan(possible);
    expect(all.length).toBeGreaterThan(possible * 0.85);
  });

  it('gives green for every figure it means as met, and never green for one it means as missed', () => {
    for (const seed of [1, 2, 3, 2020, 99]) {
      const subs = generateDemoHistory(plan, 2020, seed);
      const drawn = outcomes(plan, 2020, seed);
      expect(drawn).toHaveLength(subs.length);
      subs.forEach((s, i) => {
        if (drawn[i] === 'met') expect(statusOf(s)).toBe('green');
        if (drawn[i] === 'missed') expect(statusOf(s)).not.toBe('green');
      });
    }
  });

  describe('properties', () => {
    const metricArb = fc
      .record({
        kind: fc.constantFrom('value' as const, 'annual-count' as const, 'case' as const, 'deadline' as const),
        comparator: fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const),
        unit: fc.constantFrom('percent' as const, 'count' as const, 'persons' as const, 'hours' as const, 'working-days' as const, 'years' as const),
        period: fc.constantFrom('year' as const, 'quarter' as const, 'case' as const),
        percentTenths: fc.integer({ min: 0, max: 1000 }),
        whole: fc.integer({ min: 0, max: 200 }),
        deadline: fc.constantFrom('01-31', '03-31', '06-30', '12-31'),
        departments: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { minLength: 1 }),
      })
      // An annual count is a minimum (see metric.ts), so always a floor.
      .filter((r) => r.kind !== 'annual-count' || r.comparator === 'gte')
      .map(({ kind, comparator, unit, period, percentTenths, whole, deadline: d, departments }): DemoMetric => ({
        ...base,
        code: `M-${kind}-${comparator}-${unit}-${period}`,
        kind,
        comparator: kind === 'deadline' ? 'lte' : comparator,
        unit: kind === 'deadline' ? 'date' : unit,
        period: kind === 'deadline' ? 'year' : period,
        target: kind === 'deadline' ? null : unit === 'percent' ? percentTenths / 10 : whole,
        deadline: kind === 'deadline' ? d : null,
        departmentCodes: departments,
      }));
    const metricsArb = fc.uniqueArray(metricArb, { minLength: 1, maxLength: 5, selector: (m) => m.code });

    it('is deterministic for any seed and metrics', () => {
      fc.assert(
        fc.property(metricsArb, fc.integer({ min: 2000, max: 2100 }), fc.integer(), (metrics, year, seed) => {
          expect(generateDemoHistory(metrics, year, seed)).toEqual(generateDemoHistory(metrics, year, seed));
        }),
        { numRuns: 50 },
      );
    });

    it('keeps every percent within 0..100 at one decimal, and every other figure a whole number ≥ 0', () => {
      fc.assert(
        fc.property(metricsArb, fc.integer(), (metrics, seed) => {
          const units = new Map(metrics.map((m) => [m.code, m]));
          for (const s of generateDemoHistory(metrics, 2020, seed)) {
            const m = units.get(s.metricCode)!;
            if (m.kind === 'deadline') continue;
            const v = s.value!;
            expect(Number.isFinite(v)).toBe(true);
            if (m.unit === 'percent') {
              expect(v).toBeGreaterThanOrEqual(0);
              expect(v).toBeLessThanOrEqual(100);
              expect(Math.round(v * 10) / 10).toBe(v);
            } else {
              expect(Number.isInteger(v)).toBe(true);
              expect(v).toBeGreaterThanOrEqual(0);
            }
          }
        }),
        { numRuns: 100 },
      );
    });

    it('makes every figure meant as met evaluate green', () => {
      fc.assert(
        fc.property(metricsArb, fc.integer(), (metrics, seed) => {
          const map = new Map(metrics.map((m) => [m.code, m]));
          const subs = generateDemoHistory(metrics, 2020, seed);
          const drawn = outcomes(metrics, 2020, seed);
          subs.forEach((s, i) => {
            if (drawn[i] === 'met') expect([s.metricCode, statusOf(s, map)]).toEqual([s.metricCode, 'green']);
          });
        }),
        { numRuns: 100 },
      );
    });
  });
});
