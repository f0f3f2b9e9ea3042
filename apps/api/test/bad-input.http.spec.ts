import { PNG_1X1 } from './files';
import { as, expectError, signInDemo, writeCounts } from './support';
import { useTestApp } from './test-app';

// September 2020: October's figures and any date after the 20th are in the future.
const TODAY = '2020-09-20';
type Case = [
  label: string,
  body: Record<string, unknown>,
  status: number,
  code: string,
  zh: string | RegExp,
  en: string | RegExp,
];

/** Every bad input the issue names, through HTTP as 区司法局 (sfj) enters it: the status, a message in both languages naming the field, and nothing written. */
describe('bad input over HTTP', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, MAX_UPLOAD_MB: '1' } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let id: (code: string) => number;
  /** A period of the metric that has ended by TODAY. */
  let pastPeriod: (code: string) => string;
  let sfj: number;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    sfj = tokens.departmentOf.sfj;
    const metrics: Array<{ id: number; code: string; frequency: string }> = (
      await as(t.app, tokens.sfj).get('/api/metrics?planId=1').expect(200)
    ).body;
    id = (code) => metrics.find((m) => m.code === code)!.id;
    pastPeriod = (code) =>
      ({ monthly: '2020-08', quarterly: '2020-Q2', annual: '2020' })[metrics.find((m) => m.code === code)!.frequency]!;
    // The metrics used below, and the forms they take: T015-1 a monthly percent, T093-1 a count, T050-2 cases, T049-1 a deadline.
    expect(metrics.find((m) => m.code === 'T015-1')!.frequency).toBe('monthly');
  });

  const cases = (): Case[] => [
    [
      'a percent above 100',
      { metricId: id('T015-1'), period: '2020-08', value: 100.5 },
      400,
      'INVALID_FIGURE',
      '百分比不能超过 100',
      'A percentage cannot exceed 100',
    ],
    [
      'a negative percent',
      { metricId: id('T015-1'), period: '2020-08', value: -1 },
      400,
      'INVALID_FIGURE',
      '数值应为不小于 0 的数字',
      'The figure must be a number of 0 or more',
    ],
    [
      'a negative count',
      { metricId: id('T093-1'), period: pastPeriod('T093-1'), value: -3 },
      400,
      'INVALID_FIGURE',
      '数值应为不小于 0 的数字',
      'The figure must be a number of 0 or more',
    ],
    [
      'a negative numerator',
      { metricId: id('T015-1'), period: '2020-08', numerator: -1, denominator: 4 },
      400,
      'INVALID_FIGURE',
      '分子应为不小于 0 的整数',
      'The numerator must be a whole number of 0 or more',
    ],
    [
      'a fractional denominator',
      { metricId: id('T015-1'), period: '2020-08', numerator: 1, denominator: 2.5 },
      400,
      'INVALID_INPUT',
      '分母 denominator 应为整数',
      'denominator must be a whole number',
    ],
    [
      'a numerator above the denominator',
      { metricId: id('T015-1'), period: '2020-08', numerator: 5, denominator: 4 },
      400,
      'INVALID_FIGURE',
      '分子 5 不能大于分母 4',
      'The numerator 5 cannot exceed the denominator 4',
    ],
    [
      'a case completed before it started',
      {
        metricId: id('T050-2'),
        period: '2020-08',
        cases: [{ reference: 'SF-1', startDate: '2020-08-10', completedOn: '2020-08-03' }],
      },
      400,
      'INVALID_FIGURE',
      'SF-1：完成日期早于开始日期',
      'SF-1: completed before it started',
    ],
    [
      'an impossible case date',
      {
        metricId: id('T050-2'),
        period: '2020-08',
        cases: [{ reference: 'SF-2', startDate: '2020-02-30', completedOn: null }],
      },
      400,
      'INVALID_FIGURE',
      'SF-2：开始日期应为有效日期 YYYY-MM-DD',
      'SF-2: the start date must be a real date, YYYY-MM-DD',
    ],
    [
      'a completion date in the future',
      { metricId: id('T049-1'), period: '2020', completedOn: '2020-09-21' },
      400,
      'INVALID_FIGURE',
      '日期 2020-09-21 晚于今天（2020-09-20）',
      'The date 2020-09-21 is after today (2020-09-20)',
    ],
    [
      'a case date in the future',
      {
        metricId: id('T050-2'),
        period: '2020-09',
        cases: [{ reference: 'SF-3', startDate: '2020-09-25', completedOn: null }],
      },
      400,
      'INVALID_FIGURE',
      '日期 2020-09-25 晚于今天（2020-09-20）',
      'The date 2020-09-25 is after today (2020-09-20)',
    ],
    [
      'a period that has not begun',
      { metricId: id('T015-1'), period: '2020-10', value: 90 },
      400,
      'INVALID_INPUT',
      '报送期 2020-10 尚未开始，不能提前报送',
      'The period 2020-10 has not begun; figures cannot be reported ahead of it',
    ],
    [
      'a period outside the plan year',
      { metricId: id('T015-1'), period: '2019-12', value: 90 },
      400,
      'PERIOD_OUTSIDE_PLAN',
      '报送期 2019-12 不是该指标在 2020 年的报送期，应写作 2020-03 这样的形式',
      '2019-12 is not a reporting period of this metric in 2020; write it like 2020-03',
    ],
    [
      'a period that is no period',
      { metricId: id('T015-1'), period: '2020-8', value: 90 },
      400,
      'INVALID_INPUT',
      '报送期应写作 2020-03、2020-Q1 或 2020',
      'period must be written 2020-03, 2020-Q1 or 2020',
    ],
    [
      'a completion date for a rate',
      { metricId: id('T015-1'), period: '2020-08', completedOn: '2020-08-31' },
      400,
      'INVALID_FIGURE',
      '该指标应报送：数值或分子和分母',
      'This metric takes a figure or a numerator and denominator',
    ],
    [
      'a figure for a deadline metric',
      { metricId: id('T049-1'), period: '2020', value: 1 },
      400,
      'INVALID_FIGURE',
      /^该指标应报送：完成日期/,
      /^This metric takes a completion date/,
    ],
    [
      'two forms at once',
      { metricId: id('T015-1'), period: '2020-08', value: 90, numerator: 9, denominator: 10 },
      400,
      'INVALID_FIGURE',
      /^请只填写一种数据/,
      /^Give exactly one form of figure/,
    ],
    [
      'a value that is text',
      { metricId: id('T015-1'), period: '2020-08', value: '90%' },
      400,
      'INVALID_INPUT',
      'value 应为数字',
      'value must be a number',
    ],
    [
      'an unknown field',
      { metricId: id('T015-1'), period: '2020-08', value: 90, approvedBy: 'me' },
      400,
      'INVALID_INPUT',
      '不接受字段 approvedBy，请删除',
      'property approvedBy should not exist',
    ],
    [
      'an unknown field in a case',
      {
        metricId: id('T050-2'),
        period: '2020-08',
        cases: [{ reference: 'SF-4', startDate: '2020-08-03', completedOn: null, judge: 'x' }],
      },
      400,
      'INVALID_INPUT',
      /^不接受字段 cases\.0\.judge，请删除$/,
      /property judge should not exist$/,
    ],
    [
      'an unknown metric',
      { metricId: 999999, period: '2020-08', value: 90 },
      404,
      'NOT_FOUND',
      '找不到编号为 999999 的指标',
      'No metric with id 999999',
    ],
    [
      'a metric id that is not a number',
      { metricId: 'T015-1', period: '2020-08', value: 90 },
      400,
      'INVALID_INPUT',
      '指标编号 metricId 应为正整数',
      'metricId must be a positive whole number',
    ],
    [
      'a department id that is not a number',
      { metricId: id('T015-1'), departmentId: 0, period: '2020-08', value: 90 },
      400,
      'INVALID_INPUT',
      '单位编号 departmentId 应为正整数',
      'departmentId must be a positive whole number',
    ],
    [
      'an unknown department',
      { metricId: id('T015-1'), departmentId: 999999, period: '2020-08', value: 90 },
      403,
      'FORBIDDEN',
      '只能查看和报送本单位的数据',
      'You may only see and report your own department’s figures',
    ],
    [
      'an over-long note',
      { metricId: id('T015-1'), period: '2020-08', value: 90, note: '长'.repeat(2001) },
      400,
      'INVALID_INPUT',
      '备注不超过 2000 字',
      'note must be at most 2000 characters',
    ],
  ];

  it.each(Array.from({ length: 24 }, (_, i) => i))(
    'refuses bad input #%i with its status and a bilingual message, writing nothing',
    async (i) => {
      const all = cases();
      expect(all).toHaveLength(24);
      const [label, body, status, code, zh, en] = all[i];
      const before = await writeCounts(t.app);
      const res = await as(t.app, tokens.sfj)
        .post('/api/submissions')
        .send({ departmentId: sfj, ...body });
      try {
        expectError(res, status, code, zh, en);
      } catch (error) {
        throw new Error(`${label}: ${(error as Error).message}`);
      }
      expect(await writeCounts(t.app)).toEqual(before);
    },
  );

  it('accepts the same figures when they are sound (so each refusal above is down to its one fault)', async () => {
    const ok = [
      { metricId: id('T015-1'), period: '2020-08', value: 100 },
      {
        metricId: id('T050-2'),
        period: '2020-08',
        cases: [{ reference: 'SF-1', startDate: '2020-08-03', completedOn: '2020-08-10' }],
      },
      { metricId: id('T049-1'), period: '2020', completedOn: '2020-09-20' },
    ];
    for (const body of ok)
      await as(t.app, tokens.sfj)
        .post('/api/submissions')
        .send({ departmentId: sfj, reason: '核对', ...body })
        .expect(201);
  });

  it('refuses an unrecognised file (415), an oversized one (413) and a return without a comment (400), writing nothing', async () => {
    const submission = (
      await as(t.app, tokens.sfj)
        .get(`/api/submissions?metricId=${id('T015-1')}`)
        .expect(200)
    ).body[0].id;
    const before = await writeCounts(t.app);
    const upload = (file: Buffer, name: string) =>
      as(t.app, tokens.sfj).post(`/api/submissions/${submission}/evidence`).attach('file', file, name);
    expectError(
      await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'evidence.png'),
      415,
      'UNSUPPORTED_FILE',
      /^无法识别或不允许的文件类型/,
      /^Unrecognised or disallowed file type/,
    );
    expectError(
      await upload(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'.repeat(64), 'latin1'), 'tool.exe'),
      415,
      'UNSUPPORTED_FILE',
    );
    expectError(
      await upload(Buffer.concat([PNG_1X1, Buffer.alloc(1024 * 1024)]), 'huge.png'),
      413,
      'FILE_TOO_LARGE',
      '文件超过大小上限',
      'The file exceeds the size limit',
    );
    expectError(
      await as(t.app, tokens.leader).post(`/api/submissions/${submission}/return`).send({}),
      400,
      'INVALID_INPUT',
      '请填写退回意见',
      'a comment is required',
    );
    expectError(
      await as(t.app, tokens.leader)
        .post(`/api/submissions/${submission}/return`)
        .send({ comment: '请核实', extra: 1 }),
      400,
      'INVALID_INPUT',
      '不接受字段 extra，请删除',
      'property extra should not exist',
    );
    expectError(
      await as(t.app, tokens.leader).post('/api/submissions/abc/return').send({ comment: '请核实' }),
      400,
      'INVALID_INPUT',
      '报送编号应为正整数',
      'submission id must be a positive whole number',
    );
    expectError(
      await as(t.app, tokens.leader).post('/api/submissions/999999/return').send({ comment: '请核实' }),
      404,
      'NOT_FOUND',
      '找不到编号为 999999 的报送',
      'No submission with id 999999',
    );
    expect(await writeCounts(t.app)).toEqual(before);
  });
});
