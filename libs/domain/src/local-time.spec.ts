import fc from 'fast-check';
import { shanghaiDayStart, shanghaiTime } from './local-time';

describe(shanghaiTime.name, () => {
  it('gives Beijing time to the minute', () => {
    expect(shanghaiTime('2020-07-07T06:05:59.999Z')).toBe('2020-07-07 14:05');
    expect(shanghaiTime('2020-12-31T16:30:00Z')).toBe('2021-01-01 00:30');
    expect(shanghaiTime('2020-07-07T14:05:00+08:00')).toBe('2020-07-07 14:05');
  });

  it('leaves text that is no time as it is', () => {
    expect(shanghaiTime('—')).toBe('—');
  });

  it('puts every instant within the Shanghai day that starts at shanghaiDayStart', () => {
    const instant = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(instant, (iso) => {
        const day = shanghaiTime(iso).slice(0, 10);
        const start = shanghaiDayStart(day);
        expect(start <= iso).toBe(true);
        expect(Date.parse(iso) - Date.parse(start)).toBeLessThan(24 * 3600 * 1000);
      }),
    );
  });
});

describe(shanghaiDayStart.name, () => {
  it('is 16:00 UTC the day before', () => {
    expect(shanghaiDayStart('2020-07-07')).toBe('2020-07-06T16:00:00.000Z');
  });
});
