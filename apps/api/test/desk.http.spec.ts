import type { QueueItem, QueueResponse } from '@taizhang/contracts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DataSource } from 'typeorm';
import { SupervisionService } from '../src/supervision/supervision.service';
import { sha256, smallPdf } from './files';
import { as, binary, createUser, expectError, metricsByCode, signInAdmin } from './support';
import { useTestApp } from './test-app';

// Monday 2020-10-12: September's monthly figures (due Wednesday 10-14) are due this week, August's and earlier are
// overdue, October's and the year's are due later. No demo history: the department has reported nothing yet.
const TODAY = '2020-10-12';
const SUNDAY = '2020-10-18';
const NEVER = '0 0 1 1 *';
const FAKE_PDF = Buffer.from('This is a text file with a .pdf name, not a PDF.\n');

type Bell = {
  unread: number;
  items: Array<{ id: number; titleZh: string; titleEn: string; link: string | null; read: boolean }>;
};

describe('the department clerk’s desk over HTTP', () => {
  // Soft rules on, as in the product: a late figure needs its explanation, in the form and in the template.
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: TODAY, SOFT_RULES: '1', EVALUATION_CRON: NEVER } });
  let admin: string;
  let leader: string;
  let clerk: string;
  let other: string;
  let sfj: number;
  let names: Map<string, { id: number; name: string; nameEn: string }>;
  /** The whole list, unpaged, as the API gives it without a page size. */
  let everything: QueueItem[];
  const queue = async (query = '', token = clerk): Promise<QueueResponse> =>
    (await as(t.app, token).get(`/api/queue?planId=1${query}`).expect(200)).body;
  const bell = async (token = clerk): Promise<Bell> =>
    (await as(t.app, token).get('/api/notifications').expect(200)).body;
  const codes = (items: QueueItem[]) => items.map((i) => `${i.metricCode}@${i.period}`);

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'leader-1', 'leader');
    const departments: Array<{ id: number; name: string }> = (
      await as(t.app, admin).get('/api/departments').expect(200)
    ).body;
    sfj = departments.find((d) => d.name === '区司法局')!.id;
    clerk = await createUser(t.app, admin, 'sfj-clerk', 'department', sfj);
    other = await createUser(
      t.app,
      admin,
      'zfb-clerk',
      'department',
      departments.find((d) => d.name === '区政府办')!.id,
    );
    names = new Map(
      [...(await metricsByCode(t.app, admin))].map(([code, m]) => [code, { id: m.id, name: m.name, nameEn: m.nameEn }]),
    );
    everything = (await queue()).items;
  });

  describe('tabs, search and pages', () => {
    it('counts every tab from the same list: overdue, due by Sunday, returned, submitted, all; overdue first', async () => {
      const q = await queue();
      const dueThisWeek = everything.filter(
        (i) => (i.state === 'due' || i.state === 'due-soon') && i.dueDate <= SUNDAY,
      );
      expect(q.counts).toEqual({
        all: everything.length,
        overdue: everything.filter((i) => i.state === 'overdue').length,
        returned: 0,
        'due-week': dueThisWeek.length,
        submitted: 0,
      });
      expect(q.counts.overdue).toBeGreaterThan(20);
      expect(dueThisWeek.length).toBeGreaterThan(0);
      expect(dueThisWeek.every((i) => i.period === '2020-09' || i.period === '2020-Q3')).toBe(true);
      expect(q).toMatchObject({ filter: 'all', q: '', total: everything.length, page: 1, pages: 1, pageSize: null });
      expect(everything[0].state).toBe('overdue');
      expect(everything.findIndex((i) => i.state !== 'overdue')).toBe(q.counts.overdue);
    });

    it('gives one tab a page at a time, in the list’s order, with the counts of every tab', async () => {
      const overdue = everything.filter((i) => i.state === 'overdue');
      const page2 = await queue('&state=overdue&page=2&pageSize=5');
      expect(page2).toMatchObject({
        filter: 'overdue',
        total: overdue.length,
        page: 2,
        pageSize: 5,
        pages: Math.ceil(overdue.length / 5),
      });
      expect(codes(page2.items)).toEqual(codes(overdue.slice(5, 10)));
      expect(page2.counts.all).toBe(everything.length);
      const week = await queue('&state=due-week&pageSize=100');
      expect(week.items.length).toBe(week.counts['due-week']);
      expect(week.items.every((i) => i.dueDate >= TODAY && i.dueDate <= SUNDAY && i.state !== 'overdue')).toBe(true);
    });

    it('shows the last page for a page beyond it', async () => {
      const pages = Math.ceil(everything.length / 20);
      const beyond = await queue('&page=999&pageSize=20');
      expect(beyond).toMatchObject({ page: pages, pages });
      expect(codes(beyond.items)).toEqual(codes(everything.slice((pages - 1) * 20)));
    });

    it('finds a metric by code or by words of its name, and counts only what it found', async () => {
      const byCode = await queue('&q=t021-2');
      expect(byCode.items.length).toBeGreaterThan(0);
      expect(new Set(byCode.items.map((i) => i.metricCode))).toEqual(new Set(['T021-2']));
      expect(byCode.counts.all).toBe(everything.filter((i) => i.metricCode === 'T021-2').length);
      const byName = await queue(`&q=${encodeURIComponent('法律顾问覆盖')}`);
      expect(codes(byName.items)).toEqual(codes(byCode.items));
      const none = await queue(`&q=${encodeURIComponent('没有这个指标')}&state=overdue&page=3&pageSize=10`);
      expect(none).toMatchObject({
        total: 0,
        page: 1,
        pages: 1,
        items: [],
        counts: { all: 0, overdue: 0, returned: 0, 'due-week': 0, submitted: 0 },
      });
    });

    it('refuses a bad tab, page or page size with a message in Chinese and English', async () => {
      const bad = (query: string) => as(t.app, clerk).get(`/api/queue?planId=1${query}`);
      expectError(
        await bad('&state=late'),
        400,
        'INVALID_INPUT',
        /状态 state 应为 all、overdue、returned、due-week、submitted 之一/,
        /state must be one of all, overdue, returned, due-week, submitted/,
      );
      for (const q of ['&pageSize=0', '&pageSize=101', '&pageSize=ten'])
        expectError(
          await bad(q),
          400,
          'INVALID_INPUT',
          /每页条数 pageSize 应为 1 至 100 的整数/,
          /pageSize must be a whole number from 1 to 100/,
        );
      for (const q of ['&page=0', '&page=1.5', '&page=x'])
        expectError(await bad(q), 400, 'INVALID_INPUT', /页码 page 应为正整数/, /page must be a positive whole number/);
      expectError(
        await bad(`&q=${'长'.repeat(101)}`),
        400,
        'INVALID_INPUT',
        /搜索词 q 不超过 100 字/,
        /q must be at most 100 characters/,
      );
      expectError(await bad('&sort=name'), 400, 'INVALID_INPUT');
    });

    it('labels a ratio’s numerator and denominator from the metric, not 符合件数 for a staff ratio', async () => {
      const staff = everything.find((i) => i.metricCode === 'T056-1');
      expect(staff?.ratioLabels).toEqual({
        numeratorZh: '分子（法制审核人员数）',
        denominatorZh: '分母（本单位执法人员数）',
        numeratorEn: 'Numerator (legal reviewers)',
        denominatorEn: 'Denominator (enforcement staff)',
      });
      const review = everything.find((i) => i.metricCode === 'T026-1')!;
      expect(review.ratioLabels!.numeratorZh).toBe(`分子（计入「${names.get('T026-1')!.name}」的数）`);
      expect(everything.filter((i) => !i.accepts.includes('ratio')).every((i) => i.ratioLabels === null)).toBe(true);
    });
  });

  describe('the bell', () => {
    it('drops the 逾期未报送 reminder of a figure once it is submitted, and keeps the others', async () => {
      await t.app.get(SupervisionService).runCycle('full');
      // The newest overdue reminder in the bell (of a metric taking a figure), and its item in the list.
      const isReminderOf = (title: string, i: QueueItem) =>
        title.startsWith(`逾期未报送：${i.metricName} ${i.period}（`);
      const first = (await bell()).items.find((n) =>
        everything.some((i) => i.accepts.includes('value') && isReminderOf(n.titleZh, i)),
      )!;
      const target = everything.find((i) => i.accepts.includes('value') && isReminderOf(first.titleZh, i))!;
      const reminderOf = (b: Bell) =>
        b.items.filter((n) => n.titleZh.startsWith(`逾期未报送：${target.metricName} ${target.period}（`));
      const before = await bell();
      expect(reminderOf(before)).toHaveLength(1);
      expect(reminderOf(before)[0]).toMatchObject({ read: false, link: `/?state=overdue&q=${target.metricCode}` });
      const otherReminders = before.items.filter(
        (n) => n.titleZh.startsWith('逾期未报送') && n.id !== reminderOf(before)[0].id,
      ).length;
      expect(otherReminders).toBeGreaterThan(0);

      const submitted = await as(t.app, clerk)
        .post('/api/submissions')
        .send({
          metricId: target.metricId,
          departmentId: sfj,
          period: target.period,
          value: 2,
          explanation: '系统切换延迟',
        })
        .expect(201);
      // The list shows the department's own evaluation of the period (not the overall one), as the submission answered it.
      const { status, basis, reasonZh, reasonEn } = submitted.body.evaluation.department;
      const listed = (await queue()).items.find((i) => i.metricId === target.metricId && i.period === target.period)!;
      expect(listed).toMatchObject({ state: 'submitted', evaluation: { status, basis, reasonZh, reasonEn } });
      expect(reasonZh).toEqual(expect.any(String));
      const after = await bell();
      expect(reminderOf(after)).toEqual([]);
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items.filter((n) => n.titleZh.startsWith('逾期未报送')).length).toBe(otherReminders);
      // Kept in the table, marked cleared, not deleted.
      const [row] = await t.app
        .get(DataSource)
        .query(`SELECT cleared_at FROM notifications WHERE id = ${reminderOf(before)[0].id}`);
      expect(row.cleared_at).toEqual(expect.stringMatching(/^\d{4}-/));
      // Marking the cleared message read finds nothing: it has left the bell.
      expectError(await as(t.app, clerk).post(`/api/notifications/${reminderOf(before)[0].id}/read`), 404, 'NOT_FOUND');
    });

    it('tells the department when a leader returns its figure, with the comment, linking to its returned tab', async () => {
      const target = (await queue('&state=submitted')).items[0];
      const before = await bell();
      await as(t.app, leader)
        .post(`/api/submissions/${target.latestRevision!.id}/return`)
        .send({ comment: '分母应为全年执法决定数' })
        .expect(201);
      const after = await bell();
      expect(after.unread).toBe(before.unread + 1);
      expect(after.items[0]).toMatchObject({
        titleZh: `数据被退回更正：${target.metricName} ${target.period}（第 1 版）`,
        titleEn: `Figures returned for correction: ${target.metricNameEn} ${target.period} (revision 1)`,
        link: `/?state=returned&q=${target.metricCode}`,
        read: false,
      });
      // Another department's bell does not hear of it.
      expect((await bell(other)).items.some((n) => n.titleZh.startsWith('数据被退回更正'))).toBe(false);
      const returned = await queue('&state=returned');
      expect(returned.counts).toMatchObject({ returned: 1, submitted: 0 });
      expect(codes(returned.items)).toEqual([`${target.metricCode}@${target.period}`]);
      expect(returned.items[0].returnComment).toBe('分母应为全年执法决定数');
    });
  });

  describe('a reply to a 督办单 with an attachment', () => {
    let notice: number;
    const reply = (file: Buffer, name: string) =>
      as(t.app, clerk)
        .post(`/api/notices/${notice}/reply`)
        .field('measures', '补报数据并建立月度核对机制')
        .field('targetDate', '2020-10-30')
        .attach('file', file, name);

    beforeAll(async () => {
      // The supervision run above issued a notice for each red (overdue) figure: the department answers one.
      const open: Array<{ id: number; state: string }> = (
        await as(t.app, clerk).get('/api/notices?state=issued').expect(200)
      ).body;
      notice = open[0].id;
      await as(t.app, clerk).post(`/api/notices/${notice}/acknowledge`).expect(200);
    });

    it('refuses a file that is not what its name says, and leaves the notice unanswered', async () => {
      const rows = async () =>
        Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM notice_attachments'))[0].n);
      expectError(
        await reply(FAKE_PDF, '整改方案.pdf'),
        415,
        'UNSUPPORTED_FILE',
        /^无法识别或不允许的文件类型/,
        /^Unrecognised or disallowed file type/,
      );
      const n = (await as(t.app, clerk).get(`/api/notices/${notice}`).expect(200)).body;
      expect(n).toMatchObject({ state: 'acknowledged', replyMeasures: null, attachments: [] });
      expect(await rows()).toBe(0);
    });

    it('takes the reply and its PDF together; leaders download the same bytes, other departments may not', async () => {
      const pdf = smallPdf('整改方案');
      const res = await reply(pdf, '整改方案.pdf').expect(200);
      expect(res.body).toMatchObject({
        state: 'replied',
        replyMeasures: '补报数据并建立月度核对机制',
        replyTargetDate: '2020-10-30',
      });
      expect(res.body.attachments).toEqual([
        {
          id: expect.any(Number),
          filename: '整改方案.pdf',
          mimeType: 'application/pdf',
          size: pdf.length,
          sha256: sha256(pdf),
          uploadedBy: 'sfj-clerk',
          createdAt: expect.any(String),
        },
      ]);
      const attachment = res.body.attachments[0].id;
      const download = await as(t.app, leader)
        .get(`/api/notices/${notice}/attachments/${attachment}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(sha256(download.body as Buffer)).toBe(sha256(pdf));
      expect(download.headers['content-disposition']).toContain(encodeURIComponent('整改方案.pdf'));
      expectError(await as(t.app, other).get(`/api/notices/${notice}/attachments/${attachment}`), 403, 'FORBIDDEN');
      expectError(
        await as(t.app, leader).get(`/api/notices/${notice}/attachments/${attachment + 1000}`),
        404,
        'NOT_FOUND',
      );
    });
  });

  describe('the Excel template', () => {
    let book: ExcelJS.Workbook;
    let raw: Buffer;
    const template = async () => {
      const res = await as(t.app, clerk)
        .get('/api/submissions/template?planId=1')
        .buffer(true)
        .parse(binary)
        .expect(200);
      raw = res.body as Buffer;
      const b = new ExcelJS.Workbook();
      await b.xlsx.load(res.body as unknown as ArrayBuffer);
      return b;
    };
    const header = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
    beforeAll(async () => {
      book = await template();
    });

    it('has an instructions sheet, in Chinese and then English, that names the 说明 column', () => {
      expect(book.worksheets.map((w) => w.name)).toEqual(['填报 Figures', '案件 Cases', '填表说明 Instructions']);
      const sheet = book.getWorksheet('填表说明 Instructions')!;
      expect(sheet.getCell('A1').value).toBe('填表说明');
      expect(sheet.getCell('B1').value).toBe('How to fill in this template');
      const zh = sheet.getColumn(1).values.slice(2).join('\n');
      const en = sheet.getColumn(2).values.slice(2).join('\n');
      expect(zh).toMatch(/「说明」列写明原因/);
      expect(zh).toMatch(/全部不保存/);
      expect(en).toMatch(/explanation/);
      expect(en).not.toMatch(/[\u4e00-\u9fff]{3}/);
    });

    it('names the metric on the Cases sheet, beside its id, and gives both sheets a 说明 column', () => {
      const cases = book.getWorksheet('案件 Cases')!;
      expect(header(cases)).toEqual([
        '指标编号 metricId',
        '指标 metric',
        '报送期 period',
        '单位编号 departmentId',
        '案件编号 reference',
        '开始日期 startDate',
        '办结日期 completedOn',
        '数值 value',
        '说明 explanation',
      ]);
      expect(cases.rowCount).toBeGreaterThan(1);
      const byId = new Map([...names].map(([code, m]) => [m.id, `${code} ${m.name}`]));
      cases.eachRow((row, n) => {
        if (n > 1) expect(row.getCell(2).value).toBe(byId.get(row.getCell(1).value as number));
      });
      expect(header(book.getWorksheet('填报 Figures')!).at(-1)).toBe('说明 explanation');
    });

    it('notes on each ratio row what its numerator and denominator are', async () => {
      const figures = book.getWorksheet('填报 Figures')!;
      let staffRow = 0;
      figures.eachRow((row, n) => {
        if (n > 1 && String(row.getCell(2).value).startsWith('T056-1 ')) staffRow = n;
      });
      expect(staffRow).toBeGreaterThan(1);
      // ExcelJS does not read back a note on an empty cell, so the notes are read from the file's comments part.
      const zip = await JSZip.loadAsync(raw);
      const comments = await zip.file('xl/comments1.xml')!.async('string');
      const noteAt = (ref: string) =>
        new RegExp(`<comment ref="${ref}"[^>]*>(.*?)</comment>`, 's').exec(comments)?.[1].replace(/<[^>]+>/g, '');
      expect(noteAt(`G${staffRow}`)).toBe('分子（法制审核人员数）\nNumerator (legal reviewers)');
      expect(noteAt(`H${staffRow}`)).toBe('分母（本单位执法人员数）\nDenominator (enforcement staff)');
    });

    it('refuses a late row without its 说明, naming the row, and saves it with one, flagged for leaders', async () => {
      const fresh = await template();
      const figures = fresh.getWorksheet('填报 Figures')!;
      let target: ExcelJS.Row | undefined;
      figures.eachRow((row, n) => {
        if (!target && n > 1 && String(row.getCell(5).value).includes('%') && String(row.getCell(3).value) < '2020-08')
          target = row;
      });
      target!.getCell(7).value = 45;
      target!.getCell(8).value = 50;
      const upload = () =>
        fresh.xlsx
          .writeBuffer()
          .then((b) => as(t.app, clerk).post('/api/submissions/bulk').attach('file', Buffer.from(b), 'filled.xlsx'));
      const refused = await upload();
      expectError(refused, 400, 'INVALID_INPUT', /全部未保存/, /nothing was saved/);
      expect(refused.body.details).toEqual([
        expect.objectContaining({
          sheet: '填报 Figures',
          row: target!.number,
          messageZh: expect.stringMatching(/逾期报送/),
        }),
      ]);
      target!.getCell(12).value = '数据源系统升级，月度汇总推迟';
      const saved = await upload();
      expect(saved.status).toBe(201);
      const metricId = target!.getCell(1).value as number;
      const revisions = (
        await as(t.app, leader).get(`/api/submissions?metricId=${metricId}&departmentId=${sfj}`).expect(200)
      ).body;
      expect(revisions.find((r: { period: string }) => r.period === target!.getCell(3).value)).toMatchObject({
        explanation: '数据源系统升级，月度汇总推迟',
        flags: [expect.objectContaining({ rule: 'late' })],
      });
    });
  });
});
