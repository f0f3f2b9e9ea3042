import fc from 'fast-check';
import { METRIC_UNITS, type MetricDefinition } from './metric';
import { evaluateLatest, expectedByPeriodEnd, toleranceBand, type Observation } from './evaluate-latest';
import { monthEnd } from './period';
import type { Status } from './status';

function metric(overrides: Partial<MetricDefinition> = {}): MetricDefinition {
  return { code: 'T007-1', name: '网上可办率', nameEn: 'Online availability', kind: 'value', comparator: 'gte', target: 80, unit: 'percent', period: 'year', deadline: null, ...overrides };
}
const at = (value: number | null, periodEnd = '2020-06-30'): Observation => ({ value, completedOn: null, periodEnd });
const rate = metric();
const caseLimit = metric({ code: 'T050-1', kind: 'case', comparator: 'lte', target: 20, unit: 'working-days', period: 'case' });
const yearlyCount = metric({ code: 'T083-1', kind: 'annual-count', comparator: 'gte', target: 4, unit: 'count', period: 'year' });
const deadline = metric({ code: 'T049-1', kind: 'deadline', comparator: 'lte', target: null, unit: 'date', period: 'year', deadline: '01-31' });
const severity = (s: Status) => ({ grey: 0, green: 1, amber: 2, red: 3 })[s];

