import type { MetricNode, PlanTreeResponse } from '@taizhang/contracts';
import type { MetricResponse } from '../src/metrics/metrics.dto';
import { as, expectError, signInDemo } from './support';
import { useTestApp } from './test-app';

// Every 2020 period has ended: without a month, each metric shows its last period (2020-12, 2020-Q4 or 2020).
const TODAY = '2021-02-01';
const MONTH = '2020-06';
const AIR_QUALITY = '全区优良天数比例';

const metricNodes = (tree: PlanTreeResponse): MetricNode[] =>
  tree.indicators.flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics)));

/** A page drilled into from the overview at 2020-06 shows 2020-06, as the overview does: the month is a query parameter. */
describe('a metric as a chosen month shows it (?period=YYYY-MM)', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let tree: PlanTreeResponse;
  const leader = () => as(t.app, tokens.leader);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    tree = (await leader().get(`/api/plans/1?period=${MONTH}`).expect(200)).body;
  });

  it('gives the air-quality metric its 2020-06 status and figure, not its 2020-12 one', async () => {
    const node = metricNodes(tree).find((m) => m.name === AIR_QUALITY)!;
    const latest: MetricResponse = (await leader().get(`/api/metrics/${node.id}`).expect(200)).body;
    const june: MetricResponse = (await leader().get(`/api/metrics/${node.id}?period=${MONTH}`).expect(200)).body;
    expect(latest.current!.period).toBe('2020-12');
    expect(june.current!.period).toBe(MONTH);
    expect(june.current!.status).toBe(node.status);
    expect(june.current!.reasonZh).toBe(node.reasonZh);
    expect(june.current!.value).not.toBe(latest.current!.value);
    expect(june.departments.length).toBeGreaterThan(0);
    for (const d of june.departments) expect(d.period).toBe(MONTH);
  });

  it('agrees with the plan tree of that month for every metric: same period and status, or nothing yet', async () => {
    for (const node of metricNodes(tree)) {
      const m: MetricResponse = (await leader().get(`/api/metrics/${node.id}?period=${MONTH}`).expect(200)).body;
      expect([m.code, m.current?.period ?? null, m.current?.status ?? 'grey']).toEqual([
        node.code,
        node.periodKey,
        node.status,
      ]);
    }
  });

  it('lists a department’s metrics with its own status of that month', async () => {
    const june: MetricResponse[] = (
      await leader().get(`/api/metrics?planId=1&departmentId=9&period=${MONTH}`).expect(200)
    ).body;
    const latest: MetricResponse[] = (await leader().get('/api/metrics?planId=1&departmentId=9').expect(200)).body;
    expect(june.map((m) => m.code)).toEqual(latest.map((m) => m.code));
    const shown = june.filter((m) => m.current);
    expect(shown.length).toBeGreaterThan(0);
    for (const m of shown) {
      expect(m.current!.departmentId).toBe(9);
      expect(m.current!.periodEnd <= '2020-06-30').toBe(true);
    }
    expect(shown.some((m) => m.current!.period === MONTH)).toBe(true);
  });

  it('refuses a month that is not one, or not in the plan’s year, in both languages', async () => {
    const id = metricNodes(tree)[0].id;
    expectError(
      await leader().get(`/api/metrics/${id}?period=2020-13`),
      400,
      'INVALID_INPUT',
      /月份格式应为 YYYY-MM/,
      /period must be a month written YYYY-MM/,
    );
    expectError(
      await leader().get(`/api/metrics/${id}?period=2019-06`),
      400,
      'PERIOD_OUTSIDE_PLAN',
      /^月份 2019-06 不在 2020 年计划内/,
      /^Month 2019-06 is not in the 2020 plan/,
    );
    expectError(
      await leader().get(`/api/metrics?planId=1&period=June`),
      400,
      'INVALID_INPUT',
      /月份格式应为 YYYY-MM/,
      /period must be a month written YYYY-MM/,
    );
    expectError(
      await leader().get(`/api/metrics?planId=1&period=2021-01`),
      400,
      'PERIOD_OUTSIDE_PLAN',
      /^月份 2021-01 不在 2020 年计划内/,
      /^Month 2021-01 is not in the 2020 plan/,
    );
  });
});
