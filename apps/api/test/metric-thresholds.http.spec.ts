import type { MetricPreviewResponse, MetricResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import type { EvaluationResponse } from '../src/metrics/metrics.dto';
import { as, countRows, duplicateCurrentEvaluations, expectError, metricsByCode, signInDemo } from './support';
import { useTestApp } from './test-app';

// Every 2020 period has ended, so each has a status to change.
const TODAY = '2021-02-01';

describe('an admin changes a metric’s thresholds after a preview of what changes', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  const admin = () => as(t.app, tokens.admin);
  /** The current status of each period and department (`2020-03:*` overall). */
  const currentOf = async (metricId: number): Promise<Map<string, string>> => {
    const rows: EvaluationResponse[] = (await admin().get(`/api/metrics/${metricId}/evaluations`).expect(200)).body;
    return new Map(
      rows.filter((e) => e.supersededAt === null).map((e) => [`${e.period}:${e.departmentId ?? '*'}`, e.status]),
    );
  };
  const auditRows = () => countRows(t.app, 'audit_log', "WHERE action = 'update metric'");

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('previews a lower target and amber band, writing nothing; saving then changes exactly what the preview said, audited', async () => {
    const metric = (await metricsByCode(t.app, tokens.admin)).get('T007-1')!;
    expect(metric).toMatchObject({ comparator: 'gte', target: 80, unit: 'percent' });
    const before = await currentOf(metric.id);
    const evaluations = await countRows(t.app, 'evaluations');
    const audits = await auditRows();
    const body = { target: 70, tolerance: 2 };

    const preview: MetricPreviewResponse = (
      await admin().post(`/api/metrics/${metric.id}/preview`).send(body).expect(200)
    ).body;
    expect(preview.metricId).toBe(metric.id);
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(preview.changes.length + preview.unchanged).toBe(before.size);
    for (const c of preview.changes) {
      // From what is shown today to what the new rules give, with the department named.
      expect(c.before).toBe(before.get(`${c.period}:${c.departmentId ?? '*'}`));
      expect(c.after).not.toBe(c.before);
      expect(c.departmentName === null).toBe(c.departmentId === null);
    }
    expect(preview.changes.some((c) => c.after === 'green' && c.reasonZh.includes('≥ 70%'))).toBe(true);
    // A preview writes nothing: no evaluation, no metric change, no audit row.
    expect(await countRows(t.app, 'evaluations')).toBe(evaluations);
    expect(await auditRows()).toBe(audits);
    expect(((await admin().get(`/api/metrics/${metric.id}`).expect(200)).body as MetricResponse).target).toBe(80);

    const saved: MetricResponse = (await admin().patch(`/api/metrics/${metric.id}`).send(body).expect(200)).body;
    expect(saved).toMatchObject({ target: 70, tolerance: 2 });
    const after = await currentOf(metric.id);
    const changed = [...after]
      .filter(([key, status]) => before.get(key) !== status)
      .map(([key, status]) => `${key}→${status}`)
      .sort();
    expect(changed).toEqual(preview.changes.map((c) => `${c.period}:${c.departmentId ?? '*'}→${c.after}`).sort());
    expect(await auditRows()).toBe(audits + 1);
    const [row] = await t.app
      .get(DataSource)
      .query("SELECT username, before, after FROM audit_log WHERE action = 'update metric' ORDER BY id DESC LIMIT 1");
    expect(row.username).toBe('admin');
    expect(JSON.parse(row.before)).toEqual({ target: 80, tolerance: null });
    expect(JSON.parse(row.after)).toEqual(body);
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
  });

  it('changes the comparator, the due working days and the reporting frequency: monthly periods leave, quarterly ones come', async () => {
    const metric = (await metricsByCode(t.app, tokens.admin)).get('T075-1')!;
    expect(metric.frequency).toBe('monthly');
    const body = { frequency: 'quarterly', dueWorkingDays: 10, comparator: 'lte' };
    const preview: MetricPreviewResponse = (
      await admin().post(`/api/metrics/${metric.id}/preview`).send(body).expect(200)
    ).body;
    const gone = preview.changes.filter((c) => c.after === null);
    const come = preview.changes.filter((c) => c.before === null);
    expect(new Set(gone.map((c) => c.period))).toEqual(
      new Set(Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`)),
    );
    expect(new Set(come.map((c) => c.period))).toEqual(new Set(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']));

    const saved: MetricResponse = (await admin().patch(`/api/metrics/${metric.id}`).send(body).expect(200)).body;
    expect(saved).toMatchObject({ frequency: 'quarterly', dueWorkingDays: 10, comparator: 'lte' });
    const after = await currentOf(metric.id);
    expect(new Set([...after.keys()].map((k) => k.split(':')[0]))).toEqual(
      new Set(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']),
    );
    for (const c of come) expect(after.get(`${c.period}:${c.departmentId ?? '*'}`)).toBe(c.after);
    // The monthly statuses stay in the history, superseded.
    const history: EvaluationResponse[] = (await admin().get(`/api/metrics/${metric.id}/evaluations`).expect(200)).body;
    expect(history.some((e) => e.period === '2020-06' && e.supersededAt !== null)).toBe(true);
    expect(await duplicateCurrentEvaluations(t.app)).toEqual([]);
  });

  it('previews a change of reporting departments: a new reporter with no figures is overdue', async () => {
    const metric = (await metricsByCode(t.app, tokens.admin)).get('T064-1')!;
    const detail: MetricResponse = (await admin().get(`/api/metrics/${metric.id}`).expect(200)).body;
    const reporters = detail.reportingDepartments!.map((d) => d.id);
    const extra = tokens.departmentOf.zwfwb;
    expect(reporters).not.toContain(extra);
    const preview: MetricPreviewResponse = (
      await admin()
        .post(`/api/metrics/${metric.id}/preview`)
        .send({ reportingDepartmentIds: [...reporters, extra] })
        .expect(200)
    ).body;
    const added = preview.changes.filter((c) => c.departmentId === extra);
    expect(added).toHaveLength(12);
    for (const c of added)
      expect(c).toMatchObject({
        before: null,
        after: 'red',
        departmentName: '区政务服务办',
        reasonZh: expect.stringContaining('逾期未报送'),
      });
  });

  it('refuses bad rules with a bilingual 400 (never a 500), in the preview as on saving, and only admins may preview', async () => {
    const byCode = await metricsByCode(t.app, tokens.admin);
    const percent = byCode.get('T064-1')!;
    const deadline = byCode.get('T049-1')!;
    for (const verb of ['post', 'patch'] as const) {
      const send = (id: number, body: object) =>
        admin()
          [verb](verb === 'post' ? `/api/metrics/${id}/preview` : `/api/metrics/${id}`)
          .send(body);
      expectError(
        await send(percent.id, { target: 101 }),
        400,
        'INVALID_INPUT',
        '百分比指标的目标值 target 应在 0 至 100 之间（收到 101）',
        'A percent target must be from 0 to 100 (got 101)',
      );
      expectError(await send(percent.id, { tolerance: 150 }), 400, 'INVALID_INPUT', /百分比指标的预警带/);
      expectError(
        await send(percent.id, { comparator: 'gt' }),
        400,
        'INVALID_INPUT',
        /比较方式 comparator 应为 gte/,
        /comparator must be gte/,
      );
      expectError(
        await send(percent.id, { frequency: 'weekly' }),
        400,
        'INVALID_INPUT',
        /报送频率 frequency/,
        /frequency must be monthly, quarterly or annual/,
      );
      expectError(await send(percent.id, { frequency: null }), 400, 'INVALID_INPUT');
      expectError(await send(percent.id, {}), 400, 'INVALID_INPUT', /没有要修改的内容/);
      expectError(
        await send(percent.id, { reportingDepartmentIds: [99999] }),
        400,
        'INVALID_INPUT',
        /找不到编号为 99999 的单位/,
      );
      expectError(await send(deadline.id, { frequency: 'monthly' }), 400, 'INVALID_INPUT', /期限类指标每年报送一次/);
      expectError(await send(deadline.id, { comparator: 'gte' }), 400, 'INVALID_INPUT', /期限类指标没有比较方式/);
      expectError(await send(9999, { target: 5 }), 404, 'NOT_FOUND');
    }
    expect(((await admin().get(`/api/metrics/${percent.id}`).expect(200)).body as MetricResponse).target).toBe(95);
    for (const user of ['leader', 'sfj'] as const)
      expectError(
        await as(t.app, tokens[user]).post(`/api/metrics/${percent.id}/preview`).send({ target: 50 }),
        403,
        'FORBIDDEN',
      );
    expectError(await as(t.app).post(`/api/metrics/${percent.id}/preview`).send({ target: 50 }), 401, 'UNAUTHORIZED');
  });
});