describe(evaluateLatest.name, () => {
  describe('without figures', () => {
    it('gives grey when nothing has been reported', () => {
      expect(evaluateLatest(rate, undefined)).toEqual({ status: 'grey', reasonZh: '尚无报送数据', reasonEn: 'No figures reported yet' });
    });

    it('gives grey, saying the figures are incomplete, when the value is missing', () => {
      const e = evaluateLatest(rate, at(null));
      expect(e.status).toBe('grey');
      expect(e.reasonZh).toBe('报送数据不完整');
      expect(e.reasonEn).toMatch(/incomplete/);
    });

    it('gives grey when a non-deadline metric has no target', () => {
      expect(evaluateLatest(metric({ target: null }), at(90)).status).toBe('grey');
    });
  });

  describe('a percent floor (≥ 80%)', () => {
    it('gives green when the value exceeds the target, and says so', () => {
      const e = evaluateLatest(rate, at(85));
      expect(e.status).toBe('green');
      expect(e.reasonZh).toBe('85% 达到目标 ≥ 80%');
      expect(e.reasonEn).toBe('85% meets the target ≥ 80%');
    });

    it('gives green when the value equals the target exactly', () => {
      expect(evaluateLatest(rate, at(80)).status).toBe('green');
    });

    it('gives amber when the value is inside the 5-point band', () => {
      const e = evaluateLatest(rate, at(77));
      expect(e.status).toBe('amber');
      expect(e.reasonZh).toBe('77% 未达目标 ≥ 80%，在 5 个百分点预警带内');
      expect(e.reasonEn).toBe('77% misses the target ≥ 80%, within the 5-point amber band');
    });

    it('gives amber at exactly 5 points short (the band includes its edge)', () => {
      expect(evaluateLatest(rate, at(75)).status).toBe('amber');
      expect(evaluateLatest(metric({ target: 71.4 }), at(66.4)).status).toBe('amber');
    });

    it('gives red just beyond the band, and says so', () => {
      const e = evaluateLatest(rate, at(74.9));
      expect(e.status).toBe('red');
      expect(e.reasonZh).toBe('74.9% 未达目标 ≥ 80%，超出 5 个百分点预警带');
      expect(e.reasonEn).toContain('beyond the 5-point amber band');
    });

    it('uses 5 points even for a small percent target (not 10% of it)', () => {
      const low = metric({ code: 'T056-1', target: 5 });
      expect(evaluateLatest(low, at(1)).status).toBe('amber');
      expect(evaluateLatest(low, at(0)).status).toBe('amber');
    });

    it('rounds the shown figure to one decimal', () => {
      expect(evaluateLatest(rate, at(78.456)).reasonZh).toMatch(/^78\.5% /);
    });
  });

  describe('a percent ceiling (≤ 5%)', () => {
    const ceiling = metric({ code: 'T074-1', comparator: 'lte', target: 5 });

    it('gives green at or under the ceiling', () => {
      expect(evaluateLatest(ceiling, at(0)).status).toBe('green');
      expect(evaluateLatest(ceiling, at(5)).status).toBe('green');
    });

    it('gives amber up to 5 points over and red beyond', () => {
      expect(evaluateLatest(ceiling, at(10)).status).toBe('amber');
      expect(evaluateLatest(ceiling, at(10.1)).status).toBe('red');
      expect(evaluateLatest(ceiling, at(10.1)).reasonZh).toBe('10.1% 未达目标 ≤ 5%，超出 5 个百分点预警带');
    });
  });

  describe('a per-case limit in working days (≤ 20)', () => {
    it('gives green within the limit', () => {
      expect(evaluateLatest(caseLimit, at(18)).reasonZh).toBe('18 个工作日 达到目标 ≤ 20 个工作日');
    });

    it('gives amber within 10% of the target over it, naming the band in working days', () => {
      const e = evaluateLatest(caseLimit, at(22));
      expect(e.status).toBe('amber');
      expect(e.reasonZh).toBe('22 个工作日 未达目标 ≤ 20 个工作日，在 2 个工作日预警带内');
      expect(e.reasonEn).toBe('22 working days misses the target ≤ 20 working days, within the 2 working days amber band');
    });

    it('gives red more than 10% over', () => {
      expect(evaluateLatest(caseLimit, at(23)).status).toBe('red');
      expect(evaluateLatest(caseLimit, at(23)).reasonZh).toContain('超出 2 个工作日预警带');
    });

    it('gives amber at exactly 10% over even where floating point makes the band inexact', () => {
      const seven = metric({ kind: 'case', comparator: 'lte', target: 7, unit: 'working-days', period: 'case' });
      expect(evaluateLatest(seven, at(7.7)).status).toBe('amber');
      expect(evaluateLatest(metric({ kind: 'case', target: 7, unit: 'working-days', period: 'case' }), at(6.3)).status).toBe('amber');
    });
  });

  describe('an exact target (= 5 years)', () => {
    const exact = metric({ code: 'T027-1', kind: 'case', comparator: 'eq', target: 5, unit: 'years', period: 'case' });

    it('gives green only on the target', () => {
      expect(evaluateLatest(exact, at(5)).status).toBe('green');
    });

    it('counts a miss on either side', () => {
      expect(evaluateLatest(exact, at(5.5)).status).toBe('amber');
      expect(evaluateLatest(exact, at(4.5)).status).toBe('amber');
      expect(evaluateLatest(exact, at(6)).status).toBe('red');
      expect(evaluateLatest(exact, at(3)).status).toBe('red');
    });
  });

  describe('a yearly minimum count (≥ 4 a year), pro rata 序时进度', () => {
    it('expects only the share due by the period end', () => {
      const e = evaluateLatest(yearlyCount, at(1, '2020-03-31'));
      expect(e.status).toBe('green');
      expect(e.reasonZh).toBe('1 次 达到目标 ≥ 4 次（序时进度 1）');
      expect(e.reasonEn).toBe('1 meets the target ≥ 4 (pro rata 1)');
    });

    it('gives red when behind the pro rata share by more than 10% of the year target', () => {
      const e = evaluateLatest(yearlyCount, at(1, '2020-06-30'));
      expect(e.status).toBe('red');
      expect(e.reasonZh).toContain('序时进度 2');
    });

    it('does not mention pro rata in December, when the whole target is due', () => {
      const e = evaluateLatest(yearlyCount, at(4, '2020-12-31'));
      expect(e.status).toBe('green');
      expect(e.reasonZh).toBe('4 次 达到目标 ≥ 4 次');
      expect(evaluateLatest(yearlyCount, at(3, '2020-12-31')).status).toBe('red');
    });

    it('gives amber for 40 training hours a year when slightly behind in June', () => {
      const hours = metric({ code: 'T061-2', kind: 'annual-count', target: 40, unit: 'hours' });
      expect(evaluateLatest(hours, at(17, '2020-06-30')).status).toBe('amber');
      expect(evaluateLatest(hours, at(15, '2020-06-30')).status).toBe('red');
      expect(evaluateLatest(hours, at(17, '2020-06-30')).reasonZh).toBe('17 学时 未达目标 ≥ 40 学时（序时进度 20），在 4 学时预警带内');
    });

    it('does not pro-rate a quarterly minimum', () => {
      const quarterly = metric({ code: 'T009-1', kind: 'annual-count', target: 1, unit: 'count', period: 'quarter' });
      expect(evaluateLatest(quarterly, at(0, '2020-03-31')).status).toBe('red');
      expect(evaluateLatest(quarterly, at(1, '2020-03-31')).reasonZh).not.toContain('序时进度');
    });
  });

  describe('a deadline (by 31 January)', () => {
    const obs = (completedOn: string | null): Observation => ({ value: null, completedOn, periodEnd: '2020-01-31' });

    it('gives green when done before or on the deadline', () => {
      expect(evaluateLatest(deadline, obs('2020-01-15'))).toEqual({ status: 'green', reasonZh: '已于 2020-01-15 完成，期限 2020-01-31', reasonEn: 'Done on 2020-01-15, deadline 2020-01-31' });
      expect(evaluateLatest(deadline, obs('2020-01-31')).status).toBe('green');
    });

    it('gives red when done late', () => {
      const e = evaluateLatest(deadline, obs('2020-02-01'));
      expect(e.status).toBe('red');
      expect(e.reasonZh).toBe('于 2020-02-01 完成，晚于期限 2020-01-31');
    });

    it('gives red when not done by the deadline', () => {
      const e = evaluateLatest(deadline, obs(null));
      expect(e.status).toBe('red');
      expect(e.reasonZh).toBe('期限 2020-01-31 已过，尚未完成');
      expect(e.reasonEn).toContain('not done');
    });

    it('takes the deadline in the year of the period looked at', () => {
      expect(evaluateLatest(deadline, { value: null, completedOn: '2021-01-20', periodEnd: '2021-01-31' }).status).toBe('green');
      expect(evaluateLatest(deadline, { value: null, completedOn: '2021-01-20', periodEnd: '2020-01-31' }).status).toBe('red');
    });
  });
});

