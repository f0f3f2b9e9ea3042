import type { AuditEntryResponse, MetricCommentResponse } from '@taizhang/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { as, binary, countRows, expectError, ROLE_REFUSED, signInDemo } from './support';
import { useTestApp } from './test-app';

/** Comments on a metric's period: leaders and reporting departments write them, append-only and audited; admins read. */
describe('comments on a metric period', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  /** T051-1, reported by 区司法局 (sfj) alone; and a metric 区司法局 does not report. */
  let metricId = 0;
  let otherMetricId = 0;
  let quarterly = { id: 0, code: '' };
  const comments = (token: string, id = metricId, query = '?period=2020-06') =>
    as(t.app, token).get(`/api/metrics/${id}/comments${query}`);
  const comment = (token: string, body: object, id = metricId) =>
    as(t.app, token).post(`/api/metrics/${id}/comments`).send(body);
  const count = () => countRows(t.app, 'metric_comments');

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    const mine = (await as(t.app, tokens.sfj).get('/api/metrics?planId=1').expect(200)).body as Array<{
      id: number;
      code: string;
      frequency: string;
    }>;
    const every = (await as(t.app, tokens.leader).get('/api/metrics?planId=1').expect(200)).body as Array<{
      id: number;
      code: string;
      frequency: string;
    }>;
    const t051 = mine.find((m) => m.code === 'T051-1')!;
    expect(t051.frequency).toBe('monthly');
    metricId = t051.id;
    otherMetricId = every.find((m) => !mine.some((own) => own.id === m.id))!.id;
    quarterly = every.find((m) => m.frequency === 'quarterly')!;
  });

  it('lets a leader comment on 2020-06 and a clerk of the reporting department read it and reply, oldest first, each audited', async () => {
    const since = Date.now();
    const lead = await comment(tokens.leader, { period: '2020-06', text: '  6 月数据为何低于上月？请说明  ' }).expect(
      201,
    );
    expect(lead.body).toEqual({
      id: expect.any(Number),
      metricId,
      period: '2020-06',
      department: null,
      username: 'leader',
      text: '6 月数据为何低于上月？请说明',
      createdAt: expect.any(String),
    });
    expect(Date.parse(lead.body.createdAt)).toBeGreaterThanOrEqual(since - 1000);

    const seen: MetricCommentResponse[] = (await comments(tokens.sfj).expect(200)).body;
    expect(seen.map((c) => c.text)).toEqual(['6 月数据为何低于上月？请说明']);
    const reply = await comment(tokens.sfj, {
      period: '2020-06',
      text: '6 月有 2 件复议案件延期审结，已于 7 月办结',
    }).expect(201);
    expect(reply.body).toMatchObject({
      period: '2020-06',
      username: 'sfj',
      department: { id: tokens.departmentOf.sfj, name: '区司法局' },
    });

    // The leader, the department and the admin (who only reads) see the same conversation in order.
    for (const token of [tokens.leader, tokens.sfj, tokens.admin]) {
      const listed: MetricCommentResponse[] = (await comments(token).expect(200)).body;
      expect(listed.map((c) => [c.id, c.username, c.department?.name ?? null])).toEqual([
        [lead.body.id, 'leader', null],
        [reply.body.id, 'sfj', '区司法局'],
      ]);
    }
    // Another period has its own comments; without a period, every period's.
    expect((await comments(tokens.leader, metricId, '?period=2020-07').expect(200)).body).toEqual([]);
    await comment(tokens.leader, { period: '2020-07', text: '7 月情况已知悉' }).expect(201);
    expect(
      ((await comments(tokens.leader, metricId, '').expect(200)).body as MetricCommentResponse[]).map((c) => c.period),
    ).toEqual(['2020-06', '2020-06', '2020-07']);

    const trail: AuditEntryResponse[] = (await as(t.app, tokens.admin).get('/api/audit?limit=20').expect(200)).body;
    const written = trail.filter((r) => r.action === 'comment on metric').reverse();
    expect(written.map((r) => [r.kind, r.username, r.entity])).toEqual([
      ['write', 'leader', 'metric_comment'],
      ['write', 'sfj', 'metric_comment'],
      ['write', 'leader', 'metric_comment'],
    ]);
    expect(written[1].entityId).toBe(String(reply.body.id));
    expect(JSON.parse(written[1].after!)).toEqual({
      metric: 'T051-1',
      period: '2020-06',
      text: '6 月有 2 件复议案件延期审结，已于 7 月办结',
    });
  });

  it('refuses a department that does not report the metric, and the admin writing, with nothing written', async () => {
    const before = await count();
    expectError(
      await comments(tokens.sfj, otherMetricId),
      403,
      'FORBIDDEN',
      /本单位不报送指标/,
      /does not report the metric/,
    );
    expectError(
      await comment(tokens.sfj, { period: '2020-06', text: '越权评论' }, otherMetricId),
      403,
      'FORBIDDEN',
      /本单位不报送指标/,
      /does not report the metric/,
    );
    expectError(
      await comment(tokens.admin, { period: '2020-06', text: '管理员评论' }),
      403,
      'FORBIDDEN',
      ...ROLE_REFUSED,
    );
    expectError(await comments(tokens.leader, 999999), 404, 'NOT_FOUND', '找不到编号为 999999 的指标');
    expectError(await comment(tokens.leader, { period: '2020-06', text: '不存在的指标' }, 999999), 404, 'NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('takes only a period of the metric in its plan: 400 PERIOD_OUTSIDE_PLAN showing how periods are written', async () => {
    const before = await count();
    for (const period of ['2021-06', '2019-12', '2020-Q2', '2020']) {
      expectError(
        await comment(tokens.leader, { period, text: '期外评论' }),
        400,
        'PERIOD_OUTSIDE_PLAN',
        `报送期 ${period} 不是该指标在 2020 年的报送期，应写作 2020-03 这样的形式`,
        `${period} is not a reporting period of this metric in 2020; write it like 2020-03`,
      );
    }
    expectError(await comments(tokens.leader, metricId, '?period=2021-06'), 400, 'PERIOD_OUTSIDE_PLAN');
    for (const period of ['2020-13', '2020-6', 'June', 202006, null]) {
      expectError(
        await comment(tokens.leader, { period, text: '格式不对' }),
        400,
        'INVALID_INPUT',
        /报送期应写作 2020-03、2020-Q1 或 2020/,
        /period must be written 2020-03, 2020-Q1 or 2020/,
      );
    }
    expectError(await comments(tokens.leader, metricId, '?period=2020-6'), 400, 'INVALID_INPUT', /报送期应写作/);
    expectError(await comment(tokens.leader, { text: '没有报送期' }), 400, 'INVALID_INPUT', /报送期应写作/);
    expect(await count()).toBe(before);
  });

  it('takes 1 to 1000 visible characters: empty, blank, invisible, too long, not text and unknown fields are refused in both languages', async () => {
    const before = await count();
    for (const text of ['', '   ', '\n\t ', '\u200b\u200b', '\u3000\u3164']) {
      expectError(
        await comment(tokens.leader, { period: '2020-06', text }),
        400,
        'INVALID_INPUT',
        '请填写评论内容（不能只有空格）',
        'write the comment (spaces alone are not a comment)',
      );
    }
    expectError(
      await comment(tokens.leader, { period: '2020-06', text: '长'.repeat(1001) }),
      400,
      'INVALID_INPUT',
      '评论不超过 1000 字',
      'a comment must be at most 1000 characters',
    );
    expectError(
      await comment(tokens.leader, { period: '2020-06', text: 42 }),
      400,
      'INVALID_INPUT',
      /评论 text 应为文字/,
      /text must be text/,
    );
    expectError(await comment(tokens.leader, { period: '2020-06' }), 400, 'INVALID_INPUT', /评论 text 应为文字/);
    expectError(
      await comment(tokens.leader, { period: '2020-06', text: '好', author: 'admin' }),
      400,
      'INVALID_INPUT',
      '不接受字段 author，请删除',
      'property author should not exist',
    );
    expect(await count()).toBe(before);

    // Exactly 1000 characters is taken, counted as characters (an emoji is one, not two UTF-16 units).
    await comment(tokens.leader, { period: '2020-06', text: '长'.repeat(1000) }).expect(201);
    await comment(tokens.leader, { period: '2020-06', text: '👍'.repeat(1000) }).expect(201);
    expect(await count()).toBe(before + 2);
  });

  it('never edits or deletes a comment: no route does, and the comment stays as written', async () => {
    const [first] = (await comments(tokens.leader).expect(200)).body as MetricCommentResponse[];
    for (const method of ['put', 'patch', 'delete'] as const) {
      expectError(
        await as(t.app, tokens.leader)
          [method](`/api/metrics/${metricId}/comments/${first.id}`)
          .send({ text: '改过的评论' }),
        404,
        'NOT_FOUND',
      );
      expectError(
        await as(t.app, tokens.leader)[method](`/api/metrics/${metricId}/comments`).send({ text: '改过的评论' }),
        404,
        'NOT_FOUND',
      );
    }
    const [still] = (await comments(tokens.leader).expect(200)).body as MetricCommentResponse[];
    expect(still).toEqual(first);
  });

  it('prints the comments on the periods a monthly report shows in its notes: an Excel sheet and a PDF section, in both languages', async () => {
    await comment(tokens.leader, { period: '2020-05', text: '=请核实 5 月数据' }).expect(201);
    await comment(tokens.sfj, { period: '2020-05', text: '5 月数据已与业务台账核对一致' }).expect(201);
    await comment(tokens.leader, { period: '2020-04', text: '四月的评论不属于五月的报告' }).expect(201);
    // In May a quarterly metric shows its last ended quarter, 2020-Q1; the running quarter is not May's.
    await comment(tokens.leader, { period: '2020-Q1', text: '一季度情况已说明' }, quarterly.id).expect(201);
    await comment(tokens.leader, { period: '2020-Q2', text: '二季度请提前准备' }, quarterly.id).expect(201);
    const report = (
      await as(t.app, tokens.leader).post('/api/reports').send({ planId: 1, month: '2020-05' }).expect(201)
    ).body.id as number;
    const download = async (format: string, lang: string) =>
      (
        await as(t.app, tokens.leader)
          .get(`/api/reports/${report}/file?format=${format}&lang=${lang}`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;

    const rowsOf = async (lang: string, sheet: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download('xlsx', lang)) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      book.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    const zh = await rowsOf('zh', '备注');
    expect(zh[0]).toEqual(['编号', '指标', '报送期', '评论人', '时间', '内容']);
    expect(zh.slice(1).map((r) => [r[0], r[2], r[3], r[5]])).toEqual(
      [
        ['T051-1', '2020-05', '领导（leader）', '=请核实 5 月数据'],
        ['T051-1', '2020-05', '区司法局（sfj）', '5 月数据已与业务台账核对一致'],
        [quarterly.code, '2020-Q1', '领导（leader）', '一季度情况已说明'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(zh[1][4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/); // Beijing time
    const en = await rowsOf('en', 'Notes');
    expect(en[0]).toEqual(['Code', 'Metric', 'Period', 'By', 'When', 'Comment']);
    expect(en.slice(1).map((r) => r[3])).toEqual(expect.arrayContaining(['Leader (leader)', '区司法局 (sfj)']));

    const dir = mkdtempSync(path.join(tmpdir(), 'tz-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), await download('pdf', 'zh'));
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('备注：领导和单位对本月情况的评论');
    const notes = text.slice(text.indexOf('备注：领导和单位对本月情况的评论'));
    for (const written of [
      '=请核实5月数据',
      '5月数据已与业务台账核对一致',
      '一季度情况已说明',
      '区司法局（sfj）',
      '领导（leader）',
    ])
      expect(notes).toContain(written);
    // Comments on other periods are not this month's notes.
    expect(text).not.toContain('四月的评论不属于五月的报告');
    expect(text).not.toContain('二季度请提前准备');
    expect(text).not.toContain('6月有2件复议案件延期审结');
  });

  it('leaves the notes out of a month nobody commented on', async () => {
    const report = (
      await as(t.app, tokens.leader).post('/api/reports').send({ planId: 1, month: '2020-02' }).expect(201)
    ).body.id as number;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (
        await as(t.app, tokens.leader)
          .get(`/api/reports/${report}/file?format=xlsx&lang=zh`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as ArrayBuffer,
    );
    const sheets = book.worksheets.map((w) => w.name);
    expect(sheets).toContain('附表');
    expect(sheets).not.toContain('备注');
  });
});
