import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CalendarStatusResponse,
  CalendarYearResponse,
  HealthResponse,
  NoticePreviewResponse,
} from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, createUser, expectError, http, signInAdmin } from './support';
import { useTestApp } from './test-app';

const notice = (year: number) =>
  readFileSync(path.join(__dirname, '../../../libs/domain/src/holiday-notice/fixtures', `${year}.txt`), 'utf8');

/** A 2027 notice as an admin would paste it (not yet published: written in the published style for the test). */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
新华社北京11月20日电 国务院办公厅关于2027年部分节假日安排的通知,全文如下:
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦:1月1日(周五)至3日(周日)放假,共3天。
二、春节:2月5日(农历除夕、周五)至12日(农历正月初七、周五)放假调休,共8天。2月20日(周六)上班。
三、清明节:4月3日(周六)至5日(周一)放假,共3天。
四、劳动节:5月1日(周六)至5日(周三)放假调休,共5天。4月25日(周日)、5月8日(周六)上班。
五、端午节:6月9日(周三)放假1天,不调休。
六、中秋节:9月15日(周三)放假1天,不调休。
七、国庆节:10月1日(周五)至7日(周四)放假调休,共7天。9月26日(周日)、10月9日(周六)上班。
国务院办公厅
2026年11月20日`;

/** The admin pastes the State Council's notice; Taizhang reads it, shows what it read, and stores the year as official. */
describe('holiday notices and provisional years over HTTP', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2026-12-04' } });
  let admin: string;
  let leader: string;
  const api = () => as(t.app, admin);
  const calendarRows = async () =>
    Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM calendar_days'))[0].n);
  const auditRows = (action: string): Promise<Array<{ entity_id: string; after: string }>> =>
    t.app
      .get(DataSource)
      .createQueryBuilder()
      .select(['a.entity_id AS entity_id', 'a.after AS "after"'])
      .from('audit_log', 'a')
      .where('a.action = :action', { action })
      .orderBy('a.id')
      .getRawMany();

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'notice-leader', 'leader');
  });

  it('reads the real 2025 notice in preview: year, every day off and make-up day, nothing unread, nothing written', async () => {
    const before = await calendarRows();
    const preview: NoticePreviewResponse = (
      await api()
        .post('/api/calendar/notices/preview')
        .send({ text: notice(2025) })
        .expect(200)
    ).body;
    expect(preview).toMatchObject({ year: 2025, unread: [], current: 'package', otherYears: [] });
    expect(preview.workingDays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(preview.holidays).toHaveLength(28);
    expect(preview.holidays).toEqual(expect.arrayContaining(['2025-01-01', '2025-01-28', '2025-02-04', '2025-10-08']));
    expect(preview.sentences.every((s) => s.state === 'read')).toBe(true);
    expect(await calendarRows()).toBe(before);
  });

  it('lists what it cannot read, and refuses to confirm until the text is right; nothing is stored', async () => {
    const broken = NOTICE_2027.replace('2月20日(周六)上班', '2月19日(周六)上班');
    const preview: NoticePreviewResponse = (
      await api().post('/api/calendar/notices/preview').send({ text: broken }).expect(200)
    ).body;
    expect(preview.unread).toEqual(['春节：2月19日(周六)上班']);
    expect(preview.sentences.find((s) => s.state === 'unread')).toMatchObject({
      noteZh: expect.stringContaining('2027-02-19'),
      noteEn: expect.stringContaining('weekday'),
    });
    const before = await calendarRows();
    const refusals: Array<[string, unknown, RegExp, RegExp]> = [
      ['confirm', broken, /有 1 句未能读出.*2月19日/, /1 sentence\(s\) could not be read/],
      ['confirm', '一、元旦:1月1日放假。', /找不到年份/, /names no year/],
      ['confirm', '   ', /text 不能为空/, /text is empty/],
      ['preview', 42, /^text /, /^text /],
    ];
    for (const [route, text, zh, en] of refusals)
      expectError(await api().post(`/api/calendar/notices/${route}`).send({ text }), 400, 'INVALID_INPUT', zh, en);
    expect(await calendarRows()).toBe(before);
    expect((await api().get('/api/calendar/years/2027').expect(200)).body.source).toBe('provisional');
  });

  it("warns ahead: from 1 November, with 2027 provisional, status and health name it, and the admins' bell says so once", async () => {
    const status: CalendarStatusResponse = (await api().get('/api/calendar/status').expect(200)).body;
    expect(status).toEqual({
      today: '2026-12-04',
      nextYear: 2027,
      nextYearProvisional: true,
      warn: true,
      provisionalYearsInUse: [2027],
    });
    const health: HealthResponse = (await http(t.app).get('/api/health').expect(200)).body;
    expect(health.calendar).toEqual({ provisionalYearsInUse: [2027] });
    const supervision = t.app.get(SupervisionService);
    await supervision.runCycle('full');
    await supervision.runCycle('full');
    const bell = (await api().get('/api/notifications').expect(200)).body;
    expect(bell.items.filter((n: { titleZh: string }) => n.titleZh.includes('2027 年工作日历尚为暂定'))).toHaveLength(
      1,
    );
    expect(bell.items[0]).toMatchObject({
      link: '/admin/calendar?year=2027',
      titleEn: expect.stringContaining('2027 working-day calendar is still provisional'),
    });
    // Leaders are not asked to paste notices.
    const leaderBell = (await as(t.app, leader).get('/api/notifications').expect(200)).body;
    expect(leaderBell.items.filter((n: { titleZh: string }) => n.titleZh.includes('暂定'))).toHaveLength(0);
  });

  it('stores a confirmed notice as the official year (audited): due dates across 1 January are no longer provisional', async () => {
    const stored: CalendarYearResponse = (
      await api().post('/api/calendar/notices/confirm').send({ text: NOTICE_2027 }).expect(201)
    ).body;
    expect(stored).toMatchObject({
      year: 2027,
      source: 'official',
      note: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    expect(stored.workingDays).toEqual(['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
    expect((await api().get('/api/calendar/years/2027').expect(200)).body).toEqual(stored);
    expect((await api().get('/api/calendar/working-days/add?start=2027-02-12&days=1').expect(200)).body).toEqual({
      date: '2027-02-15',
      provisional: false,
    });
    expect((await api().get('/api/calendar/working-days/add?start=2027-02-15&days=5').expect(200)).body).toEqual({
      date: '2027-02-20',
      provisional: false,
    });
    expect((await api().get('/api/calendar/working-days/add?start=2026-12-25&days=5').expect(200)).body).toEqual({
      date: '2027-01-04',
      provisional: false,
    });
    expect(await auditRows('confirm holiday notice')).toEqual([expect.objectContaining({ entity_id: '2027' })]);
    expect((await api().get('/api/calendar/status').expect(200)).body).toMatchObject({
      nextYearProvisional: false,
      warn: false,
      provisionalYearsInUse: [],
    });
  });

  it("sets the previous year's days a notice arranges in that year too (2019's 元旦 began on 2018-12-30)", async () => {
    expect((await api().get('/api/calendar/years/2018').expect(200)).body.source).toBe('provisional');
    await api()
      .post('/api/calendar/notices/confirm')
      .send({ text: notice(2019) })
      .expect(201);
    const y2018: CalendarYearResponse = (await api().get('/api/calendar/years/2018').expect(200)).body;
    // 2018 has no notice of its own here: it stays provisional, with the 2019 notice's days set.
    expect(y2018.source).toBe('provisional');
    expect(y2018.workingDays).toEqual(['2018-12-29']);
    expect(y2018.holidays).toEqual(expect.arrayContaining(['2018-12-30', '2018-12-31']));
    expect((await api().get('/api/calendar/working-days/add?start=2018-12-28&days=1').expect(200)).body).toEqual({
      date: '2018-12-29',
      provisional: true,
    });
  });

  it('sets one day by hand with its reason (audited); refuses a missing reason or a make-up day on a weekday', async () => {
    const set = await api()
      .put('/api/calendar/days/2027-03-01')
      .send({ kind: 'holiday', reason: '本区重大活动，经区政府同意放假' })
      .expect(200);
    expect(set.body).toMatchObject({ year: 2027, source: 'official', note: expect.stringContaining('手工调整') });
    expect(set.body.holidays).toContain('2027-03-01');
    expect((await api().get('/api/calendar/working-days/add?start=2027-02-26&days=1').expect(200)).body).toEqual({
      date: '2027-03-02',
      provisional: false,
    });
    expect(await auditRows('set calendar day')).toEqual([expect.objectContaining({ entity_id: '2027-03-01' })]);
    expect(JSON.parse((await auditRows('set calendar day'))[0].after)).toEqual({
      kind: 'holiday',
      reason: '本区重大活动，经区政府同意放假',
    });

    await api().put('/api/calendar/days/2027-03-01').send({ kind: 'ordinary', reason: '活动取消' }).expect(200);
    expect((await api().get('/api/calendar/years/2027').expect(200)).body.holidays).not.toContain('2027-03-01');

    expectError(
      await api().put('/api/calendar/days/2027-03-02').send({ kind: 'holiday', reason: '\u200b ' }),
      400,
      'INVALID_INPUT',
      /请填写调整理由/,
      /give the reason/,
    );
    expectError(
      await api().put('/api/calendar/days/2027-03-02').send({ kind: 'workday', reason: '补班' }),
      400,
      'INVALID_INPUT',
      '2027-03-02 不是周末，无需设为调休上班日',
      '2027-03-02 is not a weekend day: it is a working day already',
    );
    expectError(
      await api().put('/api/calendar/days/2027-02-30').send({ kind: 'holiday', reason: 'x' }),
      400,
      'INVALID_DATE',
      /2027-02-30/,
      /2027-02-30/,
    );
    expectError(
      await api().put('/api/calendar/days/2150-01-01').send({ kind: 'holiday', reason: 'x' }),
      400,
      'INVALID_INPUT',
      '年份应在 2000 至 2101 之间',
      'The year must be from 2000 to 2101',
    );
    expectError(
      await as(t.app, leader).put('/api/calendar/days/2027-03-02').send({ kind: 'holiday', reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await as(t.app, leader).post('/api/calendar/notices/preview').send({ text: NOTICE_2027 }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers any year of 2000–2101 with its source, and refuses others with a message', async () => {
    const y2050: CalendarYearResponse = (await api().get('/api/calendar/years/2050').expect(200)).body;
    expect(y2050).toMatchObject({ year: 2050, source: 'provisional', workingDays: [], updatedAt: null });
    expect(y2050.holidays).toEqual(expect.arrayContaining(['2050-01-01', '2050-05-05', '2050-10-07']));
    expect((await api().get('/api/calendar/years/2024').expect(200)).body).toMatchObject({
      source: 'package',
      note: expect.stringContaining('chinese-days'),
    });
    expectError(
      await api().get('/api/calendar/years/1999'),
      400,
      'INVALID_INPUT',
      '年份应在 2000 至 2101 之间',
      'The year must be from 2000 to 2101',
    );
  });
});