describe(toleranceBand.name, () => {
  it('is 5 points for percents whatever the target', () => {
    expect(toleranceBand({ unit: 'percent', target: 100 })).toBe(5);
    expect(toleranceBand({ unit: 'percent', target: 5 })).toBe(5);
  });

  it('is 10% of the target otherwise', () => {
    expect(toleranceBand({ unit: 'working-days', target: 20 })).toBe(2);
    expect(toleranceBand({ unit: 'hours', target: 40 })).toBe(4);
    expect(toleranceBand({ unit: 'count', target: null })).toBe(0);
  });
});

describe(expectedByPeriodEnd.name, () => {
  it('pro-rates a yearly minimum count by the month of the period end', () => {
    expect(expectedByPeriodEnd(yearlyCount, '2020-01-31')).toBeCloseTo(1 / 3);
    expect(expectedByPeriodEnd(yearlyCount, '2020-09-30')).toBe(3);
    expect(expectedByPeriodEnd(yearlyCount, '2020-12-31')).toBe(4);
  });

  it('gives the target itself for every other metric', () => {
    expect(expectedByPeriodEnd(rate, '2020-01-31')).toBe(80);
    expect(expectedByPeriodEnd(caseLimit, '2020-01-31')).toBe(20);
    expect(expectedByPeriodEnd({ ...yearlyCount, period: 'quarter' }, '2020-03-31')).toBe(4);
  });
});

describe('evaluateLatest properties', () => {
  const periodEnd = fc.tuple(fc.integer({ min: 2019, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => monthEnd(y, m));
  const figure = fc.double({ min: 0, max: 1000, noNaN: true });
  const numericMetric = fc.record({
    kind: fc.constantFrom('value' as const, 'annual-count' as const, 'case' as const),
    comparator: fc.constantFrom('gte' as const, 'lte' as const, 'eq' as const),
    unit: fc.constantFrom(...METRIC_UNITS.filter((u) => u !== 'date')),
    period: fc.constantFrom('year' as const, 'quarter' as const, 'case' as const),
    target: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 200, noNaN: true })),
  }).map((m) => metric(m));

  it('is monotone for floors: a higher value is never worse (and for ceilings, a lower one)', () => {
    fc.assert(
      fc.property(numericMetric.filter((m) => m.comparator !== 'eq'), figure, figure, periodEnd, (m, a, b, end) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [better, worse] = m.comparator === 'gte' ? [hi, lo] : [lo, hi];
        expect(severity(evaluateLatest(m, at(better, end)).status)).toBeLessThanOrEqual(severity(evaluateLatest(m, at(worse, end)).status));
      }),
    );
  });

  it('is green exactly when the value meets the (pro rata) target', () => {
    fc.assert(
      fc.property(numericMetric, figure, periodEnd, (m, v, end) => {
        const expected = expectedByPeriodEnd(m, end);
        const meets = m.comparator === 'gte' ? v >= expected : m.comparator === 'lte' ? v <= expected : v === expected;
        expect(evaluateLatest(m, at(v, end)).status === 'green').toBe(meets);
      }),
    );
  });

  it('never writes NaN, undefined, null or Infinity into the reasons', () => {
    fc.assert(
      fc.property(numericMetric, fc.option(figure), periodEnd, (m, v, end) => {
        const e = evaluateLatest(m, at(v, end));
        expect(['red', 'amber', 'green', 'grey']).toContain(e.status);
        expect(`${e.reasonZh} ${e.reasonEn}`).not.toMatch(/NaN|undefined|null|Infinity/);
        expect(e.reasonZh.length).toBeGreaterThan(0);
        expect(e.reasonEn.length).toBeGreaterThan(0);
      }),
    );
  });

  it('gives a percent metric amber for every miss up to 5 points and red beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 1000 }), fc.integer({ min: 1, max: 100 }), (targetTenths, tenthsShort) => {
        const m = metric({ target: targetTenths / 10 });
        const status = evaluateLatest(m, at((targetTenths - tenthsShort) / 10)).status;
        expect(status).toBe(tenthsShort <= 50 ? 'amber' : 'red');
      }),
    );
  });

  it('gives other ceilings amber for every overrun up to 10% of the target and red beyond', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 30 }), (target, percentOver) => {
        const m = metric({ kind: 'case', comparator: 'lte', target, unit: 'working-days', period: 'case' });
        const status = evaluateLatest(m, at((target * (100 + percentOver)) / 100)).status;
        expect(status).toBe(percentOver <= 10 ? 'amber' : 'red');
      }),
    );
  });
});
