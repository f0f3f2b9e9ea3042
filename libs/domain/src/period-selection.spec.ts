import fc from 'fast-check';
import { latestPeriodRecheckDate, latestPeriodRows } from './period-selection';
import { nextDay } from './recheck-date';

const MONTH_END = [
  '01-31',
  '02-29',
  '03-31',
  '04-30',
  '05-31',
  '06-30',
  '07-31',
  '08-31',
  '09-30',
  '10-31',
  '11-30',
  '12-31',
];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
const monthly = (m: number) => ({
  periodKey: `2020-${String(m).padStart(2, '0')}`,
  periodEnd: `2020-${MONTH_END[m - 1]}`,
});
const quarterly = (q: number) => ({ periodKey: `2020-Q${q}`, periodEnd: `2020-${QUARTER_END[q - 1]}` });

describe(latestPeriodRows.name, () => {
  it('shows the latest ended period, or the earliest running one where none has ended', () => {
    const rows = [monthly(1), monthly(2), monthly(3)].map((r) => ({ ...r, key: 'm' }));
    expect(latestPeriodRows(rows, (r) => r.key, '2020-01-15').get('m')?.periodKey).toBe('2020-01');
    expect(latestPeriodRows(rows, (r) => r.key, '2020-02-29').get('m')?.periodKey).toBe('2020-02');
    expect(latestPeriodRows(rows, (r) => r.key, '2020-02-29', false).get('m')?.periodKey).toBe('2020-02');
    expect(latestPeriodRows(rows, (r) => r.key, '2020-01-15', false).has('m')).toBe(false);
  });
});

describe(latestPeriodRecheckDate.name, () => {
  it('is the next day a period begins or ends', () => {
    expect(latestPeriodRecheckDate([monthly(1), monthly(2)], '2020-01-15')).toBe('2020-01-31');
    expect(latestPeriodRecheckDate([monthly(1), monthly(2)], '2020-01-31')).toBe('2020-02-01');
    expect(latestPeriodRecheckDate([quarterly(2)], '2020-01-15')).toBe('2020-04-01');
    expect(latestPeriodRecheckDate([monthly(1), quarterly(1)], '2020-03-31')).toBeNull();
  });

  // Never late: latestPeriodRows chooses the same rows on every day before the answer (or all year, with none).
  it('is a day before which the shown rows stay the same, for any rows and day', () => {
    const yearly = { periodKey: '2020', periodEnd: '2020-12-31' };
    const row = fc.oneof(
      fc.integer({ min: 1, max: 12 }).map(monthly),
      fc.integer({ min: 1, max: 4 }).map(quarterly),
      fc.constant(yearly),
    );
    const keyed = fc.array(
      fc.tuple(fc.constantFrom('a', 'b', 'c'), row).map(([key, r]) => ({ ...r, key })),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(keyed, fc.integer({ min: 0, max: 365 }), (rows, n) => {
        const asOf = new Date(Date.UTC(2019, 11, 31 + n)).toISOString().slice(0, 10);
        const shown = (day: string) => JSON.stringify([...latestPeriodRows(rows, (r) => r.key, day)].sort());
        const answer = latestPeriodRecheckDate(rows, asOf);
        for (let day = nextDay(asOf); day < (answer ?? '2021-02-01'); day = nextDay(day))
          expect(shown(day)).toBe(shown(asOf));
      }),
      { numRuns: 200 },
    );
  });
});
