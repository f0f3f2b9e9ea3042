import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { WorkingDayCalendar } from './working-day-calendar';

describe(calendarYearsFromChineseDays.name, () => {
  const sample = {
    holidays: {
      '2020-01-01': "New Year's Day,元旦,1",
      '2020-10-01': 'National Day,国庆节,8',
      '2021-01-01': "New Year's Day,元旦,3",
      '2022-12-31': "New Year's Day,元旦,3",
    },
    workdays: { '2020-10-10': 'National Day,国庆节,8', '2021-02-07': 'Spring Festival,春节,7' },
    inLieuDays: { '2020-10-07': 'National Day,国庆节,8' },
  };

  it('splits the package data by year, sorted, holidays and make-up working days apart', () => {
    expect(calendarYearsFromChineseDays(sample, [2021, 2020])).toEqual([
      { year: 2021, holidays: ['2021-01-01'], makeUpWorkdays: ['2021-02-07'], source: expect.stringContaining('2021') },
      {
        year: 2020,
        holidays: ['2020-01-01', '2020-10-01'],
        makeUpWorkdays: ['2020-10-10'],
        source: expect.stringContaining('chinese-days'),
      },
    ]);
  });

  it('files a day by its own year: 2022-12-31 (start of the 2023 New Year break) belongs to 2022', () => {
    expect(calendarYearsFromChineseDays(sample, [2022])[0].holidays).toEqual(['2022-12-31']);
  });

  it('refuses a year the data does not cover rather than call it holiday-free', () => {
    expect(() => calendarYearsFromChineseDays(sample, [2019])).toThrow(/2019/);
    expect(() => calendarYearsFromChineseDays(chineseDaysData, [2027])).toThrow(RangeError);
  });

  it('rejects data of the wrong shape', () => {
    for (const bad of [
      null,
      42,
      'x',
      {},
      { holidays: {} },
      { holidays: [], workdays: {} },
      { holidays: {}, workdays: null },
    ]) {
      expect(() => calendarYearsFromChineseDays(bad, [2020])).toThrow(TypeError);
    }
  });

  it('converts the real package data for 2004–2026 into a consistent calendar', () => {
    const years = Array.from({ length: 23 }, (_, i) => 2004 + i);
    const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, years));
    expect(calendar.knownYears()).toEqual(years);
    expect(calendar.isWorkingDay('2004-10-01')).toBe(false);
  });
});
