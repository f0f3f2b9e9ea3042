import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import fc from 'fast-check';
import { readHolidayNotice } from './read-holiday-notice';

const fixture = (year: number) => readFileSync(join(__dirname, 'fixtures', `${year}.txt`), 'utf8');

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

function daysOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

/** Working or not, as the package's data says (itself copied from the notices). */
function packageWorking(iso: string): boolean {
  const data = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
  if (data.workdays[iso]) return true;
  if (data.holidays[iso]) return false;
  return !isWeekend(iso);
}

/**
 * Where the package's data follows a later, separate notice that the yearly notice does not contain:
 * 2015's 抗战胜利70周年 days, 2019's amended 劳动节, 2020's Spring Festival extension for the epidemic.
 */
const LATER_NOTICES: Record<number, string[]> = {
  2015: ['2015-09-03', '2015-09-04', '2015-09-06'],
  2019: ['2019-04-28', '2019-05-02', '2019-05-03', '2019-05-05'],
  2020: ['2020-01-31', '2020-02-01'],
};

describe(readHolidayNotice.name, () => {
  describe('the real 2025 notice', () => {
    const reading = readHolidayNotice(fixture(2025));

    it('reads the year from the title, not from the 新华社 line or the signature', () => {
      expect(reading.year).toBe(2025);
    });

    it('reads every day off, the month carried over in "4月4日(周五)至6日(周日)"', () => {
      expect(reading.holidays).toEqual([
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
        '2025-04-04',
        '2025-04-05',
        '2025-04-06',
        '2025-05-01',
        '2025-05-02',
        '2025-05-03',
        '2025-05-04',
        '2025-05-05',
        '2025-05-31',
        '2025-06-01',
        '2025-06-02',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ]);
    });

    it('reads every make-up working day (调休上班)', () => {
      expect(reading.workingDays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    });

    it('reads every sentence of the items and leaves none unread; the preamble\'s "自10月1日起" is not an item', () => {
      expect(reading.unread).toEqual([]);
      expect(reading.sentences.map((s) => s.item)).toContain('国庆节、中秋节');
      expect(reading.sentences.every((s) => s.state === 'read')).toBe(true);
    });
  });

  describe.each(Array.from({ length: 12 }, (_, i) => 2015 + i))('the %i notice', (year) => {
    const reading = readHolidayNotice(fixture(year));

    it("gives every day of the year the working status the published calendar has (with the next notice's 元旦 days)", () => {
      expect(reading.year).toBe(year);
      expect(reading.unread).toEqual([]);
      // The 2019 notice arranged 2018-12-29 to 31: a year's calendar is complete once the next notice is out.
      const next = year < 2026 ? readHolidayNotice(fixture(year + 1)).otherYears : [];
      const off = new Set([...reading.holidays, ...next.filter((d) => d.kind === 'holiday').map((d) => d.date)]);
      const on = new Set([...reading.workingDays, ...next.filter((d) => d.kind === 'workday').map((d) => d.date)]);
      const wrong = daysOfYear(year)
        .filter((d) => !(LATER_NOTICES[year] ?? []).includes(d))
        .filter((d) => (on.has(d) || (!off.has(d) && !isWeekend(d))) !== packageWorking(d));
      expect(wrong).toEqual([]);
    });

    it('keeps to the year, never lists a day both ways, and finds make-up days only on weekends', () => {
      expect([...reading.holidays, ...reading.workingDays].every((d) => d.startsWith(`${year}-`))).toBe(true);
      expect(reading.holidays.filter((d) => reading.workingDays.includes(d))).toEqual([]);
      expect(reading.workingDays.every(isWeekend)).toBe(true);
    });
  });

  it("files the previous year's days of a 元旦 break under otherYears (2019 began on 2018-12-30)", () => {
    const reading = readHolidayNotice(fixture(2019));
    expect(reading.holidays.slice(0, 1)).toEqual(['2019-01-01']);
    expect(reading.otherYears).toEqual([
      { date: '2018-12-29', kind: 'workday' },
      { date: '2018-12-30', kind: 'holiday' },
      { date: '2018-12-31', kind: 'holiday' },
    ]);
  });

  it('reads "1月1日放假,1月2日(星期一)补休" as two days off', () => {
    const reading = readHolidayNotice(fixture(2017));
    expect(reading.holidays).toEqual(expect.arrayContaining(['2017-01-01', '2017-01-02']));
  });

  it('counts the weekend next to "与周末连休" as part of the break', () => {
    const reading = readHolidayNotice(fixture(2024));
    expect(reading.holidays[0]).toBe('2024-01-01');
    expect(reading.holidays).toEqual(expect.arrayContaining(['2024-06-08', '2024-06-09', '2024-06-10']));
    expect(reading.otherYears).toEqual([
      { date: '2023-12-30', kind: 'holiday' },
      { date: '2023-12-31', kind: 'holiday' },
    ]);
  });

  it('passes over an encouragement that names a day ("安排职工在除夕(2月9日)休息")', () => {
    const reading = readHolidayNotice(fixture(2024));
    expect(reading.holidays).not.toContain('2024-02-09');
    expect(reading.sentences.find((s) => s.text.includes('鼓励'))?.state).toBe('ignored');
  });

  it('reads full-width and ASCII punctuation, 周 and 星期, a title wrapped over two lines', () => {
    const text =
      '国务院办公厅关于2027年\n部分节假日安排的通知\n一、元旦：1月1日（星期五）至3日（星期日）放假，共3天。\n二、春节:2月5日(周五)至11日(周四)放假调休,共7天。2月20日（周六）上班。';
    const reading = readHolidayNotice(text);
    expect(reading.year).toBe(2027);
    expect(reading.holidays).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    expect(reading.workingDays).toEqual(['2027-02-20']);
  });

  it('joins an item broken across lines by a paste', () => {
    const reading = readHolidayNotice(
      '国务院办公厅关于2025年部分节假日安排的通知\n三、清明节:4月4日(周五)至\n6日(周日)放假,共3天。\n',
    );
    expect(reading.holidays).toEqual(['2025-04-04', '2025-04-05', '2025-04-06']);
  });

  describe('what it does not guess', () => {
    const title = '国务院办公厅关于2025年部分节假日安排的通知\n';

    it('lists a sentence whose weekday does not match its date, and takes none of its dates', () => {
      const reading = readHolidayNotice(`${title}一、元旦:1月1日(周四)放假1天,不调休。`);
      expect(reading.holidays).toEqual([]);
      expect(reading.unread).toEqual(['元旦：1月1日(周四)放假1天,不调休']);
      expect(reading.sentences[0].noteEn).toMatch(/weekday/);
    });

    it('lists a range whose 共N天 disagrees', () => {
      const reading = readHolidayNotice(`${title}三、清明节:4月4日至7日放假,共3天。`);
      expect(reading.holidays).toEqual([]);
      expect(reading.sentences[0].noteZh).toContain('共 4 天');
    });

    it('lists a make-up working day that is not a weekend day', () => {
      const reading = readHolidayNotice(`${title}四、劳动节:5月1日至5日放假调休,共5天。4月29日(周二)上班。`);
      expect(reading.holidays).toHaveLength(5);
      expect(reading.workingDays).toEqual([]);
      expect(reading.unread).toEqual(['劳动节：4月29日(周二)上班']);
    });

    it('lists dates it cannot tell as off or on, and impossible dates', () => {
      const reading = readHolidayNotice(`${title}五、端午节:5月31日至6月2日。2月30日放假。`);
      expect(reading.unread).toHaveLength(2);
      expect(reading.holidays).toEqual([]);
    });

    it('answers no year for a text without a title, and reads nothing from it', () => {
      const reading = readHolidayNotice('一、元旦:1月1日放假。');
      expect(reading.year).toBeNull();
      expect(reading.holidays).toEqual([]);
      expect(reading.unread).toHaveLength(1);
    });

    it('reads nothing from an empty text or prose without items', () => {
      expect(readHolidayNotice('')).toMatchObject({ year: null, holidays: [], workingDays: [], unread: [] });
      expect(readHolidayNotice('新华社北京11月12日电 10月1日起放假。').holidays).toEqual([]);
    });
  });

  it('never throws, keeps to its year and never lists a day both ways, whatever the text', () => {
    const pieces = [
      '国务院办公厅关于2026年部分节假日安排的通知\n',
      '一、元旦:',
      '二、春节:',
      '1月1日',
      '(周四)',
      '(星期日)',
      '至',
      '3日',
      '12月31日',
      '2025年',
      '放假',
      '调休',
      '上班',
      '补休',
      ',',
      '。',
      '共3天',
      '与周末连休',
      '\n',
      '2月30日',
      '13月1日',
      '、',
      '鼓励',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const reading = readHolidayNotice(pieces[0] + parts.join(''));
        const all = [...reading.holidays, ...reading.workingDays];
        expect(all.every((d) => d.startsWith('2026-'))).toBe(true);
        expect(reading.holidays.filter((d) => reading.workingDays.includes(d))).toEqual([]);
        expect(reading.workingDays.every(isWeekend)).toBe(true);
        expect(reading.otherYears.every((d) => !d.date.startsWith('2026-'))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
