import { previousPeriodRow } from './previous-period';

describe(previousPeriodRow.name, () => {
  const row = (periodEnd: string, status = 'green') => ({ periodEnd, status });

  it('gives the latest period that ended before, whatever the order of the history', () => {
    const march = row('2020-03-31', 'red');
    const history = [row('2020-01-31'), row('2020-04-30'), march, row('2020-02-29')];
    expect(previousPeriodRow(history, row('2020-04-30'))).toBe(march);
  });
  it('gives nothing for the first period', () => {
    expect(previousPeriodRow([row('2020-01-31'), row('2020-02-29')], row('2020-01-31'))).toBeUndefined();
    expect(previousPeriodRow([], row('2020-01-31'))).toBeUndefined();
  });
});
