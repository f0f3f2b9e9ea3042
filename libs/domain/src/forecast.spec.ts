import fc from 'fast-check';
import { forecastYearEnd, isForecastable, needsAttention, type Forecast, type ForecastPoint } from './forecast';
import type { RuledMetric } from './metric-rules';
import { reportingPeriods } from './period';
import { makeMetric } from './testing/make-metric';

const rate = makeMetric();
const count = makeMetric({ kind: 'annual-count', unit: 'count', target: 4 });

/** Year-to-date figures of the first months of 2020 (or quarters, for a quarterly metric). */
function series(m: RuledMetric, values: number[]): ForecastPoint[] {
  return reportingPeriods(m, 2020)
    .slice(0, values.length)
    .map((p, i) => ({ periodKey: p.key, periodEnd: p.end, value: values[i] }));
}
const forecast = (m: RuledMetric, values: number[], denominatorsKnown = false) =>
  forecastYearEnd(m, 2020, series(m, values), { denominatorsKnown })!;

describe(isForecastable.name, () => {
  it('takes yearly rates and counts reported during the year, and nothing else', () => {
    expect(isForecastable(rate)).toBe(true);
    expect(isForecastable(count)).toBe(true);
    expect(isForecastable(makeMetric({ frequency: 'quarterly' }))).toBe(true);
    expect(isForecastable(makeMetric({ frequency: 'annual' }))).toBe(false);
    expect(isForecastable(makeMetric({ kind: 'annual-count', unit: 'count', period: 'quarter', target: 1 }))).toBe(
      false,
    );
    expect(isForecastable(makeMetric({ kind: 'deadline', unit: 'date', target: null, deadline: '06-30' }))).toBe(false);
    expect(isForecastable(makeMetric({ kind: 'case', unit: 'working-days', period: 'case', target: 7 }))).toBe(false);
  });
});

