import type { MetricResponse, PlanTreeResponse } from '@taizhang/contracts';
import { DataSource } from 'typeorm';
import type { NoticeResponse } from '../src/supervision/notices.service';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, expectError, metricIds, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * Who reports a metric's figures, apart from who its task names: on the demo plan (2020), today 2021-02-01, the
 * district-wide air-quality rate T022-1 is 区生态环境局's to report, though 区审计局 and 区发展改革委 lead its indicator.
 */

const TODAY = '2021-02-01';
const CRON = '0 0 1 1 *';
const ONE = '报送单位 reportingDepartmentIds 应为单位编号（正整数）的列表';

describe('reporting departments of a metric', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, EVALUATION_CRON: CRON } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let metricId: Map<string, number>;
  let departmentId: Map<string, number>;
  const metric = async (code: string): Promise<MetricResponse> =>
    (
      await as(t.app, tokens.leader)
        .get(`/api/metrics/${metricId.get(code)}?period=2020-12`)
        .expect(200)
    ).body;
  const notices = async (code: string): Promise<NoticeResponse[]> =>
    (
      await as(t.app, tokens.leader)
        .get(`/api/notices?metricId=${metricId.get(code)}`)
        .expect(200)
    ).body;
  const patch = (code: string, body: unknown, token = tokens.admin) =>
    as(t.app, token)
      .patch(`/api/metrics/${metricId.get(code)}`)
      .send(body as object);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    metricId = await metricIds(t.app, tokens.leader);
    const departments: Array<{ id: number; name: string }> = (
      await as(t.app, tokens.admin).get('/api/departments').expect(200)
    ).body;
    departmentId = new Map(departments.map((d) => [d.name, d.id]));
  });

  it('has the air-quality rate reported by 区生态环境局 alone, as the seed decides: no figure, status or notice for 区审计局', async () => {
    const airQuality = await metric('T022-1');
    expect(airQuality.reportingDepartments).toEqual([
      { id: departmentId.get('区生态环境局'), code: 'ecology-environment-bureau', name: '区生态环境局' },
    ]);
    expect(airQuality.departments.map((d) => d.departmentId)).toEqual([departmentId.get('区生态环境局')]);
    // Its own figure, not a pool of three bureaus.
    expect(airQuality.current).toMatchObject({
      period: '2020-12',
      status: 'amber',
      reasonZh: '68.7%（68/99） 未达目标（≥ 71%），在 5 个百分点预警带内',
    });
    for (const code of ['T022-1', 'T022-2', 'T022-3'])
      expect((await notices(code)).map((n) => n.department.name).filter((name) => name !== '区生态环境局')).toEqual([]);
    // The task still names its three lead units.
    const tree: PlanTreeResponse = (await as(t.app, tokens.leader).get('/api/plans/1').expect(200)).body;
    const seventh = tree.indicators[0].children.find((c) => c.number === 7)!;
    expect(seventh.leadDepartments.map((d) => d.name).sort()).toEqual(
      ['区发展改革委', '区审计局', '区生态环境局'].sort(),
    );
    // Other metrics keep the departments their task names: T076-1 is reported by all eleven.
    expect((await metric('T076-1')).reportingDepartments).toHaveLength(11);
  });

  it('lets the admin name the reporters, refusing what is not a list of departments, in both languages; others may not', async () => {
    expectError(
      await patch('T022-1', { reportingDepartmentIds: [departmentId.get('区审计局')] }, tokens.leader),
      403,
      'FORBIDDEN',
    );
    expectError(
      await patch('T022-1', { reportingDepartmentIds: [] }),
      400,
      'INVALID_INPUT',
      /报送单位 reportingDepartmentIds 至少要有一个/,
      /needs at least one department/,
    );
    expectError(
      await patch('T022-1', { reportingDepartmentIds: null }),
      400,
      'INVALID_INPUT',
      new RegExp(ONE),
      /must be a list of department ids/,
    );
    expectError(await patch('T022-1', { reportingDepartmentIds: 'all' }), 400, 'INVALID_INPUT', new RegExp(ONE));
    expectError(await patch('T022-1', { reportingDepartmentIds: [1.5] }), 400, 'INVALID_INPUT', new RegExp(ONE));
    expectError(
      await patch('T022-1', { reportingDepartmentIds: [3, 3] }),
      400,
      'INVALID_INPUT',
      /有重复/,
      /names a department twice/,
    );
    expectError(
      await patch('T022-1', { reportingDepartmentIds: [9999] }),
      400,
      'INVALID_INPUT',
      '找不到编号为 9999 的单位，请从单位列表中选择报送单位',
      'No department with id 9999; choose the reporting departments from the list of departments',
    );
    const group = (
      (await as(t.app, tokens.admin).get('/api/departments').expect(200)).body as Array<{
        id: number;
        isGroup: boolean;
      }>
    ).find((d) => d.isGroup)!;
    expectError(
      await patch('T022-1', { reportingDepartmentIds: [group.id] }),
      400,
      'INVALID_INPUT',
      /是部门组，不能报送数据，请改选具体单位/,
      /is a group of departments, which cannot report figures/,
    );
    expect((await metric('T022-1')).reportingDepartments).toHaveLength(1);
  });

  it('adding 区审计局 makes it a reporter (overdue, so chased); removing it again withdraws its notice and its status, and both changes are audited', async () => {
    const ecology = departmentId.get('区生态环境局')!;
    const audit = departmentId.get('区审计局')!;
    const added = (await patch('T022-1', { reportingDepartmentIds: [ecology, audit] }).expect(200))
      .body as MetricResponse;
    expect(added.reportingDepartments!.map((d) => d.name)).toEqual(['区生态环境局', '区审计局']);
    const auditRow = (await metric('T022-1')).departments.find((d) => d.departmentId === audit);
    expect(auditRow).toMatchObject({ status: 'red', basis: 'overdue' });
    await t.app.get(SupervisionService).runCycle();
    const issued = (await notices('T022-1')).find((n) => n.department.id === audit)!;
    expect(issued).toMatchObject({ period: '2020-12', state: 'issued', level: 'listed' });

    await patch('T022-1', { reportingDepartmentIds: [ecology] }).expect(200);
    const after = await metric('T022-1');
    expect(after.departments.map((d) => d.departmentId)).toEqual([ecology]);
    expect(after.current).toMatchObject({ status: 'amber' });
    const withdrawn: NoticeResponse & { events: Array<{ action: string; detail: string | null }> } = (
      await as(t.app, tokens.leader).get(`/api/notices/${issued.id}`).expect(200)
    ).body;
    expect(withdrawn).toMatchObject({ state: 'closed', closedReason: 'withdrawn' });
    expect(withdrawn.events.at(-1)).toMatchObject({
      action: 'withdrawn',
      detail: '该单位不再报送此指标（报送单位已调整）',
    });
    // The supervision loop leaves it closed and issues nothing new to 区审计局.
    await t.app.get(SupervisionService).runCycle();
    expect((await notices('T022-1')).filter((n) => n.department.id === audit && n.state !== 'closed')).toEqual([]);

    const trail: Array<{ action: string; entityId: string; before: string; after: string }> = (
      await as(t.app, tokens.admin).get('/api/audit?limit=20').expect(200)
    ).body;
    const updates = trail
      .filter((r) => r.action === 'update metric' && Number(r.entityId) === metricId.get('T022-1'))
      .reverse();
    expect(updates.map((r) => [JSON.parse(r.before), JSON.parse(r.after)])).toEqual([
      [{ reportingDepartmentIds: [ecology] }, { reportingDepartmentIds: [ecology, audit] }],
      [{ reportingDepartmentIds: [ecology, audit].sort((a, b) => a - b) }, { reportingDepartmentIds: [ecology] }],
    ]);
  });

  it('a database from before reporting departments keeps who reported: every metric its indicator’s named departments', async () => {
    const data = t.app.get(DataSource);
    // Back to the schema before the migration, then forward again: it fills the table from the indicators.
    while (
      (
        await data.query("SELECT COUNT(*) AS n FROM migrations WHERE name = 'MetricReportingDepartments1765700000000'")
      )[0].n > 0
    )
      await data.undoLastMigration();
    await data.runMigrations();
    const rows: Array<{ metric: string; department: string }> = await data.query(
      'SELECT m.code AS metric, d.code AS department FROM metric_reporting_departments r JOIN metrics m ON m.id = r.metric_id JOIN departments d ON d.id = r.department_id',
    );
    const of = (code: string) =>
      rows
        .filter((r) => r.metric === code)
        .map((r) => r.department)
        .sort();
    expect(of('T022-1')).toEqual(['audit-bureau', 'development-reform-commission', 'ecology-environment-bureau']);
    expect(of('T007-1')).toEqual(['gov-services-office']);
    expect(of('T076-1')).toHaveLength(11);
    expect(of('T072-1')).toEqual(['cyberspace-office', 'gov-office', 'public-security-branch']);
  });
});
