import { monthWeeks, parseYear } from './calendar-days';

describe('calendar days', () => {
  it('lays a month out in Monday-first weeks', () => {
    // 1 February 2027 is a Monday; 28 days fill exactly four weeks.
    expect(monthWeeks(2027, 2)).toHaveLength(4);
    expect(monthWeeks(2027, 2)[0][0]).toBe('2027-02-01');
    // 1 January 2027 is a Friday: four empty cells before it; the 31st is a Sunday, the last cell.
    const january = monthWeeks(2027, 1);
    expect(january[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(january[january.length - 1][6]).toBe('2027-01-31');
    // A leap year's February.
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('reads the year of the address only when the calendar knows it', () => {
    expect(parseYear('2027')).toBe(2027);
    expect(parseYear('2101')).toBe(2101);
    expect(parseYear('1999')).toBeNull();
    expect(parseYear('2027x')).toBeNull();
    expect(parseYear(null)).toBeNull();
  });
});
