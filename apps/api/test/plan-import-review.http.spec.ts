import type { ImportPreview, MetricResponse, PlanTreeResponse } from '@taizhang/contracts';
import type { MetricSeed, PlanSeed } from '@taizhang/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { as, expectError, importLedger, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * Reviewing an import of a ledger of another shape (余杭 2021 民生实事: ten numbered items, no headings, no departments):
 * the preview says what blocks it in Chinese first, the reviewer names who reports each target, changes targets, adds one
 * the parser missed from words of the source text, and confirms; the plan is judged at once. Then next year's ledger,
 * worded anew, is compared with a plan whose figures changed.
 */
const YUHANG = readFileSync(path.join(__dirname, 'fixtures/yuhang-2021-minsheng-shishi.txt'));
const IDENTITY = { code: 'yuhang-2021', title: '余杭区2021年民生实事项目', year: '2021', district: '杭州市余杭区' };
// Words of task 2 that the parser leaves alone (an area, not a count it reads as a target).
const MISSED = '完成老旧小区综合改造提升15万平方米';

describe('reviewing a plan import over HTTP', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-05-20' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let preview: ImportPreview;
  let office: { code: string; name: string };

  const upload = (text: Buffer | string, identity: Record<string, string>, filename = 'ledger.txt') =>
    importLedger(t.app, tokens.admin, Buffer.from(text), filename, identity);
  const confirm = (seed: unknown) => as(t.app, tokens.admin).post('/api/plans/import/confirm').send({ seed });
  /** The seed as a reviewer leaves it: every target reported by the district office (the ledger names no department). */
  const reported = (): PlanSeed => {
    const seed = structuredClone(preview.seed);
    seed.departments.push(office);
    for (const m of seed.metrics) m.reportingDepartments = [office.code];
    return seed;
  };
  const added = (over: Partial<MetricSeed> = {}): MetricSeed => ({
    code: 'T002-1',
    taskNumber: 2,
    name: '老旧小区综合改造提升面积',
    nameEn: '老旧小区综合改造提升面积',
    kind: 'value',
    comparator: 'gte',
    target: 150000,
    unit: 'count',
    period: 'year',
    deadline: null,
    source: MISSED,
    note: null,
    reportingDepartments: [office.code],
    ...over,
  });

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    const departments: Array<{ code: string; name: string }> = (
      await as(t.app, tokens.admin).get('/api/departments').expect(200)
    ).body;
    office = departments.map(({ code, name }) => ({ code, name })).find((d) => d.name === '区政府办')!;
    preview = (await upload(YUHANG, IDENTITY, 'yuhang-2021-minsheng-shishi.txt').expect(200)).body;
  });

  describe('preview', () => {
    it('numbers the plan-level group and the tasks 1…n, the group titled after the plan: nothing to object to there', () => {
      expect(
        preview.seed.indicators.map((f) => [f.number, f.title, f.children.map((s) => [s.number, s.title])]),
      ).toEqual([[1, IDENTITY.title, [[1, IDENTITY.title]]]]);
      expect(preview.seed.indicators[0].children[0].tasks.map((x) => x.number)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
      ]);
      expect(preview.seed.metrics).toHaveLength(29);
      expect(preview.problems.map((p) => p.en).join(' ')).not.toMatch(/numbered|position|must be a whole number/);
    });

    it('names its one blocking problem in Chinese first: no lead department, so each target needs who reports it', () => {
      expect(preview.problems).toHaveLength(1);
      expect(preview.problems[0].zh).toMatch(
        new RegExp(`^二级指标 1「${IDENTITY.title}」没有牵头单位：请为其下指标 T001-1、T003-1、.*T010-1 指定填报部门$`),
      );
      expect(preview.problems[0].en).toMatch(
        /^second-level indicator 1 has no lead department: name the reporting departments of T001-1, T003-1, /,
      );
    });

    it('gives metric names that read as names: no dates, markers or trailing particles', () => {
      const names = preview.seed.metrics.map((m) => m.name);
      expect(names).toEqual(expect.arrayContaining(['回迁安置', '开工建设学校', '新增示范型儿童之家']));
      for (const name of names) expect(name).not.toMatch(/^(?:\d|20\d\d年|[(（*])|(?:在|至|要|达到)$/);
    });
  });

  describe('confirm', () => {
    it('refuses the seed as read: 400, the problem in Chinese first, nothing created', async () => {
      expectError(
        await confirm(preview.seed),
        400,
        'INVALID_INPUT',
        /^计划有 1 处问题：二级指标 1「.*」没有牵头单位：请为其下指标 T001-1/,
        /^The plan has 1 problems: second-level indicator 1 has no lead department/,
      );
    });

    it("refuses an added target whose words are not its task's, or without a value, or with an unknown reporter: 400 in Chinese first", async () => {
      const seed = reported();
      seed.metrics.push(added({ taskNumber: 3 }));
      expectError(
        await confirm(seed),
        400,
        'INVALID_INPUT',
        /指标 T002-1：原文不是任务 3 中的文字/,
        /metric T002-1: source is not words of task 3/,
      );
      seed.metrics[seed.metrics.length - 1] = added({ target: null });
      expectError(await confirm(seed), 400, 'INVALID_INPUT', /指标 T002-1 缺少目标值/, /metric T002-1 has no target/);
      seed.metrics[seed.metrics.length - 1] = added({ reportingDepartments: ['dept-nowhere'] });
      expectError(
        await confirm(seed),
        400,
        'INVALID_INPUT',
        /指标 T002-1 的填报部门 dept-nowhere 未知/,
        /unknown reporting department dept-nowhere/,
      );
    });

    it('refuses a seed of the wrong shape at the edge with a bilingual 400, never 500', async () => {
      const seed = reported();
      seed.metrics.push(added({ target: '十五万' as unknown as number }));
      expectError(
        await confirm(seed),
        400,
        'INVALID_INPUT',
        /^seed 应为预览返回的计划对象，有 1 处不符：seed\.metrics\[29\]\.target 应为 0–\d+ 的数或 null$/,
        /seed\.metrics\[29\]\.target must be a number/,
      );
      expectError(await confirm([]), 400, 'INVALID_INPUT');
      expectError(
        await confirm({ ...seed, metrics: [{ ...added(), extra: 1 }] }),
        400,
        'INVALID_INPUT',
        /extra 不是计划的字段/,
        /extra is not a field of a plan/,
      );
    });

    describe('with every target reported, one changed and one added from the source text', () => {
      let planId: number;
      let seed: PlanSeed;

      beforeAll(async () => {
        seed = reported();
        // The reviewer changes the first target completely: kind, comparator, value, unit and period.
        Object.assign(seed.metrics[0], {
          kind: 'annual-count',
          comparator: 'gte',
          target: 1300,
          unit: 'persons',
          period: 'quarter',
        });
        seed.metrics.splice(1, 0, added());
        planId = (await confirm(seed).expect(201)).body.planId;
      });

      it('creates the plan with the added target, its words and its terms as the reviewer set them', async () => {
        const metrics: MetricResponse[] = (
          await as(t.app, tokens.admin).get(`/api/metrics?planId=${planId}`).expect(200)
        ).body;
        expect(metrics).toHaveLength(30);
        expect(metrics.find((m) => m.code === 'T002-1')).toMatchObject({
          name: '老旧小区综合改造提升面积',
          kind: 'value',
          comparator: 'gte',
          target: 150000,
          unit: 'count',
          source: MISSED,
        });
        expect(metrics.find((m) => m.code === 'T001-1')).toMatchObject({
          name: '回迁安置',
          kind: 'annual-count',
          comparator: 'gte',
          target: 1300,
          unit: 'persons',
        });
        const one: MetricResponse = (
          await as(t.app, tokens.admin)
            .get(`/api/metrics/${metrics.find((m) => m.code === 'T002-1')!.id}`)
            .expect(200)
        ).body;
        expect(one.reportingDepartments!.map((d) => d.code)).toEqual([office.code]);
      });

      it('judges it at once: every metric has a status and a reason straight after confirming', async () => {
        const [{ n }] = await t.app
          .get(DataSource)
          // The id is our own number, written inline: '?' placeholders are SQLite's, PostgreSQL wants $1.
          .query(
            `SELECT COUNT(*) AS n FROM evaluations e JOIN metrics m ON m.id = e.metric_id WHERE m.plan_id = ${Number(planId)}`,
          );
        expect(Number(n)).toBeGreaterThanOrEqual(30);
        const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/${planId}`).expect(200)).body;
        const metrics = tree.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((x) => x.metrics)));
        expect(metrics).toHaveLength(30);
        expect(metrics.find((m) => m.code === 'T002-1')).toMatchObject({ period: 'year' });
        for (const m of metrics) {
          expect(['red', 'amber', 'green', 'grey']).toContain(m.status);
          expect(m.reasonZh).not.toBe('');
        }
        // The changed target is now quarterly: its first quarter is over and unreported, so the district office's figure is judged.
        const changed = metrics.find((m) => m.code === 'T001-1')!;
        expect(changed).toMatchObject({ period: 'quarter', periodKey: '2021-Q1' });
        expect(changed.departments.map((d) => [d.code, d.periodKey])).toEqual([[office.code, '2021-Q1']]);
        expect(['red', 'amber']).toContain(changed.departments[0].status);
      });
    });
  });

  describe('next year, worded anew', () => {
    it('reads 2021\'s "3个工作日以内" against the demo plan\'s "不超过5个工作日" as the same metric with a changed target', async () => {
      const ledger = [
        '红桥区2021年法治政府建设重点任务',
        '01 优化营商环境。企业开办时间压缩至3个工作日以内,区政务服务事项网上可办率达到95%。',
        '02 加强执法队伍建设。行政执法人员每年专题培训不少于60学时。',
      ].join('\n');
      const body: ImportPreview = (
        await upload(ledger, {
          code: 'hongqiao-2021-short',
          title: '红桥区2021年重点任务',
          year: '2021',
          district: '天津市红桥区',
        }).expect(200)
      ).body;
      expect(body.comparison.basePlan).toMatchObject({ code: 'hongqiao-2020' });
      const changed = body.comparison.items
        .filter((x) => x.change === 'target-changed')
        .map((x) => [x.before!.code, x.before!.target, x.after!.target, x.changedFields]);
      expect(changed).toEqual([
        ['T004-1', 5, 3, ['target']],
        ['T007-1', 80, 95, ['target']],
        ['T061-2', 40, 60, ['target']],
      ]);
      expect(body.comparison.counts).toEqual({ unchanged: 0, 'target-changed': 3, new: 0, removed: 47 });
    });
  });
});
