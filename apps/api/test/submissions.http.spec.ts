import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import type { MetricResponse } from '../src/metrics/metrics.dto';
import {
  as,
  countRows,
  createUser,
  expectError,
  metricIds,
  metricsByCode,
  ROLE_REFUSED,
  SIGN_IN_FIRST,
  signIn,
  signInAdmin,
} from './support';
import { useTestApp } from './test-app';

// Every 2020 period has ended and its figures are due; nothing was reported (DEMO=0), so all starts red overdue.
const TODAY = '2021-02-01';

describe('submissions over HTTP', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: TODAY } });
  let ids: Map<string, number>;
  let leaderToken: string;
  // A department submits its own figures: one signed-in user per department these tests report for.
  const departmentTokens = new Map<number, string>();
  const leader = () => as(t.app, leaderToken);
  // Every submission the API acknowledged with 201, to check that none is ever lost.
  const acknowledged: number[] = [];
  const submit = (body: Record<string, unknown>) =>
    as(t.app, departmentTokens.get(body.departmentId as number))
      .post('/api/submissions')
      .send(body)
      .on('response', (res: { status: number; body: { submission: { id: number } } }) => {
        if (res.status === 201) acknowledged.push(res.body.submission.id);
      });
  const id = (code: string) => ids.get(code)!;

  beforeAll(async () => {
    const admin = await signInAdmin(t.app);
    for (const departmentId of [1, 5, 6, 7, 9])
      departmentTokens.set(
        departmentId,
        await createUser(t.app, admin, `dept-${departmentId}`, 'department', departmentId),
      );
    leaderToken = await createUser(t.app, admin, 'leader-1', 'leader');
    ids = await metricIds(t.app, leaderToken);
  });

  it('takes a numerator and denominator for a ≥ 80% rate and answers 201 with the evaluation it caused', async () => {
    const res = await submit({
      metricId: id('T007-1'),
      departmentId: 1,
      period: '2020-10',
      numerator: 37,
      denominator: 40,
      note: '含补报',
    }).expect(201);
    expect(res.body.submission).toMatchObject({
      metricId: id('T007-1'),
      departmentId: 1,
      period: '2020-10',
      revision: 1,
      figure: { type: 'ratio', numerator: 37, denominator: 40 },
      note: '含补报',
    });
    const green = {
      status: 'green',
      basis: 'met',
      value: 92.5,
      target: 80,
      reasonZh: '92.5%（37/40） 达到目标（≥ 80%）',
      reasonEn: '92.5% (37/40) meets the target (≥ 80%)',
    };
    // One department reports T007-1, so the metric's overall status is that department's.
    expect(res.body.evaluation).toEqual({ department: green, overall: green });

    /** The department's evaluation that `numerator` of 40 for `period` caused. */
    const outOf40 = async (period: string, numerator: number) =>
      (await submit({ metricId: id('T007-1'), departmentId: 1, period, numerator, denominator: 40 }).expect(201)).body
        .evaluation.department;
    expect(await outOf40('2020-09', 30)).toEqual({
      status: 'amber',
      basis: 'within-band',
      value: 75,
      target: 80,
      reasonZh: '75%（30/40） 未达目标（≥ 80%），在 5 个百分点预警带内',
      reasonEn: '75% (30/40) misses the target (≥ 80%), within the 5-point amber band',
    });
    expect(await outOf40('2020-08', 29)).toMatchObject({
      status: 'red',
      basis: 'missed',
      value: 72.5,
      reasonZh: '72.5%（29/40） 未达目标（≥ 80%），超出 5 个百分点预警带',
    });
  });

  it('refuses a numerator above the denominator with 400 naming both numbers, and stores nothing', async () => {
    const before = await countRows(t.app, 'submissions');
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-07', numerator: 41, denominator: 40 }),
      400,
      'INVALID_FIGURE',
      '分子 41 不能大于分母 40',
      'The numerator 41 cannot exceed the denominator 40',
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-07', numerator: 3 }),
      400,
      'INVALID_FIGURE',
      '分子 numerator 和分母 denominator 须同时填写',
      'Give both the numerator and the denominator',
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-07', value: 101 }),
      400,
      'INVALID_FIGURE',
      '百分比不能超过 100',
      'A percentage cannot exceed 100',
    );
    expect(await countRows(t.app, 'submissions')).toBe(before);
  });

  it('shows a denominator of 0 as grey not applicable, never green', async () => {
    const res = await submit({
      metricId: id('T007-1'),
      departmentId: 1,
      period: '2020-07',
      numerator: 0,
      denominator: 0,
    }).expect(201);
    const grey = {
      status: 'grey',
      basis: 'not-applicable',
      value: null,
      target: null,
      reasonZh: '本期无适用事项（分母为 0）',
      reasonEn: 'No applicable cases this period (denominator 0)',
    };
    expect(res.body.evaluation).toEqual({ department: grey, overall: grey });
  });

  it('takes a plain value, and judges the metric overall by the worst department while another is overdue', async () => {
    const first = (await submit({ metricId: id('T064-1'), departmentId: 5, period: '2020-11', value: 93 }).expect(201))
      .body;
    expect(first.submission.figure).toEqual({ type: 'value', value: 93 });
    expect(first.evaluation.department).toEqual({
      status: 'amber',
      basis: 'within-band',
      value: 93,
      target: 95,
      reasonZh: '93% 未达目标（≥ 95%），在 5 个百分点预警带内',
      reasonEn: '93% misses the target (≥ 95%), within the 5-point amber band',
    });
    // Department 9 has not reported 2020-11 after its due date: a missing figure is never hidden.
    expect(first.evaluation.overall).toMatchObject({
      status: 'red',
      basis: 'overdue',
      value: null,
      target: 95,
      reasonZh: expect.stringMatching(/^\S+逾期未报送 2020-11 的数据$/),
    });
    const second = (await submit({ metricId: id('T064-1'), departmentId: 9, period: '2020-11', value: 99 }).expect(201))
      .body;
    expect(second.evaluation.department).toMatchObject({ status: 'green', basis: 'met', value: 99 });
    expect(second.evaluation.overall).toMatchObject({
      status: 'amber',
      basis: 'within-band',
      value: 93,
      reasonZh: expect.stringMatching(/^\S+：93% 未达目标（≥ 95%），在 5 个百分点预警带内$/),
    });
  });

  it('counts case durations in working days: a case spanning the National Day holiday meets ≤ 7 working days, an open case past the limit is late', async () => {
    // 2020-09-30 → 2020-10-12 is 12 calendar days but 3 working days (9 Oct, make-up Saturday 10 Oct, 12 Oct).
    const one = await submit({
      metricId: id('T050-2'),
      departmentId: 6,
      period: '2020-09',
      cases: [{ reference: 'HQ-2020-001', startDate: '2020-09-30', completedOn: '2020-10-12' }],
    }).expect(201);
    expect(one.body.submission.figure).toEqual({
      type: 'cases',
      cases: [{ reference: 'HQ-2020-001', startDate: '2020-09-30', completedOn: '2020-10-12', value: null }],
    });
    expect(one.body.evaluation.department).toEqual({
      status: 'green',
      basis: 'met',
      value: 100,
      target: 100,
      reasonZh: '1 件中 1 件符合 ≤ 7 个工作日（100%）',
      reasonEn: '1 of 1 cases meet ≤ 7 working days (100%)',
    });

    // Still open on 2021-02-01: late once past 7 working days; one opened on 28 January is merely running.
    const open = (await leader().get(`/api/calendar/working-days/count?start=2020-09-15&end=${TODAY}`).expect(200)).body
      .days;
    expect(open).toBeGreaterThan(7);
    const cases = [
      { reference: 'HQ-2020-001', startDate: '2020-09-30', completedOn: '2020-10-12' },
      { reference: 'HQ-2020-002', startDate: '2020-09-15', completedOn: null },
      { reference: 'HQ-2020-003', startDate: '2021-01-28' },
    ];
    const two = await submit({
      metricId: id('T050-2'),
      departmentId: 6,
      period: '2020-09',
      cases,
      reason: '补录两件案件',
    }).expect(201);
    expect(two.body.submission.revision).toBe(2);
    expect(two.body.evaluation.department).toEqual({
      status: 'red',
      basis: 'missed',
      value: 50,
      target: 100,
      reasonZh: `2 件中 1 件符合 ≤ 7 个工作日（50%）；不符合：HQ-2020-002 ${open} 个工作日（未办结），另有 1 件办理中`,
      reasonEn: `1 of 2 cases meet ≤ 7 working days (50%); not meeting it: HQ-2020-002 ${open} working days (open); 1 still open`,
    });
    expect(await countRows(t.app, 'submission_cases')).toBe(4);
    expectError(
      await submit({
        metricId: id('T050-2'),
        departmentId: 6,
        period: '2020-09',
        cases: [{ reference: 'X', startDate: '2020-10-12', completedOn: '2020-09-30' }],
      }),
      400,
      'INVALID_FIGURE',
      'X：完成日期早于开始日期',
      'X: completed before it started',
    );
  });

  it('takes a completion date for a deadline metric: on time is green, late is red with the working days late', async () => {
    const onTime = (
      await submit({ metricId: id('T049-1'), departmentId: 6, period: '2020', completedOn: '2020-01-20' }).expect(201)
    ).body;
    expect(onTime.submission.figure).toEqual({ type: 'completion', completedOn: '2020-01-20' });
    expect(onTime.evaluation.department).toEqual({
      status: 'green',
      basis: 'met',
      value: null,
      target: null,
      reasonZh: '已于 2020-01-20 完成（1月31日前）',
      reasonEn: 'Done on 2020-01-20 (by 31 January)',
    });
    // 31 January 2020 fell in the extended Spring Festival holiday: 3, 4 and 5 February are the working days late.
    const late = (
      await submit({ metricId: id('T049-1'), departmentId: 7, period: '2020', completedOn: '2020-02-05' }).expect(201)
    ).body;
    expect(late.evaluation.department).toEqual({
      status: 'red',
      basis: 'done-late',
      value: 3,
      target: null,
      reasonZh: '于 2020-02-05 完成，晚于期限 2020-01-31 3 个工作日',
      reasonEn: 'Done on 2020-02-05, 3 working days after the 2020-01-31 deadline',
    });
    expect(late.evaluation.overall.status).toBe('red');
  });

  it('answers a request that names no metric, the wrong department, period or form with 4xx in both languages', async () => {
    const before = await countRows(t.app, 'submissions');
    expectError(
      await submit({
        metricId: id('T007-1'),
        departmentId: 1,
        period: '2020-06',
        value: 90,
        numerator: 9,
        denominator: 10,
      }),
      400,
      'INVALID_FIGURE',
      /^请只填写一种数据/,
      /^Give exactly one form of figure/,
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-06' }),
      400,
      'INVALID_FIGURE',
      /^请只填写一种数据/,
      /^Give exactly one form of figure/,
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-06', completedOn: '2020-06-30' }),
      400,
      'INVALID_FIGURE',
      '该指标应报送：数值或分子和分母',
      'This metric takes a figure or a numerator and denominator',
    );
    expectError(
      await submit({ metricId: 9999, departmentId: 1, period: '2020-06', value: 90 }),
      404,
      'NOT_FOUND',
      '找不到编号为 9999 的指标',
      'No metric with id 9999',
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 5, period: '2020-06', value: 90 }),
      400,
      'INVALID_INPUT',
      '单位 5 不是指标「区政务服务事项网上可办率」的牵头或责任单位',
      /^Department 5 is neither lead nor responsible for the metric/,
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-Q1', value: 90 }),
      400,
      'PERIOD_OUTSIDE_PLAN',
      '报送期 2020-Q1 不是该指标在 2020 年的报送期，应写作 2020-03 这样的形式',
      '2020-Q1 is not a reporting period of this metric in 2020; write it like 2020-03',
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2021-03', value: 90 }),
      400,
      'PERIOD_OUTSIDE_PLAN',
      /^报送期 2021-03 不是该指标在 2020 年的报送期/,
    );
    expectError(
      await submit({ metricId: id('T049-1'), departmentId: 6, period: '2020-01', completedOn: '2020-01-20' }),
      400,
      'PERIOD_OUTSIDE_PLAN',
      /应写作 2020 这样的形式$/,
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-13', value: 90 }),
      400,
      'INVALID_INPUT',
      '报送期应写作 2020-03、2020-Q1 或 2020',
      'period must be written 2020-03, 2020-Q1 or 2020',
    );
    expectError(
      await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-06', value: 90, approvedBy: 'me' }),
      400,
      'INVALID_INPUT',
      '不接受字段 approvedBy，请删除',
      'property approvedBy should not exist',
    );
    expectError(
      await submit({ metricId: 'T007-1', departmentId: 1, period: '2020-06', value: 90 }),
      400,
      'INVALID_INPUT',
      '指标编号 metricId 应为正整数',
      'metricId must be a positive whole number',
    );
    expect(await countRows(t.app, 'submissions')).toBe(before);
  });

  it('refuses figures for a period that has not begun', async () => {
    const clock = t.app.get(Clock);
    clock.setToday('2020-05-10');
    try {
      expectError(
        await submit({ metricId: id('T007-1'), departmentId: 1, period: '2020-06', value: 90 }),
        400,
        'INVALID_INPUT',
        '报送期 2020-06 尚未开始，不能提前报送',
        'The period 2020-06 has not begun; figures cannot be reported ahead of it',
      );
    } finally {
      clock.setToday(TODAY);
    }
  });

  it('keeps every revision: a second submission is revision 2, both rows stay, and the latest decides the status', async () => {
    const body = { metricId: id('T007-2'), departmentId: 1, period: '2020-12' };
    const first = (await submit({ ...body, numerator: 38, denominator: 40 }).expect(201)).body;
    expect(first.submission.revision).toBe(1);
    expect(first.evaluation.department).toMatchObject({ status: 'green', value: 95 });
    const second = (await submit({ ...body, numerator: 20, denominator: 40, reason: '分子误计，更正' }).expect(201))
      .body;
    expect(second.submission.revision).toBe(2);
    expect(second.evaluation.department).toMatchObject({ status: 'red', basis: 'missed', value: 50 });

    const p = (n: number) => (t.db.databaseUrl ? `$${n}` : '?');
    const rows = await t.app
      .get(DataSource)
      .query(
        `SELECT revision, numerator, denominator, origin FROM submissions WHERE metric_id = ${p(1)} AND department_id = ${p(2)} AND period_key = ${p(3)} ORDER BY revision`,
        [body.metricId, 1, '2020-12'],
      );
    expect(
      rows.map((r: Record<string, unknown>) => ({
        revision: Number(r.revision),
        numerator: Number(r.numerator),
        denominator: Number(r.denominator),
        origin: r.origin,
      })),
    ).toEqual([
      { revision: 1, numerator: 38, denominator: 40, origin: 'department' },
      { revision: 2, numerator: 20, denominator: 40, origin: 'department' },
    ]);
    const metric: MetricResponse = (await leader().get(`/api/metrics/${body.metricId}`).expect(200)).body;
    expect(metric.departments).toEqual([
      expect.objectContaining({ departmentId: 1, period: '2020-12', status: 'red', basis: 'missed', value: 50 }),
    ]);
    // The history keeps overdue → green → red for that period.
    const history = (
      await leader().get(`/api/metrics/${body.metricId}/evaluations?departmentId=1`).expect(200)
    ).body.filter((e: { period: string }) => e.period === '2020-12');
    expect(
      history.map((e: { basis: string; supersededAt: string | null }) => [e.basis, e.supersededAt === null]),
    ).toEqual([
      ['overdue', false],
      ['met', false],
      ['missed', true],
    ]);
  });

  it('persists the evaluation at once: the metric and the dashboard show it without waiting for a cycle', async () => {
    const before: DashboardSummaryResponse = (await leader().get('/api/dashboard/summary?planId=1').expect(200)).body;
    expect(before.period).toBe('2020-12');
    const res = await submit({ metricId: id('T007-3'), departmentId: 1, period: '2020-12', value: 120 }).expect(201);
    expect(res.body.evaluation.overall).toMatchObject({ status: 'green', basis: 'met', value: 120, target: 100 });

    const metric: MetricResponse = (
      await leader()
        .get(`/api/metrics/${id('T007-3')}`)
        .expect(200)
    ).body;
    expect(metric.current).toMatchObject({
      departmentId: null,
      period: '2020-12',
      status: 'green',
      basis: 'met',
      value: 120,
      supersededAt: null,
    });
    expect(metric.departments).toEqual([
      expect.objectContaining({ departmentId: 1, period: '2020-12', status: 'green', value: 120 }),
    ]);
    const after: DashboardSummaryResponse = (await leader().get('/api/dashboard/summary?planId=1').expect(200)).body;
    expect(after.counts).toEqual({ ...before.counts, red: before.counts.red - 1, green: before.counts.green + 1 });
  });

  it('keeps every acknowledged submission and evaluation across a restart on the same database', async () => {
    const submissions = await countRows(t.app, 'submissions');
    const cases = await countRows(t.app, 'submission_cases');
    const evaluations = await countRows(t.app, 'evaluations');
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(submissions).toBe(acknowledged.length);
    const metric = (
      await leader()
        .get(`/api/metrics/${id('T007-3')}`)
        .expect(200)
    ).body;
    await t.restart();
    expect([
      await countRows(t.app, 'submissions'),
      await countRows(t.app, 'submission_cases'),
      await countRows(t.app, 'evaluations'),
    ]).toEqual([submissions, cases, evaluations]);
    const stored: Array<{ id: number | string }> = await t.app
      .get(DataSource)
      .query('SELECT id FROM submissions ORDER BY id');
    expect(stored.map((r) => Number(r.id))).toEqual([...acknowledged].sort((a, b) => a - b));
    expect(
      (
        await leader()
          .get(`/api/metrics/${id('T007-3')}`)
          .expect(200)
      ).body,
    ).toEqual(metric);
    // The next revision continues the numbering.
    expect(
      (
        await submit({
          metricId: id('T007-2'),
          departmentId: 1,
          period: '2020-12',
          numerator: 40,
          denominator: 40,
          reason: '再次更正',
        }).expect(201)
      ).body.submission.revision,
    ).toBe(3);
  });
});

