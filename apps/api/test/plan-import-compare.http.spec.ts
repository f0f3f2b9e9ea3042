import type { ImportPreview, MetricResponse, PlanTreeResponse } from '@taizhang/contracts';
import { comparablePlan, comparePlans, type PlanSeed } from '@taizhang/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { as, importLedger, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * Next year's ledger: the 2020 Hongqiao ledger with two figures raised and one target dropped, imported as
 * the 2021 plan of the demo plan's district, is compared with the demo plan; the demo plan stays as it was.
 */
const LEDGER_2020 = readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan-ledger.txt'), 'utf8');
const LEDGER_2021 = LEDGER_2020.replace('网上可办率不低于80%', '网上可办率不低于90%')
  .replace('专题培训不少于40学时', '专题培训不少于60学时')
  .replace('对检察建议100%回复', '对检察建议及时回复');
const DISTRICT = '天津市红桥区';
const IDENTITY_2021 = {
  code: 'hongqiao-2021',
  title: '红桥区2021年法治政府建设年度计划',
  year: '2021',
  district: DISTRICT,
};
const DEMO_PLAN = { id: 1, code: 'hongqiao-2020', title: '红桥区2020年法治政府建设年度计划', year: 2020 };

describe("next year's ledger compared with the current plan over HTTP", () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let preview: ImportPreview;

  const upload = (text: string, identity: Record<string, string>) =>
    importLedger(t.app, tokens.admin, Buffer.from(text), 'ledger-2021.txt', identity);
  /** Everything of the demo plan that an import must leave alone: its tree, its metrics with their statuses, its submissions and evaluations row for row. */
  const demoPlanState = async () => {
    const data = t.app.get(DataSource);
    const ofPlan = (table: string) =>
      data.query(`SELECT x.* FROM ${table} x JOIN metrics m ON m.id = x.metric_id WHERE m.plan_id = 1 ORDER BY x.id`);
    return {
      tree: (await as(t.app, tokens.leader).get('/api/plans/1').expect(200)).body as PlanTreeResponse,
      metrics: (await as(t.app, tokens.leader).get('/api/metrics?planId=1').expect(200)).body as MetricResponse[],
      submissions: await ofPlan('submissions'),
      evaluations: await ofPlan('evaluations'),
    };
  };

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    preview = (await upload(LEDGER_2021, IDENTITY_2021).expect(200)).body;
  });

  it('compares with the demo plan: mostly unchanged, the two raised figures target-changed, the dropped target removed', () => {
    const { comparison } = preview;
    expect(comparison.basePlan).toEqual(DEMO_PLAN);
    // Against the reviewed demo seed the parser also reads task 21's two coverage rates as one (T021-2 removed).
    expect(comparison.counts).toEqual({ unchanged: 46, 'target-changed': 2, new: 0, removed: 2 });
    // Tasks 49 and 59 as the demo seed restored them (lost characters) read differently from the ledger; three tasks were edited.
    expect(comparison.tasks).toEqual({ unchanged: 89, reworded: 5, new: 0, removed: 0 });
    const changed = comparison.items.filter((x) => x.change === 'target-changed');
    expect(changed.map((x) => [x.before!.code, x.before!.target, x.after!.target, x.changedFields])).toEqual([
      ['T007-1', 80, 90, ['target']],
      ['T061-2', 40, 60, ['target']],
    ]);
    expect(comparison.items.filter((x) => x.change === 'removed').map((x) => x.before!.code)).toEqual([
      'T021-2',
      'T067-1',
    ]);
    expect(comparison.items).toHaveLength(preview.seed.metrics.length + 2);
  });

  it("sends the earlier plan's tasks and metrics, so that the page compares the seed again as the reviewer edits it", () => {
    const { base } = preview.comparison;
    expect(base!.tasks).toHaveLength(94);
    expect(base!.metrics).toHaveLength(50);
    const edited: PlanSeed = {
      ...preview.seed,
      metrics: preview.seed.metrics.filter((m) => m.name !== '被诉行政机关负责人出庭率'),
    };
    expect(comparePlans(base!, comparablePlan(preview.seed)).counts).toEqual(preview.comparison.counts);
    expect(comparePlans(base!, comparablePlan(edited)).counts).toEqual({
      unchanged: 45,
      'target-changed': 2,
      new: 0,
      removed: 3,
    });
  });

  it('compares with nothing for another district, or for a plan of the same year as the demo plan', async () => {
    const none = {
      basePlan: null,
      base: null,
      counts: { unchanged: 0, 'target-changed': 0, new: 0, removed: 0 },
      tasks: { unchanged: 0, reworded: 0, new: 0, removed: 0 },
      items: [],
    };
    expect(
      (await upload(LEDGER_2021, { ...IDENTITY_2021, district: '天津市河北区' }).expect(200)).body.comparison,
    ).toEqual(none);
    expect((await upload(LEDGER_2021, { ...IDENTITY_2021, year: '2020' }).expect(200)).body.comparison).toEqual(none);
  });

  describe('confirming the 2021 plan', () => {
    let before: Awaited<ReturnType<typeof demoPlanState>>;
    let planId: number;

    beforeAll(async () => {
      before = await demoPlanState();
      planId = (
        await as(t.app, tokens.admin).post('/api/plans/import/confirm').send({ seed: preview.seed }).expect(201)
      ).body.planId;
    });

    it('creates a new plan beside the demo plan', async () => {
      expect(planId).not.toBe(1);
      const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/${planId}`).expect(200)).body;
      expect(tree).toMatchObject({ code: 'hongqiao-2021', year: 2021, district: DISTRICT });
    });

    it('leaves the earlier plan frozen: the same tree, metrics, submissions and evaluations', async () => {
      expect(before.submissions.length).toBeGreaterThan(0);
      expect(before.evaluations.length).toBeGreaterThan(0);
      expect(await demoPlanState()).toEqual(before);
    });

    it('compares the following year with the latest earlier plan: 2022 against 2021, all unchanged', async () => {
      const next: ImportPreview = (
        await upload(LEDGER_2021, { ...IDENTITY_2021, code: 'hongqiao-2022', year: '2022' }).expect(200)
      ).body;
      expect(next.comparison.basePlan).toEqual({
        id: planId,
        code: 'hongqiao-2021',
        title: IDENTITY_2021.title,
        year: 2021,
      });
      expect(next.comparison.counts).toEqual({
        unchanged: preview.seed.metrics.length,
        'target-changed': 0,
        new: 0,
        removed: 0,
      });
      expect(next.comparison.tasks).toEqual({ unchanged: 94, reworded: 0, new: 0, removed: 0 });
    });
  });
});
