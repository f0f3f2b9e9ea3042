import type { ImportPreview, MetricResponse, PlanSummaryResponse, PlanTreeResponse } from '@taizhang/contracts';
import type { ParsedPlan, PlanSeed } from '@taizhang/domain';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { smallDocx, smallXlsx } from './plan-import-files';
import { as, expectError, importLedger, rowCounts, signInDemo } from './support';
import { useTestApp } from './test-app';

const LEDGER = readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan-ledger.txt'));
const IDENTITY = {
  code: 'hongqiao-2020-import',
  title: '红桥区2020年法治政府建设年度计划（导入）',
  year: '2020',
  district: '红桥区',
};

const targetsOf = (parsed: ParsedPlan) =>
  parsed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.targets)));
const tasksOfTree = (tree: PlanTreeResponse) => tree.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks));

describe('plan import over HTTP', () => {
  const t = useTestApp();
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let ledgerPreview: ImportPreview;

  const upload = (file: Buffer, filename: string, identity: Record<string, string> = IDENTITY, token = tokens.admin) =>
    importLedger(t.app, token, file, filename, identity);
  const confirm = (seed: PlanSeed) => as(t.app, tokens.admin).post('/api/plans/import/confirm').send({ seed });
  /** Rows that an import writes; "nothing written" means none of these changed. */
  const importCounts = () => rowCounts(t.app, ['plans', 'indicators', 'tasks', 'metrics', 'departments']);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    ledgerPreview = (await upload(LEDGER, 'hongqiao-2020-plan-ledger.txt').expect(200)).body;
  });

  describe('preview', () => {
    it('reads the Hongqiao ledger text: 9 first-level, 33 second-level indicators, 94 tasks and at least 45 targets', () => {
      const { parsed, seed, text, problems } = ledgerPreview;
      expect(text).toBe(LEDGER.toString('utf8'));
      expect(parsed.indicators).toHaveLength(9);
      expect(parsed.indicators.flatMap((f) => f.children)).toHaveLength(33);
      expect(parsed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).map((x) => x.number)).toEqual(
        Array.from({ length: 94 }, (_, i) => i + 1),
      );
      expect(targetsOf(parsed).length).toBeGreaterThanOrEqual(45);
      expect(seed.metrics).toHaveLength(targetsOf(parsed).length);
      expect(seed.plan).toEqual({
        code: IDENTITY.code,
        title: IDENTITY.title,
        year: 2020,
        district: '红桥区',
        source: 'hongqiao-2020-plan-ledger.txt',
      });
      expect(problems).toEqual([]);
    });

    it('points every target at the words it was read from: span.text is text.slice(start, end)', () => {
      const { parsed, text } = ledgerPreview;
      for (const target of targetsOf(parsed)) {
        expect(target.span.text).toBe(text.slice(target.span.start, target.span.end));
        expect(target.span.text).toMatch(/\S/);
        expect(target.confidence).toBeGreaterThan(0);
        expect(target.confidence).toBeLessThanOrEqual(1);
      }
    });

    it('reads a Word document: paragraphs become lines, two indicators with their tasks and targets', async () => {
      const res = await upload(await smallDocx(), '小台账.docx').expect(200);
      const body: ImportPreview = res.body;
      expect(body.parsed.indicators.map((f) => f.title)).toEqual(['依法全面履行政府职能', '完善依法行政制度建设']);
      expect(body.parsed.indicators.flatMap((f) => f.children.map((s) => s.title))).toEqual([
        '全面推行行政审批制度改革',
        '加强规范性文件监督管理',
      ]);
      expect(body.parsed.departments).toEqual(expect.arrayContaining(['区政务服务办', '区司法局']));
      expect(targetsOf(body.parsed).length).toBeGreaterThanOrEqual(2);
      expect(body.seed.plan.source).toBe('小台账.docx');
      for (const target of targetsOf(body.parsed))
        expect(target.span.text).toBe(body.text.slice(target.span.start, target.span.end));
    });

    it('reads an Excel workbook: every cell a line, the same two indicators', async () => {
      const body: ImportPreview = (await upload(await smallXlsx(), 'ledger.xlsx').expect(200)).body;
      expect(body.parsed.indicators.map((f) => f.title)).toEqual(['依法全面履行政府职能', '完善依法行政制度建设']);
      expect(body.parsed.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks)).map((x) => x.number)).toEqual([
        1, 2,
      ]);
      const targets = targetsOf(body.parsed);
      expect(targets.map((x) => [x.comparator, x.target, x.unit])).toEqual(
        expect.arrayContaining([['gte', 100, 'percent']]),
      );
      expect(body.problems).toEqual([]);
    });

    it('answers 415 for a Markdown or PDF file, in both languages', async () => {
      expectError(
        await upload(Buffer.from('# 计划\n'), 'plan.md'),
        415,
        'UNSUPPORTED_FILE',
        /\.md/,
        /Unsupported file type "\.md"/,
      );
      expectError(await upload(Buffer.from('%PDF-1.4\n'), 'plan.pdf'), 415, 'UNSUPPORTED_FILE', /\.pdf/, /\.pdf/);
    });

    it('answers 400 for an empty file and for a .docx that is not a Word document', async () => {
      expectError(
        await upload(Buffer.from('  \n'), 'empty.txt'),
        400,
        'INVALID_INPUT',
        '文件为空',
        'The file is empty',
      );
      expectError(
        await upload(randomBytes(512), 'broken.docx'),
        400,
        'INVALID_INPUT',
        /\.docx/,
        /Cannot read the file as \.docx/,
      );
    });

    it('answers 400 when the identity fields are missing or malformed', async () => {
      expectError(await upload(LEDGER, 'ledger.txt', { ...IDENTITY, code: 'Not A Code' }), 400, 'INVALID_INPUT');
      expectError(await upload(LEDGER, 'ledger.txt', { ...IDENTITY, year: '1999' }), 400, 'INVALID_INPUT');
    });

    it('is for admins only: 403 for a leader and a department user, 401 anonymous', async () => {
      expectError(await upload(LEDGER, 'ledger.txt', IDENTITY, tokens.leader), 403, 'FORBIDDEN');
      expectError(await upload(LEDGER, 'ledger.txt', IDENTITY, tokens.sfj), 403, 'FORBIDDEN');
      const anonymous = as(t.app).post('/api/plans/import').attach('file', LEDGER, 'ledger.txt');
      expectError(await anonymous, 401, 'UNAUTHORIZED');
      expectError(
        await as(t.app, tokens.leader).post('/api/plans/import/confirm').send({ seed: ledgerPreview.seed }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('confirm', () => {
    let planId: number;
    let edited: PlanSeed;
    let changedCode: string;
    let discardedCode: string;

    beforeAll(async () => {
      // The reviewer changes one target's value and discards another before confirming.
      const seed = structuredClone(ledgerPreview.seed);
      const changed = seed.metrics.find((m) => m.kind !== 'deadline' && m.target !== 77)!;
      changed.target = 77;
      changedCode = changed.code;
      discardedCode = seed.metrics.find((m) => m !== changed)!.code;
      seed.metrics = seed.metrics.filter((m) => m.code !== discardedCode);
      edited = seed;
      const res = await confirm(edited).expect(201);
      expect(res.body).toEqual({ planId: expect.any(Number) });
      planId = res.body.planId;
    });

    it('creates the plan: listed by GET /api/plans, its tree with the same counts as the preview', async () => {
      const plans: PlanSummaryResponse[] = (await as(t.app, tokens.leader).get('/api/plans').expect(200)).body;
      expect(plans).toContainEqual(
        expect.objectContaining({
          id: planId,
          code: IDENTITY.code,
          title: IDENTITY.title,
          year: 2020,
          district: '红桥区',
          demo: false,
        }),
      );
      const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/${planId}`).expect(200)).body;
      expect(tree.indicators.map((f) => f.title)).toEqual(ledgerPreview.parsed.indicators.map((f) => f.title));
      expect(tree.indicators.flatMap((f) => f.children)).toHaveLength(33);
      expect(tasksOfTree(tree)).toHaveLength(94);
      expect(tasksOfTree(tree).flatMap((x) => x.metrics)).toHaveLength(edited.metrics.length);
    });

    it('judges the new plan in the confirming request: statuses at once, not 暂无数据 until the scheduler runs', async () => {
      // Read straight after confirm: no cycle ran in between (the cron fires every 5 minutes; this suite takes seconds).
      const [{ n }] = await t.app
        .get(DataSource)
        // The id is our own number, written inline: '?' placeholders are SQLite's, PostgreSQL wants $1.
        .query(
          `SELECT COUNT(*) AS n FROM evaluations e JOIN metrics m ON m.id = e.metric_id WHERE m.plan_id = ${Number(planId)}`,
        );
      expect(Number(n)).toBeGreaterThanOrEqual(edited.metrics.length);
      const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/${planId}`).expect(200)).body;
      expect(tree.period).not.toBeNull();
      const metrics = tasksOfTree(tree).flatMap((x) => x.metrics);
      expect(metrics).toHaveLength(edited.metrics.length);
      // The 2020 plan is long over and nothing was reported: every metric with a reporting department is judged (not grey).
      const judged = metrics.filter((m) => m.departments.length > 0);
      expect(judged.length).toBeGreaterThan(0);
      for (const m of judged) {
        expect(m.periodKey).not.toBeNull();
        expect(['red', 'amber', 'green']).toContain(m.status);
        expect(m.reasonZh).not.toBe('');
      }
    });

    it('stores the metrics as edited: the changed value, without the discarded target', async () => {
      const metrics: MetricResponse[] = (await as(t.app, tokens.admin).get(`/api/metrics?planId=${planId}`).expect(200))
        .body;
      expect(metrics).toHaveLength(edited.metrics.length);
      expect(metrics).toHaveLength(ledgerPreview.seed.metrics.length - 1);
      expect(metrics.map((m) => m.code).sort()).toEqual(edited.metrics.map((m) => m.code).sort());
      expect(metrics.find((m) => m.code === changedCode)!.target).toBe(77);
      expect(metrics.some((m) => m.code === discardedCode)).toBe(false);
    });

    it('refuses a second confirm with the same plan code: 409, nothing written', async () => {
      const before = await importCounts();
      expectError(
        await confirm(edited),
        409,
        'CONFLICT',
        `计划代码 ${IDENTITY.code} 已存在`,
        `A plan with code ${IDENTITY.code} exists already`,
      );
      // Even an otherwise different seed under the same code.
      expectError(await confirm({ ...structuredClone(ledgerPreview.seed), metrics: [] }), 409, 'CONFLICT');
      // And the preview of the same ledger now says so.
      expect((await upload(LEDGER, 'ledger.txt').expect(200)).body.problems).toEqual([
        { zh: `计划代码 ${IDENTITY.code} 已存在`, en: `plan code ${IDENTITY.code} exists already` },
      ]);
      expect(await importCounts()).toEqual(before);
    });

    it('refuses a seed with a broken reference: 400 listing the problem, nothing written', async () => {
      const before = await importCounts();
      const seed = structuredClone(ledgerPreview.seed);
      seed.plan.code = 'broken-reference';
      seed.metrics[0].taskNumber = 999;
      seed.indicators[0].children[0].leadDepartments = ['dept-nowhere'];
      const res = await confirm(seed);
      expectError(res, 400, 'INVALID_INPUT', /999/, /refers to missing task 999/);
      expect(res.body.messageEn).toContain('unknown department dept-nowhere');
      expect(await importCounts()).toEqual(before);
      expectError(await confirm({ plan: { code: 'half' } } as unknown as PlanSeed), 400, 'INVALID_INPUT');
      const plans: PlanSummaryResponse[] = (await as(t.app, tokens.admin).get('/api/plans').expect(200)).body;
      expect(plans.map((p) => p.code)).not.toContain('broken-reference');
    });
  });
});