describe('who may submit', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: TODAY } });

  it('asks anonymous callers to sign in (401), refuses the wrong role (403) or token (401), writes nothing, and takes the department’s own figures (201)', async () => {
    const admin = await signInAdmin(t.app);
    const leader = await createUser(t.app, admin, 'leader-1', 'leader');
    const department = await createUser(t.app, admin, 'dept-1', 'department', 1);
    const metricId = (await metricsByCode(t.app, admin)).get('T007-1')!.id;
    const body = { metricId, departmentId: 1, period: '2020-12', numerator: 9, denominator: 10 };
    const denied = [
      '',
      `Bearer ${department}x`,
      `Bearer ${department.slice(0, -1)}`,
      department,
      `Basic ${department}`,
      'Bearer ',
    ];
    for (const auth of denied) {
      const req = as(t.app).post('/api/submissions');
      expectError(
        await (auth ? req.set('Authorization', auth) : req).send(body),
        401,
        'UNAUTHORIZED',
        ...SIGN_IN_FIRST,
      );
    }
    // The guard comes first: even a malformed body gets 401, not a hint about the fields.
    expectError(
      await as(t.app).post('/api/submissions').send({ nonsense: true }),
      401,
      'UNAUTHORIZED',
      ...SIGN_IN_FIRST,
    );
    expectError(
      await as(t.app).patch(`/api/metrics/${metricId}`).send({ target: 50 }),
      401,
      'UNAUTHORIZED',
      ...SIGN_IN_FIRST,
    );
    // Admins and leaders do not submit figures; departments do not change metrics.
    for (const token of [admin, leader])
      expectError(await as(t.app, token).post('/api/submissions').send(body), 403, 'FORBIDDEN', ...ROLE_REFUSED);
    expectError(
      await as(t.app, department).patch(`/api/metrics/${metricId}`).send({ target: 50 }),
      403,
      'FORBIDDEN',
      ...ROLE_REFUSED,
    );
    expect(await countRows(t.app, 'submissions')).toBe(0);
    const ok = await as(t.app, department).post('/api/submissions').send(body).expect(201);
    expect(ok.body.evaluation.department).toMatchObject({ status: 'green', basis: 'met', value: 90 });
    expect(ok.body.submission.submittedBy).toBe('dept-1');
    expect(await countRows(t.app, 'submissions')).toBe(1);
    // Reads need a sign-in too, of any role.
    expectError(await as(t.app).get(`/api/metrics/${metricId}`), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
    await as(t.app, department).get(`/api/metrics/${metricId}`).expect(200);
    // A wrong password signs no one in.
    await expect(signIn(t.app, 'dept-1', 'wrong-password')).rejects.toThrow(/answered 401/);
  });
});
