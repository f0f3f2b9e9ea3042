import { needsSupervision } from './needs-supervision';

describe(needsSupervision.name, () => {
  const looked = {
    supervisedOn: '2020-10-15',
    supervisedVersion: 7,
    supervisionVersion: 7,
    supervisionRecheckOn: '2020-10-23',
  };

  it('leaves alone a plan unchanged since its last run, until its recheck day', () => {
    expect(needsSupervision(looked, '2020-10-15')).toBe(false);
    expect(needsSupervision(looked, '2020-10-22')).toBe(false);
    expect(needsSupervision(looked, '2020-10-23')).toBe(true);
    expect(needsSupervision(looked, '2020-11-30')).toBe(true);
  });
  it('leaves it alone for good when time alone changes nothing there, until something changes', () => {
    expect(needsSupervision({ ...looked, supervisionRecheckOn: null }, '2021-06-01')).toBe(false);
    expect(needsSupervision({ ...looked, supervisionRecheckOn: null, supervisionVersion: 8 }, '2021-06-01')).toBe(true);
  });
  it('looks at a plan never supervised, changed since, or last supervised on a later day (a clock set back)', () => {
    expect(needsSupervision({ ...looked, supervisedOn: null, supervisedVersion: null }, '2020-10-15')).toBe(true);
    expect(needsSupervision({ ...looked, supervisionVersion: 8 }, '2020-10-16')).toBe(true);
    expect(needsSupervision(looked, '2020-10-14')).toBe(true);
  });
});
