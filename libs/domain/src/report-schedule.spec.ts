import chineseDays from 'chinese-days/dist/chinese-days.json';
import { firstWorkingDayOfMonth, reportDue } from './report-schedule';
import { markRevisions, neutralizeFormula, type ReportMetricRow } from './report-snapshot';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDays, [2020, 2021, 2024, 2025]));

describe(firstWorkingDayOfMonth.name, () => {
  it('skips the National Day holiday: October 2020 starts on the 9th', () => {
    expect(firstWorkingDayOfMonth(2020, 10, calendar)).toBe('2020-10-09');
  });
  it('skips New Year: January 2021 starts on the 4th', () => {
    expect(firstWorkingDayOfMonth(2021, 1, calendar)).toBe('2021-01-04');
  });
  it('skips the Spring Festival: February 2025 starts on the 5th', () => {
    expect(firstWorkingDayOfMonth(2025, 2, calendar)).toBe('2025-02-05');
  });
  it('is the 1st when the 1st is an ordinary weekday', () => {
    expect(firstWorkingDayOfMonth(2020, 12, calendar)).toBe('2020-12-01');
  });
});

describe(reportDue.name, () => {
  it('is due on the first working day, for the previous month', () => {
    expect(reportDue('2020-10-09', calendar)).toEqual({ due: true, month: '2020-09' });
    expect(reportDue('2020-10-08', calendar)).toEqual({ due: false, month: '2020-09' });
    expect(reportDue('2021-01-04', calendar)).toEqual({ due: true, month: '2020-12' });
  });
});

describe(markRevisions.name, () => {
  const row = (code: string, value: number | null, status: ReportMetricRow['status'] = 'green'): ReportMetricRow => ({
    code,
    name: code,
    nameEn: code,
    taskNumber: 1,
    status,
    value,
    target: '≥ 80%',
    targetEn: '≥ 80%',
    reasonZh: `${value}`,
    reasonEn: `${value}`,
    revised: false,
  });
  it('marks the rows whose figure or status changed, and new rows', () => {
    const marked = markRevisions(
      [row('A', 80), row('B', 70, 'red'), row('C', 90)],
      [row('A', 80), row('B', 75, 'amber')],
    );
    expect(marked.map((r) => r.revised)).toEqual([false, true, true]);
  });
  it('marks nothing in a first version', () => {
    expect(markRevisions([row('A', 1)], null)[0].revised).toBe(false);
  });
});

describe(neutralizeFormula.name, () => {
  it('keeps text that looks like a formula as text', () => {
    expect(neutralizeFormula('@cmd')).toBe("'@cmd");
    expect(neutralizeFormula('+1')).toBe("'+1");
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralizeFormula('-5')).toBe("'-5");
    expect(neutralizeFormula('正常 -5')).toBe('正常 -5');
  });
});
