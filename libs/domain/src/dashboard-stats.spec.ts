import fc from 'fast-check';
import { beijingDate, failingDepartments, onTimeRate, rankDepartments, shareGreen } from './dashboard-stats';

describe(shareGreen.name, () => {
  it('counts green among the judged metrics, leaving out grey', () => {
    expect(shareGreen({ red: 1, amber: 1, green: 2, grey: 6 })).toBe(50);
  });
  it('is null, not NaN, when nothing is judged', () => {
    expect(shareGreen({ red: 0, amber: 0, green: 0, grey: 4 })).toBeNull();
  });
});

describe(onTimeRate.name, () => {
  it('counts figures submitted on or before their due date among those due', () => {
    const items = [
      { dueDate: '2020-02-07', firstSubmittedOn: '2020-02-07' },
      { dueDate: '2020-02-07', firstSubmittedOn: '2020-02-08' },
      { dueDate: '2020-02-07', firstSubmittedOn: null },
      { dueDate: '2020-03-06', firstSubmittedOn: null }, // not due by asOf
    ];
    expect(onTimeRate(items, '2020-02-29')).toBeCloseTo(100 / 3);
  });
  it('is null when nothing was due yet', () => {
    expect(onTimeRate([{ dueDate: '2020-02-07', firstSubmittedOn: null }], '2020-01-31')).toBeNull();
  });
  it('always lies between 0 and 100', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        fc.array(fc.record({ dueDate: day, firstSubmittedOn: fc.option(day, { nil: null }) })),
        day,
        (items, asOf) => {
          const rate = onTimeRate(items, asOf);
          if (rate !== null) expect(rate >= 0 && rate <= 100).toBe(true);
        },
      ),
    );
  });
});

describe(beijingDate.name, () => {
  it('moves a late-evening UTC time to the next Beijing day', () => {
    expect(beijingDate('2020-10-14T16:30:00.000Z')).toBe('2020-10-15');
    expect(beijingDate('2020-10-14T15:59:59.000Z')).toBe('2020-10-14');
  });
});

describe(rankDepartments.name, () => {
  const row = (departmentId: number, compliance: number | null, onTime: number | null) => ({
    departmentId,
    counts: { red: 0, amber: 0, green: 0, grey: 0 },
    compliance,
    onTime,
  });
  it('ranks by compliance, then timeliness, with nothing judged last', () => {
    const ranked = rankDepartments([row(1, 50, 90), row(2, 80, 10), row(3, null, 100), row(4, 50, 95)]);
    expect(ranked.map((r) => [r.departmentId, r.rank])).toEqual([
      [2, 1],
      [4, 2],
      [1, 3],
      [3, 4],
    ]);
  });
});

describe(failingDepartments.name, () => {
  it('keeps every red and amber department, red first, in their order otherwise; green and grey are left out', () => {
    const list = [
      { name: '区政府办', status: 'green' as const },
      { name: '区生态环境局', status: 'amber' as const },
      { name: '区司法局', status: 'grey' as const },
      { name: '区民政局', status: 'red' as const },
      { name: '区审计局', status: 'red' as const },
    ];
    expect(failingDepartments(list).map((d) => d.name)).toEqual(['区民政局', '区审计局', '区生态环境局']);
    expect(failingDepartments([{ status: 'green' as const }])).toEqual([]);
  });
});
