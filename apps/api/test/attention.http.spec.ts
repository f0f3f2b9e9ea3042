import type { AttentionItem, DashboardSummaryResponse, MetricResponse } from '@taizhang/contracts';
import ExcelJS from 'exceljs';
import type { NoticeResponse } from '../src/supervision/notices.service';
import { as, binary, metricIds, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * What the statuses and lists say, on the demo plan (2020) with today Monday 2021-02-01: every 2020 period is past
 * its due date, and the first start issued a notice for every department whose latest period is red.
 */

const TODAY = '2021-02-01';
const CRON = '0 0 1 1 *';

describe('what the statuses and lists say', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, EVALUATION_CRON: CRON } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let metricId: Map<string, number>;
  const summary = async (): Promise<DashboardSummaryResponse> =>
    (await as(t.app, tokens.leader).get('/api/dashboard/summary?planId=1&period=2020-12').expect(200)).body;
  const attentionOf = async (code: string): Promise<AttentionItem | undefined> =>
    (await summary()).attention.find((a) => a.code === code);
  const metric = async (code: string): Promise<MetricResponse> =>
    (
      await as(t.app, tokens.leader)
        .get(`/api/metrics/${metricId.get(code)}?period=2020-12`)
        .expect(200)
    ).body;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    metricId = await metricIds(t.app, tokens.leader);
  });

  describe('需关注 (the attention list)', () => {
    it('names every failing department of a metric with its own figure, status and notice: T076-1 has 区生态环境局 and 区民政局 red', async () => {
      const item = (await attentionOf('T076-1'))!;
      expect(item).toMatchObject({ status: 'red' });
      // The overall reason still names the worst one only; the list below it names both.
      expect(item.failingDepartments.map((d) => [d.name, d.status, d.value, d.reasonZh])).toEqual([
        ['区生态环境局', 'red', 2, '2 人 未达目标（≥ 3 人）'],
        ['区民政局', 'red', 2, '2 人 未达目标（≥ 3 人）'],
      ]);
      const notices: NoticeResponse[] = (
        await as(t.app, tokens.leader)
          .get(`/api/notices?metricId=${metricId.get('T076-1')}`)
          .expect(200)
      ).body;
      for (const d of item.failingDepartments) {
        const own = notices.find((n) => n.department.id === d.id && n.period === '2020-12')!;
        expect(own).toBeDefined();
        expect(d.notice).toEqual({ id: own.id, level: own.level, state: own.state, replyDue: own.replyDue });
      }
    });

    it('lists the failing unit of a pooled metric, not its lead units: T026-1 is 区政府办’s, though 区司法局 leads it too', async () => {
      const item = (await attentionOf('T026-1'))!;
      expect(item.reasonZh).toMatch(/^2 个单位合计/);
      expect(item.leadDepartments.map((d) => d.name).sort()).toEqual(['区司法局', '区政府办'].sort());
      expect(item.failingDepartments.map((d) => [d.name, d.status])).toEqual([['区政府办', 'red']]);
      expect(item.failingDepartments[0].notice).toMatchObject({ level: 'listed', state: 'issued' });
      // Red first, then amber: T061-1 pools 区司法局 (red) and 区财政局 (amber).
      expect((await attentionOf('T061-1'))!.failingDepartments.map((d) => [d.name, d.status])).toEqual([
        ['区司法局', 'red'],
        ['区财政局', 'amber'],
      ]);
    });
  });

  describe('the December report', () => {
    it('counts the notices on December’s figures (issued in February), and names the failing units, in the Excel file', async () => {
      const notices: NoticeResponse[] = (await as(t.app, tokens.leader).get('/api/notices').expect(200)).body;
      // December’s figures: the months’ 2020-12, the year’s 2020 (annual metrics end in December too).
      const onDecember = notices.filter((n) => ['2020-12', '2020-Q4', '2020'].includes(n.period));
      expect(onDecember.length).toBeGreaterThanOrEqual(20);
      const { id } = (
        await as(t.app, tokens.leader).post('/api/reports').send({ planId: 1, month: '2020-12' }).expect(201)
      ).body;
      /** The report's workbook in `lang`. */
      const workbook = async (lang: 'zh' | 'en') => {
        const file = (
          await as(t.app, tokens.leader)
            .get(`/api/reports/${id}/file?format=xlsx&lang=${lang}`)
            .buffer(true)
            .parse(binary)
            .expect(200)
        ).body as Buffer;
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(file as unknown as ArrayBuffer);
        return book;
      };
      /** One column of a sheet by another: the value in column `value` of each row, by the text in column `key`. */
      const column = (book: ExcelJS.Workbook, sheet: string, key: number, value: number) => {
        const byKey = new Map<string, unknown>();
        book.getWorksheet(sheet)!.eachRow((row) => byKey.set(String(row.getCell(key).value), row.getCell(value).value));
        return byKey;
      };
      const book = await workbook('zh');
      const facts = column(book, '概况', 1, 2);
      expect(facts.get('督办情况')).toBe(
        `针对本月数据下发督办单 ${onDecember.length} 件，按期答复 0 件，升级 0 件，办结 0 件。`,
      );
      // An indicator with no metric beneath it has nothing to measure: 无量化指标, not 无数据.
      const indicatorStatus = column(book, '指标', 3, 4);
      expect(indicatorStatus.get('优化政府组织结构')).toBe('无量化指标');
      expect(indicatorStatus.get('强化节能和生态环境保护')).toBe('未达标');
      const departmentsOf = column(book, '需关注', 1, 6);
      expect(departmentsOf.get('T026-1')).toBe('区政府办');
      expect(departmentsOf.get('T076-1')).toBe('区生态环境局、区民政局');
      const en = await workbook('en');
      const enFacts = column(en, 'Summary', 1, 2);
      const enIndicators = column(en, 'Indicators', 3, 4);
      expect(enIndicators.get('优化政府组织结构')).toBe('No metrics');
      expect(enFacts.get('Supervision notices')).toBe(
        `On this month's figures: ${onDecember.length} notices issued, 0 answered on time, 0 escalated, 0 closed.`,
      );
    });
  });

  describe('a returned figure', () => {
    it('is not green: after a leader returns a bare “100%”, the department and the metric are red (its due date has passed), at once', async () => {
      // T021-3: 区司法局 amber, 区财政局 and 区政府办 green, pooled amber.
      const id = metricId.get('T021-3')!;
      const sfj = tokens.departmentOf.sfj;
      const posted = await as(t.app, tokens.sfj)
        .post('/api/submissions')
        .send({ metricId: id, departmentId: sfj, period: '2020-12', value: 100, reason: '已全部覆盖' });
      expect(posted.status).toBe(201);
      expect(posted.body.evaluation.department).toMatchObject({ status: 'green' });
      expect(posted.body.evaluation.overall).toMatchObject({ status: 'green' });
      expect(await attentionOf('T021-3')).toBeUndefined();

      await as(t.app, tokens.leader)
        .post(`/api/submissions/${posted.body.submission.id}/return`)
        .send({ comment: '只有百分比，请附分子分母' })
        .expect(201);
      const after = await metric('T021-3');
      expect(after.departments.find((d) => d.departmentId === sfj)).toMatchObject({
        status: 'red',
        basis: 'returned',
        value: null,
        reasonZh: '退回后逾期未更正：2020-12 的数据已被退回，更正后的数据应于 2021-01-08 前报送',
        reasonEn:
          'Returned and not corrected: the 2020-12 figures were sent back and corrected figures were due by 2021-01-08',
      });
      expect(after.current).toMatchObject({
        period: '2020-12',
        status: 'red',
        basis: 'returned',
        reasonZh: '区司法局的 2020-12 数据被退回后逾期未更正',
      });
      const item = (await attentionOf('T021-3'))!;
      expect(item).toMatchObject({ status: 'red' });
      expect(item.failingDepartments.map((d) => [d.name, d.status])).toEqual([['区司法局', 'red']]);

      // A corrected figure is judged again as any figure is.
      const corrected = await as(t.app, tokens.sfj).post('/api/submissions').send({
        metricId: id,
        departmentId: sfj,
        period: '2020-12',
        numerator: 40,
        denominator: 40,
        reason: '按退回意见补充分子分母',
      });
      expect(corrected.body.evaluation.department).toMatchObject({ status: 'green', basis: 'met' });
      expect(corrected.body.evaluation.overall).toMatchObject({ status: 'green' });
    });
  });
});
