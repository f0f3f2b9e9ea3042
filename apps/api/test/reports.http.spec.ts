import type { DashboardSummaryResponse } from '@taizhang/contracts';
import type { ReportSnapshot } from '@taizhang/domain';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { ReportsService } from '../src/reports/reports.service';
import { STATUS_FILL, STATUS_WORDS } from '../src/reports/renderers/report-labels';
import { useTestApp } from './test-app';
import { as, binary, signIn } from './support';

describe('monthly reports', () => {
  const t = useTestApp();
  let leader: string;
  const download = async (id: number, format: string, lang = 'zh') =>
    (
      await as(t.app, leader)
        .get(`/api/reports/${id}/file?format=${format}&lang=${lang}`)
        .buffer(true)
        .parse(binary)
        .expect(200)
    ).body as Buffer;

  beforeAll(async () => {
    leader = await signIn(t.app, 'leader', 'taizhang-leader');
  });

  const generate = async (month: string, token = leader) =>
    as(t.app, token).post('/api/reports').send({ planId: 1, month });
  const summaryOf = async (month: string): Promise<DashboardSummaryResponse> =>
    (await as(t.app, leader).get(`/api/dashboard/summary?planId=1&period=${month}`).expect(200)).body;

  it('generates a month on request and lists it with its checksum', async () => {
    const res = await generate('2020-06');
    expect(res.status).toBe(201);
    const list = (await as(t.app, leader).get('/api/reports?planId=1').expect(200)).body;
    expect(list).toEqual([
      expect.objectContaining({
        id: res.body.id,
        month: '2020-06',
        version: 1,
        trigger: 'manual',
        checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
  });

  it('writes an Excel workbook whose counts equal the dashboard summary, with filled status cells and numbers as numbers', async () => {
    const { body } = await generate('2020-05');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(body.id, 'xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '指标',
      '需关注',
      '年末预测',
      '单位排名',
      '趋势',
      '附表',
    ]);
    const summary = await summaryOf('2020-05');
    const facts = new Map<string, unknown>();
    book.getWorksheet('概况')!.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    for (const s of ['red', 'amber', 'green', 'grey'] as const)
      expect(facts.get(STATUS_WORDS.zh[s])).toBe(summary.counts[s]);
    expect(facts.get('量化指标')).toBe(summary.metricCount);
    const appendix = book.getWorksheet('附表')!;
    expect(appendix.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(appendix.rowCount - 1).toBe(summary.metricCount);
    let numbers = 0;
    appendix.eachRow((row, n) => {
      if (n === 1) return;
      const status = (Object.keys(STATUS_WORDS.zh) as Array<keyof typeof STATUS_FILL>).find(
        (s) => STATUS_WORDS.zh[s] === row.getCell(4).value,
      )!;
      expect(status).toBeDefined();
      expect((row.getCell(4).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(STATUS_FILL[status]);
      if (row.getCell(5).value !== null) {
        expect(typeof row.getCell(5).value).toBe('number');
        numbers += 1;
      }
    });
    expect(numbers).toBeGreaterThan(30);
  });

  it('keeps formula-like text as text in Excel and CSV', async () => {
    const admin = await signIn(t.app, 'admin', 'taizhang-admin');
    const departments = (await as(t.app, admin).get('/api/departments').expect(200)).body as Array<{
      id: number;
      name: string;
    }>;
    const target = departments.find((d) => d.name === '区政务服务办')!;
    await as(t.app, admin)
      .patch(`/api/departments/${target.id}`)
      .send({ name: '=HYPERLINK("http://x","y")' })
      .expect(200);
    const { body } = await generate('2020-04');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(body.id, 'xlsx')) as unknown as ArrayBuffer);
    let formulas = 0;
    let found = 0;
    book.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Formula) formulas += 1;
          if (typeof c.value === 'string' && c.value.includes('=HYPERLINK')) found += 1;
        }),
      ),
    );
    expect(formulas).toBe(0);
    expect(found).toBeGreaterThan(0);
    const csv = (await download(body.id, 'csv')).toString('utf8');
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?=/);
    await as(t.app, admin).patch(`/api/departments/${target.id}`).send({ name: '区政务服务办' }).expect(200);
  });

  it('writes a CSV in UTF-8 with a byte-order mark, one row per metric, statuses as on the dashboard', async () => {
    const { body } = await generate('2020-03');
    const csv = await download(body.id, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('编号,指标,任务,状态,数值,目标,原因,本版修订');
    const summary = await summaryOf('2020-03');
    expect(lines.length - 1).toBe(summary.metricCount);
    const statuses = lines.slice(1).map((l) => l.split(',')[3]);
    expect(statuses.filter((s) => s === '未达标').length).toBe(summary.counts.red);
    expect(statuses.filter((s) => s === '达标').length).toBe(summary.counts.green);
  });

  it('writes an A4 PDF with the Chinese title, the month and the counts', async () => {
    const { body } = await generate('2020-06');
    const pdf = await download(body.id, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'tz-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const summary = await summaryOf('2020-06');
    expect(text).toContain('法治政府建设情况通报（2020年6月）');
    expect(text.replace(/\s+/g, '')).toContain(
      `量化指标${summary.metricCount}：未达标${summary.counts.red}，预警${summary.counts.amber}，达标${summary.counts.green}`,
    );
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    expect(text.replace(/\s+/g, '')).toMatch(
      /督办情况针对本月数据下发督办单\d+件，按期答复\d+件，升级\d+件，办结\d+件。/,
    );
    const info = execFileSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(execFileSync('pdffonts', [path.join(dir, 'r.pdf')], { encoding: 'utf8' })).toMatch(/Noto.*CJK.*yes/);
    // REPORT_PNG_DIR=docs refreshes the README's example page.
    if (process.env.REPORT_PNG_DIR)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        path.join(dir, 'r.pdf'),
        path.join(process.env.REPORT_PNG_DIR, 'report-page-1'),
      ]);
  });

  it('makes a new version when a month is generated again, keeps the old one and marks revised figures', async () => {
    const first = (await generate('2020-02')).body.id;
    const before = (await download(first, 'csv')).toString('utf8');
    // A correction: a new revision of a February figure by a department.
    const clerk = await signIn(t.app, 'sfj', 'taizhang-dept');
    const queue = (await as(t.app, clerk).get('/api/queue?planId=1').expect(200)).body;
    const item = queue.items.find(
      (i: { period: string; accepts: string[] }) => i.period === '2020-02' && i.accepts.includes('ratio'),
    );
    await as(t.app, clerk)
      .post('/api/submissions')
      .send({
        metricId: item.metricId,
        departmentId: queue.departmentId,
        period: '2020-02',
        numerator: 1,
        denominator: 50,
        ...(item.latestRevision ? { reason: '更正' } : {}),
      })
      .expect(201);
    const second = (await generate('2020-02')).body.id;
    const list = (await as(t.app, leader).get('/api/reports?planId=1').expect(200)).body.filter(
      (r: { month: string }) => r.month === '2020-02',
    );
    expect(list.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list[0].revisedCount).toBeGreaterThan(0);
    const snapshot: ReportSnapshot = JSON.parse(
      (await t.app.get(DataSource).query(`SELECT snapshot FROM reports WHERE id = ${Number(second)}`))[0].snapshot,
    );
    expect(snapshot.appendix.find((r) => r.code === item.metricCode)?.revised).toBe(true);
    expect((await download(first, 'csv')).toString('utf8')).toBe(before);
  });

  it('refuses a month outside the plan or in the future with 400, and department users with 403', async () => {
    const outside = await generate('2021-01');
    expect(outside.status).toBe(400);
    expect(outside.body.messageZh).toContain('不在 2020 年计划内');
    t.app.get(Clock).setToday('2020-07-15');
    const future = await generate('2020-08');
    expect(future.status).toBe(400);
    expect(future.body.messageEn).toContain('future');
    t.app.get(Clock).setToday(null);
    const clerk = await signIn(t.app, 'zfb', 'taizhang-dept');
    expect((await generate('2020-06', clerk)).status).toBe(403);
  });

  it('runs the monthly job on the first working day only (China’s calendar), once', async () => {
    const reports = t.app.get(ReportsService);
    const clock = t.app.get(Clock);
    clock.setToday('2020-10-08'); // still the National Day holiday
    expect(await reports.runMonthly()).toEqual([]);
    clock.setToday('2020-10-09'); // the first working day of October 2020
    const made = await reports.runMonthly();
    expect(made).toHaveLength(1);
    expect(await reports.runMonthly()).toEqual([]);
    const list = (await as(t.app, leader).get('/api/reports?planId=1').expect(200)).body;
    expect(list.find((r: { id: number }) => r.id === made[0])).toMatchObject({ month: '2020-09', trigger: 'schedule' });
    clock.setToday(null);
  });
  it('prints times in Beijing time (Asia/Shanghai) and appendix figures rounded, in the Excel, PDF and CSV files', async () => {
    const clock = t.app.get(Clock);
    clock.setNow(new Date('2020-07-07T06:05:00Z'));
    let id: number;
    try {
      id = (await generate('2020-04')).body.id;
    } finally {
      clock.setNow(null);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download(id, 'xlsx')) as unknown as ArrayBuffer);
    const facts = new Map<string, unknown>();
    book.getWorksheet('概况')!.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('生成时间（北京时间）')).toBe('2020-07-07 14:05');
    expect(String(facts.get('数据截至（北京时间）'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const values: number[] = [];
    book.getWorksheet('附表')!.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(5).value === 'number') values.push(row.getCell(5).value as number);
    });
    expect(values.length).toBeGreaterThan(30);
    for (const v of values) expect(Math.round(v * 10) / 10).toBe(v);
    // The demo's pooled rates are not whole: rounding is what keeps them short.
    expect(values.some((v) => !Number.isInteger(v))).toBe(true);

    const dir = mkdtempSync(path.join(tmpdir(), 'tz-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), await download(id, 'pdf'));
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('生成时间（北京时间）：2020-07-0714:05');
    expect(text).not.toContain('UTC');
    expect(text).not.toMatch(/\d+\.\d{2,}/);

    const csv = (await download(id, 'csv')).toString('utf8').slice(1).trim().split('\r\n').slice(1);
    for (const line of csv) expect(line.split(',')[4]).toMatch(/^(-?\d+(\.\d)?)?$/);
  });
});
