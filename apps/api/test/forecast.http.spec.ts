import type { DashboardSummaryResponse, MetricResponse } from '@taizhang/contracts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { as, binary, createUser, metricsByCode, signInDemo } from './support';
import { useTestApp } from './test-app';

// Every 2020 period has ended; the pages below are asked for as 2020-06 showed them.
const TODAY = '2021-02-01';
const AIR_QUALITY = 'T022-1'; // 全区优良天数比例 ≥ 71%, reported monthly as a year-to-date rate
const CASE_REVIEWS = 'T057-1'; // 行政执法案卷评查及集中点评培训次数 ≥ 1 a year, reported monthly as a running count

/** GET /api/metrics/:id includes where the year will end; the dashboard lists a green metric forecast to miss it; the report prints it. */
describe('where the year will end (forecast)', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let metrics: Map<string, MetricResponse>;
  const reporters = new Map<number, string>();
  const leader = () => as(t.app, tokens.leader);
  const metricAt = async (code: string, period: string): Promise<MetricResponse> =>
    (
      await leader()
        .get(`/api/metrics/${metrics.get(code)!.id}?period=${period}`)
        .expect(200)
    ).body;

  /** Every department that reports the metric sends the same figure for the period (a user per department). */
  async function reportAll(
    code: string,
    period: string,
    figure: { value: number } | { numerator: number; denominator: number },
  ): Promise<void> {
    const metric = metrics.get(code)!;
    for (const departmentId of metric.departments.map((d) => d.departmentId!)) {
      if (!reporters.has(departmentId))
        reporters.set(
          departmentId,
          await createUser(t.app, tokens.admin, `forecast-${departmentId}`, 'department', departmentId),
        );
      await as(t.app, reporters.get(departmentId))
        .post('/api/submissions')
        .send({ metricId: metric.id, departmentId, period, ...figure, reason: '按核定口径重报' })
        .expect(201);
    }
  }

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    metrics = await metricsByCode(t.app, tokens.leader);
    // Air quality year to date: 72% by April, 69% by May, 71.5% by June — green in June, but the last three average 70.8%.
    await reportAll(AIR_QUALITY, '2020-04', { numerator: 72, denominator: 100 });
    await reportAll(AIR_QUALITY, '2020-05', { numerator: 69, denominator: 100 });
    await reportAll(AIR_QUALITY, '2020-06', { numerator: 143, denominator: 200 });
  });

  it('projects a rate that is green this month to miss the year, by the mean of its last three months, with the rate still needed', async () => {
    const m = await metricAt(AIR_QUALITY, '2020-06');
    expect([m.current!.period, m.current!.status, m.current!.value]).toEqual(['2020-06', 'green', 71.5]);
    expect(m.forecast).toMatchObject({
      method: 'recent-mean',
      asOf: '2020-06',
      endPeriod: '2020-12',
      target: 71,
      status: 'amber',
    });
    expect(m.forecast!.projected).toBeCloseTo((72 + 69 + 71.5) / 3, 9);
    // (12 × 71 − 6 × 71.5) ÷ 6: the rate the second half needs, with as many days a month as the first.
    expect(m.forecast!.requiredPace).toBeCloseTo(70.5, 9);
    expect(m.forecast!.reasonZh).toBe(
      '按近 3 期平均推算（2020-04 至 2020-06），年末预计 70.8%，未达目标（≥ 71%）；余下 6 个月需不低于 70.5%（按各月事项数与此前相当计）',
    );
    expect(m.forecast!.reasonEn).toBe(
      'Mean of the last 3 periods (2020-04 to 2020-06): 70.8% projected at year-end, missing the target (≥ 71%); the remaining 6 months need at least 70.5% (with as many cases a month as so far)',
    );
    expect(m.forecast!.methodZh).toContain('近三期平均');
    expect(m.forecast!.path.map((p) => p.period)).toEqual([
      '2020-06',
      '2020-07',
      '2020-08',
      '2020-09',
      '2020-10',
      '2020-11',
      '2020-12',
    ]);
    expect(m.forecast!.path[0].value).toBeCloseTo(71.5, 9);
    expect(m.forecast!.path.at(-1)!.value).toBeCloseTo(m.forecast!.projected!, 9);
  });

  it('puts it on the dashboard’s attention list after everything red or amber, with the forecast’s reason', async () => {
    const summary: DashboardSummaryResponse = (
      await leader().get('/api/dashboard/summary?planId=1&period=2020-06').expect(200)
    ).body;
    const item = summary.attention.find((a) => a.code === AIR_QUALITY);
    expect(item).toMatchObject({
      status: 'green',
      forecast: { status: 'amber', reasonZh: expect.stringContaining('年末预计 70.8%，未达目标（≥ 71%）') },
    });
    const statuses = summary.attention.map((a) => a.status);
    expect(statuses.slice(statuses.indexOf('green')).every((s) => s === 'green')).toBe(true);
    expect(statuses.filter((s) => s !== 'green').length).toBe(summary.counts.red + summary.counts.amber);
    for (const a of summary.attention.filter((x) => x.status === 'green'))
      expect(['amber', 'red']).toContain(a.forecast?.status);
  });

  it('prints the forecast in the monthly report: a sheet and a section, worst forecast first, and the reason on the attention list', async () => {
    const { body } = await leader().post('/api/reports').send({ planId: 1, month: '2020-06' }).expect(201);
    const download = async (format: string) =>
      (
        await leader()
          .get(`/api/reports/${body.id}/file?format=${format}&lang=zh`)
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('年末预测')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '编号',
      '指标',
      '本月状态',
      '年末预测',
      '预计年末值',
      '目标',
      '原因',
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual([
      AIR_QUALITY,
      '全区优良天数比例',
      '达标',
      '预计未达标',
      70.8,
      '≥ 71%',
      expect.stringContaining('年末预计 70.8%，未达目标'),
    ]);
    const order = ['已无法达标', '预计未达标', '预计达标'];
    const ranks = rows.map((r) => order.indexOf(r[3] as string));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const attention: unknown[][] = [];
    book.getWorksheet('需关注')!.eachRow((row) => attention.push((row.values as unknown[]).slice(1)));
    expect(attention.find((r) => r[0] === AIR_QUALITY)![3]).toMatch(/；年末预测：按近 3 期平均推算.*年末预计 70\.8%/);

    const dir = mkdtempSync(path.join(tmpdir(), 'tz-forecast-'));
    writeFileSync(path.join(dir, 'r.pdf'), await download('pdf'));
    const text = execFileSync('pdftotext', [path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('年末预测：按目前进度推算全年');
    expect(text).toMatch(/T022-1全区优良天数比例达标预计未达标70\.8按近3期平均推算/);
  });

  it('says why the rate still needed cannot be worked out when a figure came without its denominator', async () => {
    await reportAll(AIR_QUALITY, '2020-06', { value: 71.5 });
    const m = await metricAt(AIR_QUALITY, '2020-06');
    expect(m.forecast).toMatchObject({ status: 'amber', requiredPace: null });
    expect(m.forecast!.reasonZh).toContain('未全部按分子分母报送，无法推算余下各月所需比率');
    expect(m.forecast!.reasonEn).toContain('not every figure came as a numerator and denominator');
  });

  it('projects a yearly count at its linear pace, with the count a month still needed, and red once the year is over', async () => {
    await reportAll(CASE_REVIEWS, '2020-06', { value: 0 });
    const june = await metricAt(CASE_REVIEWS, '2020-06');
    expect(june.forecast).toMatchObject({ method: 'linear-pace', asOf: '2020-06', projected: 0, status: 'amber' });
    expect(june.forecast!.requiredPace).toBeCloseTo(1 / 6, 9);
    expect(june.forecast!.reasonZh).toBe(
      '按线性进度推算（截至 2020-06 累计 0 次 × 12 ÷ 6），年末预计 0 次，未达目标（≥ 1 次）；余下 6 个月还需至少 1 次（平均每月 0.2 次）',
    );
    await reportAll(CASE_REVIEWS, '2020-12', { value: 0 });
    const december = await metricAt(CASE_REVIEWS, '2020-12');
    expect(december.forecast).toMatchObject({ asOf: '2020-12', projected: 0, requiredPace: null, status: 'red' });
    expect(december.forecast!.reasonZh).toContain('全年已结束，无法再达到');
  });

  it('has too little data before the first quarter is in, and no forecast for a deadline or a case metric', async () => {
    const february = await metricAt(AIR_QUALITY, '2020-02');
    expect(february.forecast).toMatchObject({ status: null, projected: null, requiredPace: null, path: [] });
    expect(february.forecast!.reasonZh).toContain('数据不足');
    for (const kind of ['deadline', 'case'] as const) {
      const other = [...metrics.values()].find((m) => m.kind === kind)!;
      expect((await leader().get(`/api/metrics/${other.id}`).expect(200)).body.forecast).toBeNull();
    }
  });
});
