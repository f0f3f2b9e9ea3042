import type { DashboardSummaryResponse } from '@taizhang/contracts';
import type { Response } from 'supertest';
import { DashboardService } from '../src/dashboard/dashboard.service';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { as, countRows, createUser, expectError, metricsByCode, signIn, signInAdmin } from './support';
import { useTestApp } from './test-app';

// Every 2020 period has ended and its figures are due; nothing was reported (DEMO=0), so all starts red overdue.
const TODAY = '2021-02-01';
const DASHBOARD = [
  '/api/dashboard/summary?planId=1',
  '/api/dashboard/trend?planId=1',
  '/api/dashboard/departments?planId=1',
];

/**
 * The web app polls the dashboard every minute. Each answer carries a strong ETag: a poll that sends it back while
 * nothing changed gets 304 and no body; a new evaluation, a new write or a new run of the engine gives a new tag.
 */
describe('dashboard polling over HTTP', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: TODAY } });
  let admin: string;
  let leader: string;
  let department1: string;
  let metricId: number;
  const get = (token: string | undefined, path: string, etag?: string) => {
    const req = as(t.app, token).get(path);
    return etag === undefined ? req : req.set('If-None-Match', etag);
  };
  const strongTag = (res: Response) => {
    expect(res.headers.etag).toMatch(/^"[^"]+"$/);
    return res.headers.etag as string;
  };

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'leader-1', 'leader');
    // 区政务服务办 (department 1) reports T007-3.
    department1 = await createUser(t.app, admin, 'dept-1', 'department', 1);
    metricId = (await metricsByCode(t.app, admin)).get('T007-3')!.id;
  });

  it('answers each dashboard read with a strong ETag, and 304 without a body when a poll sends it back unchanged', async () => {
    for (const path of DASHBOARD) {
      const first = await get(leader, path).expect(200);
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const etag = strongTag(first);
      const again = await get(leader, path).expect(200);
      expect([again.headers.etag, again.body]).toEqual([etag, first.body]);

      const unchanged = await get(leader, path, etag).expect(304);
      expect(unchanged.text ?? '').toBe('');
      expect(unchanged.headers.etag).toBe(etag);
      // The answer is the same for every admin and leader, so is its tag.
      await get(admin, path, etag).expect(304);
      // Any other tag, or one of a list, is compared as HTTP says.
      expect((await get(leader, path, '"not-this-one"').expect(200)).body).toEqual(first.body);
      await get(leader, path, `"not-this-one", ${etag}`).expect(304);
    }
  });

  it('asks who is calling before it answers 304: with the current tag, anonymous is refused 401 and a department user 403', async () => {
    const etag = strongTag(await get(leader, DASHBOARD[0]).expect(200));
    expectError(await get(undefined, DASHBOARD[0], etag), 401, 'UNAUTHORIZED');
    expectError(await get(department1, DASHBOARD[0], etag), 403, 'FORBIDDEN');
  });

  it('gives a new tag and the new counts once a submission is evaluated: the poll with the old tag gets 200', async () => {
    const before = await Promise.all(DASHBOARD.map((path) => get(leader, path).expect(200)));
    const summary: DashboardSummaryResponse = before[0].body;
    expect(summary.period).toBe('2020-12');
    await as(t.app, department1)
      .post('/api/submissions')
      .send({ metricId, departmentId: 1, period: '2020-12', value: 120 })
      .expect(201);

    const after = await Promise.all(DASHBOARD.map((path, i) => get(leader, path, strongTag(before[i])).expect(200)));
    expect((after[0].body as DashboardSummaryResponse).counts).toEqual({
      ...summary.counts,
      red: summary.counts.red - 1,
      green: summary.counts.green + 1,
    });
    for (const [i, res] of after.entries()) {
      expect(strongTag(res)).not.toBe(before[i].headers.etag);
      expect(res.body).not.toEqual(before[i].body);
      await get(leader, DASHBOARD[i], res.headers.etag).expect(304);
    }
  });

  it('gives a new tag when the engine runs again, even when it changes nothing: the summary says when it last looked', async () => {
    const before = await get(leader, DASHBOARD[0]).expect(200);
    const run = await t.app.get(EvaluationService).runCycle();
    expect(run.changed).toBe(0);
    const after = await get(leader, DASHBOARD[0], strongTag(before)).expect(200);
    expect(after.body).toEqual({ ...before.body, evaluatedAt: run.finishedAt });
    expect(strongTag(after)).not.toBe(before.headers.etag);
  });

  it('computes the summary again for a write, not for refusals and sign-ins, which are audited but change nothing it shows', async () => {
    const service = t.app.get(DashboardService) as unknown as {
      computeSummary: (...args: unknown[]) => Promise<unknown>;
    };
    const computed = jest.spyOn(service, 'computeSummary');
    try {
      const etag = strongTag(await get(leader, DASHBOARD[0]).expect(200));
      computed.mockClear();
      const audited = await countRows(t.app, 'audit_log');
      expectError(await get(undefined, DASHBOARD[0]), 401, 'UNAUTHORIZED');
      expectError(await get(department1, DASHBOARD[0]), 403, 'FORBIDDEN');
      await signIn(t.app, 'leader-1', 'leader-1-password');
      // The signed-in refusal and the sign-in are itemised; the anonymous refusal is counted (hardening-auth.http.spec.ts).
      expect(await countRows(t.app, 'audit_log')).toBe(audited + 2);
      await get(leader, DASHBOARD[0], etag).expect(304);
      expect(computed).not.toHaveBeenCalled();

      await as(t.app, department1)
        .post('/api/submissions')
        .send({ metricId, departmentId: 1, period: '2020-11', value: 120 })
        .expect(201);
      await get(leader, DASHBOARD[0], etag).expect(200);
      expect(computed).toHaveBeenCalledTimes(1);
    } finally {
      computed.mockRestore();
    }
  });

  it('keeps answering 400 for a month outside the plan, however often it is asked', async () => {
    for (let i = 0; i < 2; i++)
      expectError(await get(leader, '/api/dashboard/summary?planId=1&period=2021-01'), 400, 'PERIOD_OUTSIDE_PLAN');
    await get(leader, '/api/dashboard/summary?planId=1&period=2020-06').expect(200);
  });
});