describe(forecastYearEnd.name, () => {
  it('gives nothing for a metric without a yearly target reported during the year', () => {
    expect(forecastYearEnd(makeMetric({ frequency: 'annual' }), 2020, [])).toBeNull();
  });

  it('says there is too little data before the first quarter is in', () => {
    const f = forecast(rate, [90, 90]);
    expect(f).toMatchObject({
      status: null,
      projected: null,
      requiredPace: null,
      asOf: '2020-02',
      endPeriod: '2020-12',
      path: [],
    });
    expect(f.reasonZh).toContain('数据不足');
    expect(f.reasonEn).toContain('Too little data');
  });

  it('projects a yearly count at its linear pace and says how much a month is still needed', () => {
    const f = forecast(count, [0, 1, 1, 1, 1, 2]);
    expect(f).toMatchObject({ method: 'linear-pace', asOf: '2020-06', projected: 4, status: 'green' });
    expect(f.requiredPace).toBeCloseTo(2 / 6);
    expect(f.reasonZh).toBe(
      '按线性进度推算（截至 2020-06 累计 2 次 × 12 ÷ 6），年末预计 4 次，可达到目标（≥ 4 次）；余下 6 个月还需至少 2 次（平均每月 0.3 次）',
    );
    expect(f.reasonEn).toBe(
      'Linear pace (2 by 2020-06 × 12 ÷ 6): 4 projected at year-end, meeting the target (≥ 4); the remaining 6 months need at least 2 more (0.3 a month on average)',
    );
    expect(f.path.map((p) => p.period)).toEqual([
      '2020-06',
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
    ]);
    expect(f.path.at(-1)!.value).toBeCloseTo(4);
  });

  it('gives amber when a count is behind its pace for the year, as the pro-rata judgement does', () => {
    // 1 × 12 ÷ 4 = 3 by December; linear pace and the pro-rata share (序时进度) agree on a count.
    const f = forecast(count, [0, 0, 1, 1]);
    expect(f).toMatchObject({ projected: 3, status: 'amber' });
    expect(f.requiredPace).toBeCloseTo(3 / 8);
    expect(f.reasonZh).toContain('未达目标（≥ 4 次）');
  });

  it('gives red once a count under an upper limit is already beyond it', () => {
    const f = forecast(makeMetric({ kind: 'annual-count', unit: 'count', comparator: 'lte', target: 2 }), [1, 2, 3]);
    expect(f).toMatchObject({ status: 'red', requiredPace: null });
    expect(f.reasonZh).toContain('无法再达到');
  });

  it('projects a rate by the mean of its last three periods: green now (71.5%) can be amber for the year', () => {
    const f = forecast(makeMetric({ target: 71 }), [80, 75, 72, 69, 71.5]);
    expect(f.method).toBe('recent-mean');
    expect(f.projected).toBeCloseTo((72 + 69 + 71.5) / 3);
    expect(f.status).toBe('amber');
    expect(f.reasonZh).toBe(
      '按近 3 期平均推算（2020-03 至 2020-05），年末预计 70.8%，未达目标（≥ 71%）；未全部按分子分母报送，无法推算余下各月所需比率',
    );
    expect(f.requiredPace).toBeNull();
  });

  it('works out the rate still needed when the rates were pooled from denominators', () => {
    const f = forecast(makeMetric({ target: 71 }), [70, 70, 70, 70, 70, 70], true);
    // (12 × 71 − 6 × 70) ÷ 6 = 72
    expect(f.requiredPace).toBeCloseTo(72);
    expect(f.status).toBe('amber');
    expect(f.reasonZh).toContain('余下 6 个月需不低于 72%');
  });

  it('gives red when even 100% for the rest of the year cannot lift the rate to the target', () => {
    const f = forecast(makeMetric({ target: 100 }), [100, 100, 100, 100, 100, 98], true);
    expect(f).toMatchObject({ status: 'red', requiredPace: null });
    expect(f.reasonZh).toBe(
      '按近 3 期平均推算（2020-04 至 2020-06），年末预计 99.3%，未达目标（≥ 100%）；余下 6 个月需达到 102%，已无法达到',
    );
    expect(f.reasonEn).toContain('can no longer be met');
  });

  it('takes the final figure as the year-end at the last period', () => {
    const f = forecast(makeMetric({ target: 71 }), [80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 80, 70]);
    expect(f).toMatchObject({ projected: 70, status: 'red', requiredPace: null, asOf: '2020-12' });
    expect(f.reasonZh).toBe('2020-12 为全年最后报送期，年末预计 70%，未达目标（≥ 71%）；全年已结束，无法再达到');
  });

  it('explains that a level (persons on a committee) has no monthly pace', () => {
    const f = forecast(makeMetric({ unit: 'persons', target: 3 }), [3, 3, 2]);
    expect(f.projected).toBeCloseTo(8 / 3);
    expect(f.status).toBe('amber');
    expect(f.requiredPace).toBeNull();
    expect(f.reasonEn).toContain('no monthly pace applies');
  });

  it('forecasts a quarterly-reported count from its quarters', () => {
    const f = forecast(makeMetric({ kind: 'annual-count', unit: 'count', target: 4, frequency: 'quarterly' }), [1, 2]);
    expect(f).toMatchObject({ asOf: '2020-Q2', endPeriod: '2020-Q4', projected: 4, status: 'green' });
    expect(f.path.map((p) => p.period)).toEqual(['2020-Q2', '2020-Q3', '2020-Q4']);
  });

  it('leaves out figures of other years and periods the metric does not have', () => {
    const points = [
      ...series(rate, [90, 90, 90]),
      { periodKey: '2019-12', periodEnd: '2019-12-31', value: 0 },
      { periodKey: '2020-Q4', periodEnd: '2020-12-31', value: 0 },
    ];
    expect(forecastYearEnd(rate, 2020, points)!.projected).toBe(90);
  });
});

