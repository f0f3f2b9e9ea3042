import { DataSource } from 'typeorm';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { SupervisionService } from '../src/supervision/supervision.service';
import { bearer, http, signIn } from './support';
import { useTestApp } from './test-app';

// Requests and scheduled work at the same moment: on SQLite they share one connection, and every
// transaction must wait its turn instead of failing; on PostgreSQL they run side by side.
describe('concurrent writes and scheduled runs', () => {
  const t = useTestApp();

  it('acknowledges every submission made while the engine and the supervision loop run, and stores exactly those', async () => {
    const token = await signIn(t.app, 'sfj', 'taizhang-dept');
    const queue = (await http(t.app).get('/api/queue?planId=1').set(bearer(token)).expect(200)).body;
    const items = queue.items.filter((i: { accepts: string[] }) => i.accepts.includes('ratio')).slice(0, 24);
    expect(items.length).toBe(24);
    const count = async () => Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM submissions'))[0].n);
    const before = await count();
    const posts = items.map((i: { metricId: number; period: string; latestRevision: unknown }) =>
      http(t.app)
        .post('/api/submissions')
        .set(bearer(token))
        .send({
          metricId: i.metricId,
          departmentId: queue.departmentId,
          period: i.period,
          numerator: 9,
          denominator: 10,
          ...(i.latestRevision ? { reason: '并发更正' } : {}),
        }),
    );
    const [responses] = await Promise.all([
      Promise.all(posts),
      t.app.get(EvaluationService).runCycle(),
      t.app.get(SupervisionService).runCycle(),
      t.app.get(SupervisionService).runCycle(),
    ]);
    expect(responses.map((r) => r.status)).toEqual(items.map(() => 201));
    expect(await count()).toBe(before + items.length);
    const duplicates = await t.app
      .get(DataSource)
      .query(
        'SELECT metric_id, department_id, period_key, COUNT(*) AS n FROM evaluations WHERE superseded_at IS NULL GROUP BY metric_id, department_id, period_key HAVING COUNT(*) > 1',
      );
    expect(duplicates).toEqual([]);
  }, 60_000);

  it('takes simultaneous corrections of one figure as consecutive revisions, none refused (PostgreSQL runs them side by side)', async () => {
    const token = await signIn(t.app, 'sfj', 'taizhang-dept');
    const queue = (await http(t.app).get('/api/queue?planId=1').set(bearer(token)).expect(200)).body;
    const item = queue.items.find(
      (i: { accepts: string[]; latestRevision: unknown }) => i.accepts.includes('ratio') && i.latestRevision,
    );
    const body = {
      metricId: item.metricId,
      departmentId: queue.departmentId,
      period: item.period,
      numerator: 9,
      denominator: 10,
      reason: '同时更正',
    };
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => http(t.app).post('/api/submissions').set(bearer(token)).send(body)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const revisions = responses.map((r) => r.body.submission.revision).sort((a: number, b: number) => a - b);
    expect(new Set(revisions).size).toBe(8);
    expect(revisions.at(-1) - revisions[0]).toBe(7);
  }, 60_000);
});
