import type { ImportPreview } from '@taizhang/contracts';
import type { PlanSeed, TaskSeed } from '@taizhang/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { as, binary, expectError, importLedger, metricIds, rowCounts, signInDemo, writeCounts } from './support';
import { useTestApp } from './test-app';

// September 2020: August's figures are due, nothing after the 20th has happened.
const TODAY = '2020-09-20';
const LEDGER = readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan-ledger.txt'));
const ZERO_WIDTH = ['\u200b', '\u200b\u200c\u200d', ' \ufeff\u200b\n', '\u2060\u00ad'];
const BAD_DATES = ['2020-02-30', '2020-13-45', '0000-00-00'];

/** Issue #15, item 8: every input that got through validation (201 or 500) now answers a bilingual 4xx and writes nothing. */
describe('validation gaps (#15 item 8) over HTTP', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let id: (code: string) => number;
  let sfj: number;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    sfj = tokens.departmentOf.sfj;
    const ids = await metricIds(t.app, tokens.leader);
    id = (code) => ids.get(code)!;
  });

  const submit = (body: Record<string, unknown>) =>
    as(t.app, tokens.sfj)
      .post('/api/submissions')
      .send({ departmentId: sfj, reason: '核对', ...body });
  /** A notice of T015-1 to 区司法局 for `period`, issued by the leader and acknowledged by the department. */
  const acknowledgedNotice = async (period: string): Promise<{ id: number }> => {
    const notice = (
      await as(t.app, tokens.leader)
        .post('/api/notices')
        .send({ metricId: id('T015-1'), departmentId: sfj, period, level: 'remind' })
        .expect(201)
    ).body;
    await as(t.app, tokens.sfj).post(`/api/notices/${notice.id}/acknowledge`).expect(200);
    return notice;
  };
  /** A case of T027-1 (规范性文件有效期, in years: a figure per case, dates optional), 区司法局 leads it. */
  const yearsCase = (over: Record<string, unknown>) => ({
    metricId: id('T027-1'),
    period: '2020-08',
    cases: [{ reference: 'Y-1', startDate: '2020-08-03', completedOn: '2020-08-10', value: 5, ...over }],
  });

  describe('dates that do not exist', () => {
    it.each(BAD_DATES)(
      'refuses %s as a case start or completion date, for a unit that is no duration too, writing nothing',
      async (bad) => {
        const before = await writeCounts(t.app);
        expectError(
          await submit(yearsCase({ startDate: bad })),
          400,
          'INVALID_FIGURE',
          'Y-1：开始日期应为有效日期 YYYY-MM-DD',
          'Y-1: the start date must be a real date, YYYY-MM-DD',
        );
        expectError(
          await submit(yearsCase({ completedOn: bad })),
          400,
          'INVALID_FIGURE',
          'Y-1：完成日期应为有效日期 YYYY-MM-DD',
          'Y-1: the completion date must be a real date, YYYY-MM-DD',
        );
        expect(await writeCounts(t.app)).toEqual(before);
      },
    );

    it('accepts the same case with real dates', async () => {
      await submit(yearsCase({})).expect(201);
    });

    it.each(BAD_DATES.map((bad, i) => [bad, `2020-0${i + 1}`]))(
      'refuses %s as the target date of a notice reply, and takes a real one',
      async (bad, period) => {
        const notice = await acknowledgedNotice(period);
        expectError(
          await as(t.app, tokens.sfj)
            .post(`/api/notices/${notice.id}/reply`)
            .send({ measures: '补报 3 月数据', targetDate: bad }),
          400,
          'INVALID_INPUT',
          '完成时限 targetDate 应为实际存在的日期 YYYY-MM-DD',
          'targetDate must be a real date written YYYY-MM-DD',
        );
        expect((await as(t.app, tokens.sfj).get(`/api/notices/${notice.id}`).expect(200)).body).toMatchObject({
          state: 'acknowledged',
          replyTargetDate: null,
        });
        await as(t.app, tokens.sfj)
          .post(`/api/notices/${notice.id}/reply`)
          .send({ measures: '补报 3 月数据', targetDate: '2020-09-30' })
          .expect(200);
        await as(t.app, tokens.leader).post(`/api/notices/${notice.id}/accept`).expect(200);
      },
    );
  });

  describe('figures beyond any real count', () => {
    it('refuses 1.7e308 (pooled, it read "Infinity 次", green) and every figure over 10^12, writing nothing', async () => {
      const before = await writeCounts(t.app);
      const tooLarge = (field: string) =>
        [new RegExp(`${field}不能超过 1 万亿（10\\^12）`), /cannot exceed one trillion \(10\^12\)/] as const;
      expectError(
        await submit({ metricId: id('T057-1'), period: '2020-08', value: 1.7e308 }),
        400,
        'INVALID_FIGURE',
        ...tooLarge('数值'),
      );
      expectError(
        await submit({ metricId: id('T057-1'), period: '2020-08', value: 1e12 + 1 }),
        400,
        'INVALID_FIGURE',
        ...tooLarge('数值'),
      );
      expectError(
        await submit({ metricId: id('T015-1'), period: '2020-08', numerator: 1e13, denominator: 1e13 }),
        400,
        'INVALID_FIGURE',
        /分子不能超过.*分母不能超过/,
        /numerator cannot exceed.*denominator cannot exceed/,
      );
      expectError(
        await submit(yearsCase({ value: 1e300 })),
        400,
        'INVALID_FIGURE',
        'Y-1：数值不能超过 1 万亿（10^12）',
        'Y-1: the figure cannot exceed one trillion (10^12)',
      );
      expect(await writeCounts(t.app)).toEqual(before);
      const current = (
        await as(t.app, tokens.sfj)
          .get(`/api/metrics/${id('T057-1')}`)
          .expect(200)
      ).body.current;
      expect(JSON.stringify(current)).not.toContain('Infinity');
    });

    it('refuses a metric target over 10^12 or below 0', async () => {
      for (const target of [1.7e308, 1e13, -1]) {
        expectError(
          await as(t.app, tokens.admin)
            .patch(`/api/metrics/${id('T015-1')}`)
            .send({ target }),
          400,
          'INVALID_INPUT',
          /^目标值 target 应为 0 至 1 万亿/,
          /^target must be a number from 0 to one trillion/,
        );
      }
    });
  });

  describe('text with nothing visible in it', () => {
    it.each(ZERO_WIDTH.map((s, i) => [JSON.stringify(s), s, `2020-0${i + 4}`]))(
      'refuses %s as the measures of a reply, a comment and a name',
      async (_, invisible, period) => {
        const notice = await acknowledgedNotice(period);
        expectError(
          await as(t.app, tokens.sfj)
            .post(`/api/notices/${notice.id}/reply`)
            .send({ measures: invisible, targetDate: '2020-09-30' }),
          400,
          'INVALID_INPUT',
          '请填写整改措施',
          'measures are required',
        );
        await as(t.app, tokens.sfj)
          .post(`/api/notices/${notice.id}/reply`)
          .send({ measures: '补报', targetDate: '2020-09-30' })
          .expect(200);
        expectError(
          await as(t.app, tokens.leader).post(`/api/notices/${notice.id}/send-back`).send({ comment: invisible }),
          400,
          'INVALID_INPUT',
          '请填写退回意见',
          'a comment is required',
        );
        await as(t.app, tokens.leader).post(`/api/notices/${notice.id}/accept`).expect(200);

        const submission = (
          await as(t.app, tokens.sfj)
            .get(`/api/submissions?metricId=${id('T015-1')}`)
            .expect(200)
        ).body[0].id;
        expectError(
          await as(t.app, tokens.leader).post(`/api/submissions/${submission}/return`).send({ comment: invisible }),
          400,
          'INVALID_INPUT',
          '请填写退回意见',
          'a comment is required',
        );
        const department = (await as(t.app, tokens.admin).get('/api/departments').expect(200)).body[0];
        expectError(
          await as(t.app, tokens.admin).patch(`/api/departments/${department.id}`).send({ name: invisible }),
          400,
          'INVALID_INPUT',
          /单位名称/,
          /name must be/,
        );
        expectError(
          await as(t.app, tokens.admin).post('/api/departments').send({ code: 'invisible-dept', name: invisible }),
          400,
          'INVALID_INPUT',
          /单位名称/,
          /name must be/,
        );
      },
    );
  });

  describe('a notice for a period outside the plan', () => {
    it.each([['1999-01'], ['2021-03'], ['2020-Q1'], ['2020']])(
      'refuses %s for a monthly metric of the 2020 plan',
      async (period) => {
        const before = Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM notices'))[0].n);
        expectError(
          await as(t.app, tokens.leader)
            .post('/api/notices')
            .send({ metricId: id('T015-1'), departmentId: sfj, period, level: 'remind' }),
          400,
          'PERIOD_OUTSIDE_PLAN',
          `报送期 ${period} 不是该指标在 2020 年的报送期，应写作 2020-03 这样的形式`,
          `${period} is not a reporting period of this metric in 2020; write it like 2020-03`,
        );
        expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM notices'))[0].n)).toBe(before);
      },
    );
  });

  describe('null where a value is needed', () => {
    it.each([
      [{ target: null }, '目标值 target 应为数字', 'target must be a number'],
      [{ dueWorkingDays: null }, /^dueWorkingDays 应为 0 至 60 的整数/, /^dueWorkingDays must be a whole number/],
      [{ warnWorkingDays: null }, /^warnWorkingDays 应为 0 至 60 的整数/, /^warnWorkingDays must be a whole number/],
      [{ consolidated: null }, 'consolidated 应为 true 或 false', 'consolidated must be true or false'],
    ])('refuses PATCH /api/metrics/:id %j and changes nothing', async (body, zh, en) => {
      const before = (
        await as(t.app, tokens.admin)
          .get(`/api/metrics/${id('T015-1')}`)
          .expect(200)
      ).body;
      expectError(
        await as(t.app, tokens.admin)
          .patch(`/api/metrics/${id('T015-1')}`)
          .send(body),
        400,
        'INVALID_INPUT',
        zh,
        en,
      );
      const after = (
        await as(t.app, tokens.admin)
          .get(`/api/metrics/${id('T015-1')}`)
          .expect(200)
      ).body;
      expect(after).toMatchObject({
        target: before.target,
        dueWorkingDays: before.dueWorkingDays,
        warnWorkingDays: before.warnWorkingDays,
        consolidated: before.consolidated,
      });
    });

    it('still clears the tolerance with null (the one field null means something for)', async () => {
      expect(
        (
          await as(t.app, tokens.admin)
            .patch(`/api/metrics/${id('T015-1')}`)
            .send({ tolerance: null })
            .expect(200)
        ).body.tolerance,
      ).toBeNull();
    });

    it.each([
      [{ remindBeforeWorkingDays: null }, 'remindBeforeWorkingDays'],
      [{ remindOverdueAfterWorkingDays: null }, 'remindOverdueAfterWorkingDays'],
    ])('refuses PATCH /api/plans/:id/settings %j and changes nothing', async (body, field) => {
      expectError(
        await as(t.app, tokens.admin).patch('/api/plans/1/settings').send(body),
        400,
        'INVALID_INPUT',
        new RegExp(`${field} 应为 0–30 的整数`),
        new RegExp(`^${field} must be a whole number`),
      );
      expect((await as(t.app, tokens.admin).get('/api/plans').expect(200)).body[0]).toMatchObject({
        remindBeforeWorkingDays: 3,
        remindOverdueAfterWorkingDays: 0,
      });
    });
  });

  describe('malformed plan-import confirmations', () => {
    let seed: PlanSeed;
    const planCounts = () => rowCounts(t.app, ['plans', 'metrics', 'departments', 'tasks']);
    const confirm = (body: unknown) => as(t.app, tokens.admin).post('/api/plans/import/confirm').send({ seed: body });
    const edited = (edit: (s: PlanSeed) => void) => {
      const s = structuredClone(seed);
      edit(s);
      return s;
    };

    beforeAll(async () => {
      const identity = { code: 'hardening-import', title: '导入测试', year: '2020', district: '红桥区' };
      const req = importLedger(t.app, tokens.admin, LEDGER, 'ledger.txt', identity);
      seed = ((await req.expect(200)).body as ImportPreview).seed;
    });

    const cases: Array<[string, (s: PlanSeed) => void, RegExp]> = [
      [
        'a null department',
        (s) => Object.assign(s, { departments: [null] }),
        /seed\.departments\[0\] must be an object/,
      ],
      ['a null metric', (s) => (s.metrics as unknown[]).push(null), /seed\.metrics\[\d+\] must be an object/],
      [
        'a null list of lead departments',
        (s) => Object.assign(s.indicators[0].children[0], { leadDepartments: null }),
        /seed\.indicators\[0\]\.children\[0\]\.leadDepartments must be a list/,
      ],
      [
        'a task without its text',
        (s) => delete (s.indicators[0].children[0].tasks[0] as Partial<TaskSeed>).text,
        /seed\.indicators\[0\]\.children\[0\]\.tasks\[0\]\.text is missing/,
      ],
      [
        'a plan without a title',
        (s) => delete (s.plan as Partial<PlanSeed['plan']>).title,
        /seed\.plan\.title is missing/,
      ],
      [
        'a year written as text',
        (s) => Object.assign(s.plan, { year: '2020年' }),
        /seed\.plan\.year must be a whole number from 2000 to 2100/,
      ],
      [
        'a negative target',
        (s) => (s.metrics.find((m) => m.kind !== 'deadline')!.target = -5),
        /target must be a number from 0 to 1000000000000/,
      ],
      [
        'a negative task number',
        (s) => (s.indicators[0].children[0].tasks[0].number = -1),
        /tasks\[0\]\.number must be a whole number from 1/,
      ],
      [
        'a title of a million characters',
        (s) => (s.plan.title = '长'.repeat(1_000_000)),
        /seed\.plan\.title is longer than 200 characters/,
      ],
      [
        'the same lead department twice',
        (s) => s.indicators[0].children[0].leadDepartments.push(s.indicators[0].children[0].leadDepartments[0]),
        /second-level indicator 1 names \S+ twice as lead/,
      ],
      [
        'a code both a department and a group',
        (s) => s.departmentGroups.push({ ...s.departments[0] }),
        /is both a department and a group/,
      ],
      [
        'a deadline that is no day',
        (s) => (s.metrics.find((m) => m.kind === 'deadline')!.deadline = '02-30'),
        /has deadline 02-30, which is no day of 2020/,
      ],
      [
        'an id that would overwrite plan 1',
        (s) => Object.assign(s.plan, { id: 1 }),
        /seed\.plan\.id is not a field of a plan/,
      ],
      [
        'an id that would overwrite a metric',
        (s) => Object.assign(s.metrics[0], { id: 1 }),
        /seed\.metrics\[0\]\.id is not a field of a plan/,
      ],
    ];

    it.each(cases.map(([label], i) => [label, i]))('refuses %s with a 400 naming it, writing nothing', async (_, i) => {
      const [, edit, en] = cases[i as number];
      const before = await planCounts();
      // A code of its own: a seed that got through would otherwise turn the next ones into 409s.
      const res = await confirm(
        edited((s) => {
          s.plan.code = `malformed-${i}`;
          edit(s);
        }),
      );
      expectError(res, 400, 'INVALID_INPUT', undefined, en);
      expect(await planCounts()).toEqual(before);
      expect((await as(t.app, tokens.leader).get('/api/plans').expect(200)).body).toEqual([
        expect.objectContaining({ id: 1, code: 'hongqiao-2020' }),
      ]);
      expect((await as(t.app, tokens.leader).get('/api/metrics/1').expect(200)).body).toMatchObject({
        id: 1,
        planId: 1,
      });
    });

    it('creates the plan from the same seed unbroken (so each refusal is down to its one fault)', async () => {
      expect((await confirm(seed).expect(201)).body).toEqual({ planId: expect.any(Number) });
    });
  });

  describe('bulk entry rows', () => {
    const template = async (): Promise<ExcelJS.Workbook> => {
      const res = await as(t.app, tokens.sfj)
        .get('/api/submissions/template?planId=1')
        .buffer(true)
        .parse(binary)
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ArrayBuffer);
      return book;
    };
    const upload = async (book: ExcelJS.Workbook) =>
      as(t.app, tokens.sfj)
        .post('/api/submissions/bulk')
        .attach('file', Buffer.from(await book.xlsx.writeBuffer()), 'filled.xlsx');

    it('answers a date cell holding 1e20 with the row’s error, not 500', async () => {
      const book = await template();
      const sheet = book.getWorksheet('填报 Figures')!;
      const row = sheet.getRow(2);
      row.getCell(9).value = 1e20;
      row.getCell(9).numFmt = 'yyyy-mm-dd';
      const before = await writeCounts(t.app);
      const res = await upload(book);
      expectError(res, 400, 'INVALID_INPUT', /全部未保存/, /nothing was saved/);
      expect(res.body.details).toEqual([
        {
          sheet: '填报 Figures',
          row: 2,
          messageZh: 'completedOn 应为日期 YYYY-MM-DD',
          messageEn: 'completedOn must be a date written YYYY-MM-DD',
        },
      ]);
      expect(await writeCounts(t.app)).toEqual(before);
    });

    it('gives the messages of a case’s own errors, with the row of the Cases sheet they are on', async () => {
      const book = await template();
      const cases = book.getWorksheet('案件 Cases')!;
      cases.addRow([id('T027-1'), 'T027-1', '2020-07', sfj, 'Y-7', '2020-07-01', '2020-07-02', 4]);
      const bad = cases.addRow([id('T027-1'), 'T027-1', '2020-07', sfj, 'Y-8', 20200701, '2020-07-02', '四年']);
      const before = await writeCounts(t.app);
      const res = await upload(book);
      expect(res.status).toBe(400);
      const detail = res.body.details.find((d: { sheet: string }) => d.sheet === '案件 Cases');
      expect(detail.messageZh).toBe(
        `第 ${bad.number} 行：startDate 应为日期 YYYY-MM-DD；第 ${bad.number} 行：value 应为数字`,
      );
      expect(detail.messageEn).toBe(
        `row ${bad.number}: startDate must be a date written YYYY-MM-DD; row ${bad.number}: value must be a number`,
      );
      expect(res.body.details.every((d: { messageZh: string; messageEn: string }) => d.messageZh && d.messageEn)).toBe(
        true,
      );
      expect(await writeCounts(t.app)).toEqual(before);
    });
  });

  describe('a plan ledger that is not a readable Word document', () => {
    const preview = (file: Buffer) =>
      importLedger(t.app, tokens.admin, file, 'ledger.docx', {
        code: 'broken-docx',
        title: '导入测试',
        year: '2020',
        district: '红桥区',
      });

    it('answers our own bilingual message, not the zip library’s error text', async () => {
      const truncated = (
        await new JSZip()
          .file('word/document.xml', '<w:document/>'.repeat(200))
          .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
      ).subarray(0, 120);
      for (const file of [randomBytes(512), truncated, Buffer.from('PK\u0003\u0004 not really a zip')]) {
        const res = await preview(file);
        expectError(
          res,
          400,
          'INVALID_INPUT',
          /^无法按 \.docx 读取该文件：不是可读取的 Word 文档，请用 Word 打开后另存为 \.docx 再上传$/,
          /^Cannot read the file as \.docx: the file is not a readable Word document; open it in Word, save it as \.docx and upload it again$/,
        );
        expect(`${res.body.messageZh} ${res.body.messageEn}`).not.toMatch(
          /zip|central directory|End of data|signature/i,
        );
      }
    });
  });
});