describe('forecastYearEnd properties', () => {
  const comparator = fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const);
  const frequency = fc.constantFrom('monthly' as const, 'quarterly' as const);
  const periodCount = (f: 'monthly' | 'quarterly') => (f === 'monthly' ? 12 : 4);
  const finite = (f: Forecast) =>
    [f.projected, f.requiredPace, f.target, ...f.path.map((p) => p.value)].every(
      (v) => v === null || Number.isFinite(v),
    );

  it('projects a constant rate as that constant', () => {
    fc.assert(
      fc.property(
        comparator,
        frequency,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (cmp, freq, level, target, n) => {
          const m = makeMetric({ comparator: cmp, frequency: freq, target });
          const f = forecast(
            m,
            Array.from({ length: Math.min(n, periodCount(freq)) }, () => level),
          );
          if (f.status === null) return;
          expect(f.projected!).toBeCloseTo(level, 9);
          for (const p of f.path) expect(p.value).toBeCloseTo(level, 9);
        },
      ),
    );
  });

  it('projects a constant monthly pace of a count as that pace for the whole year', () => {
    fc.assert(
      fc.property(
        frequency,
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 12 }),
        (freq, perMonth, n) => {
          const m = makeMetric({ kind: 'annual-count', unit: 'count', target: 10, frequency: freq });
          const months = freq === 'monthly' ? 1 : 3;
          const f = forecast(
            m,
            Array.from({ length: Math.min(n, periodCount(freq)) }, (_, i) => perMonth * months * (i + 1)),
          );
          if (f.status === null) return;
          expect(f.projected!).toBeCloseTo(perMonth * 12, 6);
        },
      ),
    );
  });

  it('gives a pace that meets the target when kept up, or says it is impossible (red), never NaN or Infinity', () => {
    const kind = fc.constantFrom('value-percent', 'value-level', 'annual-count');
    const values = fc.array(
      fc.oneof(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        kind,
        comparator,
        frequency,
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        values,
        fc.boolean(),
        (k, cmp, freq, target, raw, denominatorsKnown) => {
          const m = makeMetric({
            comparator: cmp,
            frequency: freq,
            target: k === 'value-percent' ? Math.min(target, 100) : target,
            kind: k === 'annual-count' ? 'annual-count' : 'value',
            unit: k === 'value-percent' ? 'percent' : 'count',
          });
          const f = forecast(
            m,
            raw
              .slice(0, periodCount(freq))
              .map((v) => (k === 'value-percent' && Number.isFinite(v) ? Math.min(v, 100) : v)),
            denominatorsKnown,
          );
          expect(finite(f)).toBe(true);
          expect(`${f.reasonZh} ${f.reasonEn}`).not.toMatch(/NaN|Infinity/);
          if (f.status === null) return expect(f.projected).toBeNull();
          const latest = f.path[0]!.value;
          const elapsed = 12 - (f.path.length - 1) * (freq === 'monthly' ? 1 : 3);
          const remaining = 12 - elapsed;
          if (f.status === 'red') expect(f.requiredPace).toBeNull();
          if (f.requiredPace === null || remaining === 0) return;
          // Kept up for the rest of the year, the pace lands on the right side of the target (within rounding).
          const yearEnd =
            k === 'annual-count'
              ? latest + f.requiredPace * remaining
              : (elapsed * latest + remaining * f.requiredPace) / 12;
          const slack = 1e-6 * Math.max(1, Math.abs(m.target!));
          if (cmp === 'gte') expect(yearEnd).toBeGreaterThanOrEqual(m.target! - slack);
          if (cmp === 'lte') expect(yearEnd).toBeLessThanOrEqual(m.target! + slack);
          if (cmp === 'eq') expect(Math.abs(yearEnd - m.target!)).toBeLessThanOrEqual(slack);
          if (k === 'value-percent') expect(f.requiredPace).toBeLessThanOrEqual(100);
          expect(f.requiredPace).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('is never green when the projection misses the target, and never red while the year can still be met', () => {
    fc.assert(
      fc.property(
        comparator,
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 11 }),
        fc.integer({ min: 0, max: 100 }),
        (cmp, values, target) => {
          const f = forecast(makeMetric({ comparator: cmp, target }), values, true);
          const misses =
            cmp === 'gte'
              ? f.projected! < target - 1e-9
              : cmp === 'lte'
                ? f.projected! > target + 1e-9
                : Math.abs(f.projected! - target) > 1e-9;
          if (misses) expect(f.status).not.toBe('green');
          if (f.status === 'red') expect(f.reasonZh).toContain('无法');
          if (f.requiredPace !== null) expect(f.status).not.toBe('red');
        },
      ),
    );
  });
});

describe('needsAttention', () => {
  it.each([
    ['red', null, true],
    ['amber', 'green', true],
    ['green', 'amber', true],
    ['green', 'red', true],
    ['green', 'green', false],
    ['green', null, false],
    ['grey', 'red', false],
    [null, 'red', false],
  ] as const)('status %s with forecast %s: %s', (status, forecast, expected) => {
    expect(needsAttention(status, forecast)).toBe(expected);
  });
});
