import type { DashboardSummaryResponse, MetricNode, PlanTreeResponse } from '@taizhang/contracts';
import { as, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * The cockpit's "未达标，按责任单位", on the demo plan with today 2021-02-01: every red metric under each department
 * that owes the fix, the unit with the most red first, and how long a missing figure has waited.
 */
describe('what is red, by responsible department', () => {
  const t = useTestApp({ env: { FIXED_TODAY: '2021-02-01', EVALUATION_CRON: '0 0 1 1 *' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  const summaryOf = async (period: string): Promise<DashboardSummaryResponse> =>
    (await as(t.app, tokens.leader).get(`/api/dashboard/summary?planId=1&period=${period}`).expect(200)).body;
  const redMetricsOf = async (period: string): Promise<MetricNode[]> => {
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get(`/api/plans/1?period=${period}`).expect(200))
      .body;
    return tree.indicators
      .flatMap((f) => f.children.flatMap((s) => s.tasks.flatMap((k) => k.metrics)))
      .filter((m) => m.status === 'red');
  };

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('places every red metric under each department whose own figure is red (all its reporters when only the pool is red)', async () => {
    for (const period of ['2020-03', '2020-06', '2020-12']) {
      const summary = await summaryOf(period);
      const red = await redMetricsOf(period);
      expect(summary.counts.red).toBe(red.length);
      const placed = summary.redByDepartment
        .flatMap((g) => g.items.map((i) => `${i.code}@${g.department?.name ?? '-'}`))
        .sort();
      const expected = red
        .flatMap((m) => {
          const own = m.departments.filter((d) => d.status === 'red');
          return (own.length ? own : m.departments).map((d) => `${m.code}@${d.name}`);
        })
        .sort();
      expect([period, placed]).toEqual([period, expected]);
    }
  });

  it('puts the unit with the most red first, then the one that has waited longest', async () => {
    const groups = (await summaryOf('2020-06')).redByDepartment;
    expect(groups.length).toBeGreaterThan(3);
    for (let i = 1; i < groups.length; i++) {
      const [a, b] = [groups[i - 1], groups[i]];
      expect(
        a.items.length > b.items.length ||
          (a.items.length === b.items.length && (a.mostDaysOverdue ?? -1) >= (b.mostDaysOverdue ?? -1)),
      ).toBe(true);
    }
    expect(groups[0].items.length).toBe(Math.max(...groups.map((g) => g.items.length)));
  });

  it('says when each figure was due and, for one still missing, how many days it has waited until today', async () => {
    const summary = await summaryOf('2020-06');
    expect(summary.asOf).toBe('2021-02-01');
    const red = await redMetricsOf('2020-06');
    const items = summary.redByDepartment.flatMap((g) => g.items.map((i) => ({ ...i, department: g.department! })));
    const overdue = items.filter((i) => i.daysOverdue !== null);
    expect(overdue.length).toBeGreaterThan(0);
    for (const i of items) {
      const own = red.find((m) => m.id === i.metricId)!.departments.find((d) => d.id === i.department.id)!;
      // June's monthly figures were due on 2020-07-07 (five working days after the month); 209 days before 2021-02-01.
      if (i.periodKey === '2020-06') expect(i.dueDate).toBe('2020-07-07');
      if (own.basis === 'overdue') {
        expect(i).toMatchObject({
          value: null,
          daysOverdue: (Date.parse('2021-02-01') - Date.parse(i.dueDate!)) / 86_400_000,
        });
        expect(i.reasonZh).toMatch(/逾期未报送/);
      } else {
        expect(i.daysOverdue).toBeNull();
      }
    }
    expect(overdue.find((i) => i.code === 'T056-1')).toMatchObject({
      department: { name: '区司法局' },
      dueDate: '2020-07-07',
      daysOverdue: 209,
    });
    const justice = summary.redByDepartment.find((g) => g.department?.name === '区司法局')!;
    expect(justice.mostDaysOverdue).toBe(209);
    expect(justice.items[0].daysOverdue).toBe(209);
  });

  it('is for leaders and admins: a department is refused the summary', async () => {
    await as(t.app, tokens.admin).get('/api/dashboard/summary?planId=1&period=2020-06').expect(200);
    await as(t.app, tokens.sfj).get('/api/dashboard/summary?planId=1&period=2020-06').expect(403);
  });
});
