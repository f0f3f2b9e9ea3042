import type { CalendarYear } from '@taizhang/domain';
import { DataSource } from 'typeorm';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { as, createUser, expectError, ROLE_REFUSED, SIGN_IN_FIRST, signInAdmin } from './support';
import { useTestApp } from './test-app';

/** China's working-day calendar over HTTP: the start day is not counted, holidays and make-up days as the State Council notices say. */
describe('working-day calendar over HTTP', () => {
  const t = useTestApp({ demo: false });
  let admin: string;
  // Reads need any signed-in user; the admin also changes the calendar.
  const api = () => as(t.app, admin);
  const add = (start: string, days: number | string) =>
    api().get(`/api/calendar/working-days/add?start=${start}&days=${days}`);
  const count = (start: string, end: string) => api().get(`/api/calendar/working-days/count?start=${start}&end=${end}`);

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
  });

  it('skips the 2020 National Day holiday and counts the make-up Saturday 10 October', async () => {
    expect((await add('2020-09-30', 0).expect(200)).body).toEqual({ date: '2020-09-30', provisional: false });
    expect((await add('2020-09-30', 1).expect(200)).body).toEqual({ date: '2020-10-09', provisional: false });
    expect((await add('2020-09-30', 2).expect(200)).body).toEqual({ date: '2020-10-10', provisional: false });
    expect((await add('2020-09-30', 3).expect(200)).body).toEqual({ date: '2020-10-12', provisional: false });
    // The 2020-09 figures are due on the 5th working day after the month ends.
    expect((await add('2020-09-30', 5).expect(200)).body).toEqual({ date: '2020-10-14', provisional: false });
    // Sunday 27 September 2020 was a make-up working day too.
    expect((await add('2020-09-25', 1).expect(200)).body).toEqual({ date: '2020-09-27', provisional: false });
    expect((await count('2020-09-30', '2020-10-12').expect(200)).body).toEqual({ days: 3, provisional: false });
    expect((await count('2020-10-12', '2020-09-30').expect(200)).body).toEqual({ days: -3, provisional: false });
    expect((await count('2020-10-01', '2020-10-08').expect(200)).body).toEqual({ days: 0, provisional: false });
  });

  it('knows the Spring Festival 2020 holiday was extended to 2 February', async () => {
    expect((await add('2020-01-23', 1).expect(200)).body).toEqual({ date: '2020-02-03', provisional: false });
    expect((await count('2020-01-23', '2020-02-03').expect(200)).body).toEqual({ days: 1, provisional: false });
    // Sunday 19 January 2020 was a make-up working day.
    expect((await add('2020-01-17', 1).expect(200)).body).toEqual({ date: '2020-01-19', provisional: false });
  });

  it('answers a date that does not exist or is not a date with 400 in both languages', async () => {
    expectError(
      await add('2020-02-30', 1),
      400,
      'INVALID_DATE',
      '无效日期 "2020-02-30"：应为真实存在的日期，格式 "YYYY-MM-DD"',
      'Invalid date "2020-02-30": expected a real calendar date "YYYY-MM-DD"',
    );
    expectError(await count('2020-01-01', '2020-02-30'), 400, 'INVALID_DATE', /2020-02-30/, /2020-02-30/);
    expectError(
      await add('abc', 1),
      400,
      'INVALID_INPUT',
      'start 应为日期 YYYY-MM-DD',
      'start must be a date written YYYY-MM-DD',
    );
    expectError(
      await add('2020-2-3', 1),
      400,
      'INVALID_INPUT',
      'start 应为日期 YYYY-MM-DD',
      'start must be a date written YYYY-MM-DD',
    );
    expectError(
      await count('2020-01-01', 'tomorrow'),
      400,
      'INVALID_INPUT',
      'end 应为日期 YYYY-MM-DD',
      'end must be a date written YYYY-MM-DD',
    );
    expectError(
      await api().get('/api/calendar/working-days/count?start=2020-01-01'),
      400,
      'INVALID_INPUT',
      /end 应为日期/,
      /end must be a date/,
    );
  });

  it('answers a negative, fractional, huge or missing number of days with 400, never 500', async () => {
    for (const days of ['-1', '1.5', 'abc', '3651']) {
      expectError(
        await add('2020-09-30', days),
        400,
        'INVALID_INPUT',
        'days 应为 0 至 3650 的整数',
        'days must be a whole number from 0 to 3650',
      );
    }
    expectError(
      await api().get('/api/calendar/working-days/add?start=2020-09-30'),
      400,
      'INVALID_INPUT',
      /days 应为/,
      /days must be/,
    );
    expectError(
      await api().get('/api/calendar/working-days/add?start=2020-09-30&days=1&extra=1'),
      400,
      'INVALID_INPUT',
      '不接受字段 extra，请删除',
      'property extra should not exist',
    );
  });

  it('answers beyond the official years on a provisional calendar and says so; refuses only outside 2000–2101', async () => {
    // 2026-12-25 is a Friday: Mon 28 to Thu 31 December, then (1 January off, 2–3 weekend) Monday 4 January 2027.
    expect((await add('2026-12-25', 5).expect(200)).body).toEqual({ date: '2027-01-04', provisional: true });
    expect((await add('2026-12-01', 5).expect(200)).body).toEqual({ date: '2026-12-08', provisional: false });
    // 2031's National Day week is computed from the holiday law: 1–7 October off, no make-up days guessed.
    expect((await add('2031-09-30', 1).expect(200)).body).toEqual({ date: '2031-10-08', provisional: true });
    expect((await count('2026-12-31', '2027-01-08').expect(200)).body).toEqual({ days: 5, provisional: true });
    expectError(await add('2101-12-30', 5), 400, 'DATE_OUTSIDE_CALENDAR', /2102-01-01/, /2102-01-01/);
    expectError(
      await count('1999-12-31', '2000-01-10'),
      400,
      'DATE_OUTSIDE_CALENDAR',
      '日期 1999-12-31 超出工作日历已知年份（2000–2101）',
      'Date 1999-12-31 is outside the years the working-day calendar knows (2000–2101)',
    );
  });

  it('lists the bundled years 2020 to 2026 with their holidays and make-up days', async () => {
    const years: CalendarYear[] = (await api().get('/api/calendar/years').expect(200)).body;
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const y2020 = years[0];
    expect(y2020.holidays).toEqual(expect.arrayContaining(['2020-01-24', '2020-02-02', '2020-10-01', '2020-10-08']));
    expect(y2020.makeUpWorkdays).toEqual(expect.arrayContaining(['2020-01-19', '2020-09-27', '2020-10-10']));
    expect(y2020.holidays).not.toContain('2020-10-10');
    for (const y of years) {
      expect(y.holidays.length).toBeGreaterThan(0);
      expect([...y.holidays, ...y.makeUpWorkdays].every((d) => d.startsWith(`${y.year}-`))).toBe(true);
    }
  });

  it('lets only the admin change the calendar: anonymous 401, leader and department 403, and nothing is stored', async () => {
    const leader = await createUser(t.app, admin, 'cal-leader', 'leader');
    const department = await createUser(t.app, admin, 'cal-dept', 'department', 1);
    const before = (await api().get('/api/calendar/years').expect(200)).body;
    const body = { holidays: ['2029-01-01'], makeUpWorkdays: [] };
    expectError(await as(t.app).put('/api/calendar/years/2029').send(body), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
    for (const token of [leader, department])
      expectError(await as(t.app, token).put('/api/calendar/years/2029').send(body), 403, 'FORBIDDEN', ...ROLE_REFUSED);
    // Reading it is open to every signed-in user, not to anonymous callers.
    expect((await as(t.app, department).get('/api/calendar/years').expect(200)).body).toEqual(before);
    expectError(await as(t.app).get('/api/calendar/working-days/add?start=2020-09-30&days=1'), 401, 'UNAUTHORIZED');
  });

  it('adds a year from an admin without a code change: 2027 dates then answer with its holidays and make-up days', async () => {
    // Before: provisional, 除夕 (5 February) to 初七 off, so Friday 12 February is followed by Monday 15 February.
    expect((await add('2027-02-12', 1).expect(200)).body).toEqual({ date: '2027-02-15', provisional: true });
    const body = {
      holidays: ['2027-01-01', '2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'],
      makeUpWorkdays: ['2027-02-20'],
      source: '国办发明电〔2026〕测试',
    };
    const put = await api().put('/api/calendar/years/2027').send(body).expect(200);
    expect(put.body).toEqual({ year: 2027, kind: 'official', ...body });

    const years: CalendarYear[] = (await api().get('/api/calendar/years').expect(200)).body;
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(years.at(-1)).toEqual({ year: 2027, kind: 'official', ...body });
    // Friday 12 February 2027, then the holiday week, then the make-up Saturday 20 February.
    expect((await add('2027-02-12', 1).expect(200)).body).toEqual({ date: '2027-02-20', provisional: false });
    expect((await add('2027-02-12', 2).expect(200)).body).toEqual({ date: '2027-02-22', provisional: false });
    expect((await count('2027-02-12', '2027-02-22').expect(200)).body).toEqual({ days: 2, provisional: false });
    // Across the new year: 1 January 2027 (Friday) is a holiday, so the next working day is Monday 4 January.
    expect((await add('2026-12-31', 1).expect(200)).body).toEqual({ date: '2027-01-04', provisional: false });
    // Due dates and case lengths may have moved: the next scheduled cycle evaluates every period again.
    const engine = t.app.get(EvaluationService);
    const everything = (await engine.runCycle('full')).evaluated;
    expect(everything).toBeGreaterThan(0);
    expect((await engine.runCycle()).evaluated).toBe(0);
    const checks = async () =>
      (
        await t.app
          .get(DataSource)
          .query(
            "SELECT COUNT(*) AS n, SUM(CASE WHEN check_on = '0000-01-01' THEN 1 ELSE 0 END) AS stale FROM evaluation_checks",
          )
      )[0];
    const rows = Number((await checks()).n);
    await api().put('/api/calendar/years/2027').send(body).expect(200);
    // Marked, not deleted: every row stays, each due at once.
    expect(await checks()).toEqual({ n: expect.anything(), stale: expect.anything() });
    expect([Number((await checks()).n), Number((await checks()).stale)]).toEqual([rows, rows]);
    expect((await engine.runCycle()).evaluated).toBe(everything);
  });

  it('rejects a year whose lists hold a date of another year, an impossible date or a day both off and on, and keeps the stored year', async () => {
    await api()
      .put('/api/calendar/years/2028')
      .send({ holidays: ['2028-01-03'], makeUpWorkdays: [] })
      .expect(200);
    const before: CalendarYear[] = (await api().get('/api/calendar/years').expect(200)).body;

    const refused: Array<[body: object, code: string, zh?: string | RegExp, en?: string | RegExp]> = [
      [
        { holidays: ['2028-01-01', '2029-01-01'], makeUpWorkdays: [] },
        'INVALID_INPUT',
        '日期 2029-01-01 不属于 2028 年',
        'Date 2029-01-01 is not in 2028',
      ],
      [
        { holidays: [], makeUpWorkdays: ['2027-12-31'] },
        'INVALID_INPUT',
        '日期 2027-12-31 不属于 2028 年',
        'Date 2027-12-31 is not in 2028',
      ],
      [{ holidays: ['2028-02-30'], makeUpWorkdays: [] }, 'INVALID_DATE', /2028-02-30/, /2028-02-30/],
      [
        { holidays: ['2028-01-29'], makeUpWorkdays: ['2028-01-29'] },
        'INVALID_INPUT',
        '2028-01-29 不能既是节假日又是调休上班日',
        '2028-01-29 cannot be both a holiday and a make-up working day',
      ],
      [{ holidays: ['1 Jan'], makeUpWorkdays: [] }, 'INVALID_INPUT', /holidays 应为日期/, /holidays must be a date/],
      [{ holidays: ['2028-01-01'] }, 'INVALID_INPUT'],
    ];
    for (const [body, code, zh, en] of refused)
      expectError(await api().put('/api/calendar/years/2028').send(body), 400, code, zh, en);
    expectError(
      await api().put('/api/calendar/years/next').send({ holidays: [], makeUpWorkdays: [] }),
      400,
      'INVALID_INPUT',
      '年份应为正整数',
      'year must be a positive whole number',
    );

    expect((await api().get('/api/calendar/years').expect(200)).body).toEqual(before);
    // Monday 3 January 2028 stays a holiday: the next working day after Saturday 1 January is Tuesday 4 January.
    expect((await add('2028-01-01', 1).expect(200)).body).toEqual({ date: '2028-01-04', provisional: false });
  });
});
