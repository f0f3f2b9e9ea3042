import type { EvaluationResponse, QueueItem, QueueResponse } from '@taizhang/contracts';
import { as, signInDemo } from './support';
import { useTestApp } from './test-app';

// Mid-October 2020 with the demo history: many metrics are reported by several departments with different statuses.
const TODAY = '2020-10-12';

describe("a department's queue shows its own evaluation of each period", () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it.each(['sfj', 'zfb', 'zwfwb'] as const)(
    '%s: each item with an evaluation carries the one the metric page shows for that department and period',
    async (clerk) => {
      const department = tokens.departmentOf[clerk];
      const queue: QueueResponse = (await as(t.app, tokens[clerk]).get('/api/queue?planId=1').expect(200)).body;
      const judged = queue.items.filter((i): i is QueueItem & { evaluation: NonNullable<QueueItem['evaluation']> } =>
        Boolean(i.evaluation),
      );
      expect(judged.length).toBeGreaterThan(0);
      const historyOf = new Map<number, EvaluationResponse[]>();
      for (const item of judged) {
        if (!historyOf.has(item.metricId))
          historyOf.set(
            item.metricId,
            (
              await as(t.app, tokens.leader)
                .get(`/api/metrics/${item.metricId}/evaluations?departmentId=${department}`)
                .expect(200)
            ).body,
          );
        const own = historyOf
          .get(item.metricId)!
          .find((e) => e.period === item.period && e.departmentId === department && e.supersededAt === null);
        expect({ metric: item.metricCode, period: item.period, ...item.evaluation }).toEqual({
          metric: item.metricCode,
          period: item.period,
          status: own!.status,
          basis: own!.basis,
          reasonZh: own!.reasonZh,
          reasonEn: own!.reasonEn,
        });
      }
    },
  );
});
