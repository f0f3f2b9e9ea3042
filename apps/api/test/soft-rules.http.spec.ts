import { Clock } from '../src/clock/clock';
import { smallPdf } from './files';
import { as, countRows, createUser, expectError, metricIds, signInAdmin, writeCounts } from './support';
import { useTestApp } from './test-app';

// June 2020's figures were due on 2020-07-07 (the 5th working day after 30 June); July's are due in August.
const TODAY = '2020-07-20';
const NOTHING_PDF = Buffer.from('This is a text file with a .pdf name, not a PDF.\n');

describe('soft rules and flagged figures over HTTP', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: TODAY, SOFT_RULES: '1' } });
  let ids: Map<string, number>;
  let admin: string;
  let leader: string;
  const tokens = new Map<number, string>();
  const id = (code: string) => ids.get(code)!;
  const submit = (body: Record<string, unknown>) =>
    as(t.app, tokens.get(body.departmentId as number))
      .post('/api/submissions')
      .send(body);
  /** The same request as multipart: the figures as JSON in `submission`, the evidence in `file`. */
  const submitWithFile = (body: Record<string, unknown>, file: Buffer, name: string) =>
    as(t.app, tokens.get(body.departmentId as number))
      .post('/api/submissions')
      .field('submission', JSON.stringify(body))
      .attach('file', file, name);
  const flagged = (query: string, token = leader) => as(t.app, token).get(`/api/submissions/flagged?planId=1${query}`);
  let countDepartment: number;

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'leader-1', 'leader');
    ids = await metricIds(t.app, leader);
    countDepartment = (
      await as(t.app, leader)
        .get(`/api/metrics/${id('T083-1')}`)
        .expect(200)
    ).body.reportingDepartments[0].id;
    for (const departmentId of new Set([1, 5, 9, countDepartment]))
      tokens.set(departmentId, await createUser(t.app, admin, `dept-${departmentId}`, 'department', departmentId));
  });

  describe('(1) a figure after its due date', () => {
    /** 45 of 50 (90%, green) from 区政务服务办 for a month long past its due date. */
    const late = (period: string) => ({
      metricId: id('T007-1'),
      departmentId: 1,
      period,
      numerator: 45,
      denominator: 50,
    });

    it('is refused with 422 naming the rule, how late and what to explain, in both languages, and nothing is written', async () => {
      const before = await writeCounts(t.app);
      const res = await submit(late('2020-06'));
      expectError(
        res,
        422,
        'EXPLANATION_REQUIRED',
        /^该数据触发 1 条需说明的校验规则，请填写说明（explanation）后再提交：1\. 逾期报送/,
        /^This figure trips 1 soft rule; add an explanation/,
      );
      expect(res.body.fields).toEqual(['explanation']);
      expect(res.body.rules).toEqual([
        {
          rule: 'late',
          messageZh: '逾期报送：2020-06 的数据应于 2020-07-07 前报送，已晚 9 个工作日（13 天），请说明逾期原因',
          messageEn:
            'Late: the 2020-06 figures were due by 2020-07-07; this is 9 working days (13 days) late — explain why',
        },
      ]);
      expect(await writeCounts(t.app)).toEqual(before);
    });

    it('is accepted with an explanation, flagged, and keeps the explanation with the revision', async () => {
      const res = await submit({ ...late('2020-06'), explanation: '系统切换，6月数据延迟汇总' }).expect(201);
      expect(res.body.submission).toMatchObject({
        revision: 1,
        explanation: '系统切换，6月数据延迟汇总',
        flags: [{ rule: 'late' }],
      });
      // The status is judged as before: the flag asks leaders to look, it does not change the colour.
      expect(res.body.evaluation.department).toMatchObject({ status: 'green', basis: 'met', value: 90 });
      const revisions = (
        await as(t.app, leader)
          .get(`/api/submissions?metricId=${id('T007-1')}`)
          .expect(200)
      ).body;
      expect(revisions[0]).toMatchObject({
        period: '2020-06',
        explanation: '系统切换，6月数据延迟汇总',
        flags: [{ rule: 'late', messageZh: expect.stringContaining('已晚 9 个工作日') }],
        acceptance: null,
      });
    });

    it('does not take an explanation of only invisible characters', async () => {
      const res = await submit({ ...late('2020-05'), explanation: ' \u200b ' });
      expectError(res, 422, 'EXPLANATION_REQUIRED');
    });
  });

  describe("(2) a jump against the department's own history", () => {
    it('names the previous figure and the threshold, and takes the figure with an explanation', async () => {
      const body = { metricId: id('T007-1'), departmentId: 1, period: '2020-07', numerator: 30, denominator: 50 };
      const res = await submit(body);
      expectError(res, 422, 'EXPLANATION_REQUIRED');
      expect(res.body.rules).toEqual([
        {
          rule: 'jump',
          messageZh:
            '与本单位上期数据相比变动过大：2020-06 为 90%，本期 60%，相差 30 个百分点，超过 20 个百分点的阈值，请说明原因',
          messageEn:
            "A jump against this department's previous figure: 90% for 2020-06, 60% now, 30 points apart, beyond the 20-point threshold — explain why",
        },
      ]);
      const ok = await submit({ ...body, explanation: '7月新增事项尚未接入网上办理' }).expect(201);
      expect(ok.body.submission.flags.map((f: { rule: string }) => f.rule)).toEqual(['jump']);
    });
  });

  describe('(3) exactly 100% or exactly the target without evidence', () => {
    it('asks for evidence or a word for a rate of 100%, and takes it with evidence in the same request', async () => {
      const body = { metricId: id('T064-1'), departmentId: 5, period: '2020-07', value: 100 };
      const res = await submit(body);
      expectError(res, 422, 'EXPLANATION_REQUIRED');
      expect(res.body.rules).toEqual([
        {
          rule: 'perfect-without-evidence',
          messageZh: '比率恰为 100% 且未附佐证材料：请上传佐证材料，或说明数据来源',
          messageEn:
            'A rate of exactly 100% with no evidence attached: attach evidence, or explain where the figure comes from',
        },
      ]);
      const ok = await submitWithFile(body, smallPdf('satisfaction survey'), '满意度测评.pdf').expect(201);
      expect(ok.body.submission).toMatchObject({ revision: 1, flags: [], explanation: null });
      expect(ok.body.evidence).toEqual([
        expect.objectContaining({
          submissionId: ok.body.submission.id,
          filename: '满意度测评.pdf',
          mimeType: 'application/pdf',
        }),
      ]);
    });

    it('asks the same of a count exactly at its target', async () => {
      const res = await submit({ metricId: id('T083-1'), departmentId: countDepartment, period: '2020-07', value: 4 });
      expectError(res, 422, 'EXPLANATION_REQUIRED');
      expect(res.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['perfect-without-evidence']);
      expect(res.body.rules[0].messageZh).toBe('数值恰为目标值 4 次 且未附佐证材料：请上传佐证材料，或说明数据来源');
      await submit({
        metricId: id('T083-1'),
        departmentId: countDepartment,
        period: '2020-07',
        value: 4,
        explanation: '学习记录见党组会议纪要',
      }).expect(201);
    });
  });

  describe('(4) a denominator of 0 for a period that was overdue', () => {
    it('asks why nothing was applicable when the period was overdue, and stays grey once explained', async () => {
      const body = { metricId: id('T007-1'), departmentId: 1, period: '2020-04', numerator: 0, denominator: 0 };
      const res = await submit(body);
      expectError(
        res,
        422,
        'EXPLANATION_REQUIRED',
        /^该数据触发 2 条需说明的校验规则/,
        /^This figure trips 2 soft rules/,
      );
      expect(res.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['late', 'empty-when-overdue']);
      expect(res.body.rules[1].messageZh).toBe(
        '2020-04 已逾期（截止 2020-05-11），本次报送分母为 0（本期无适用事项），将使逾期的红色变为灰色：请说明本期为何没有适用事项',
      );
      const ok = await submit({ ...body, explanation: '4月无新增政务服务事项' }).expect(201);
      expect(ok.body.evaluation.department).toMatchObject({ status: 'grey', basis: 'not-applicable' });
    });

    it('asks nothing of 0/0 reported on time', async () => {
      const ok = await submit({
        metricId: id('T064-1'),
        departmentId: 9,
        period: '2020-07',
        numerator: 0,
        denominator: 0,
      }).expect(201);
      expect(ok.body.submission.flags).toEqual([]);
    });
  });

  it('still refuses what hard rules refuse, explanation or not', async () => {
    expectError(
      await submit({
        metricId: id('T007-1'),
        departmentId: 1,
        period: '2020-03',
        numerator: 51,
        denominator: 50,
        explanation: '说明',
      }),
      400,
      'INVALID_FIGURE',
      '分子 51 不能大于分母 50',
    );
  });

  describe('figure and evidence are one act', () => {
    it('refuses a file that is no PDF with 415 and saves nothing; the retry with a real PDF is revision 1 and asks no reason', async () => {
      const body = {
        metricId: id('T064-1'),
        departmentId: 9,
        period: '2020-06',
        value: 97,
        explanation: '6月数据因系统切换延迟',
      };
      const before = await writeCounts(t.app);
      expectError(
        await submitWithFile(body, NOTHING_PDF, '办理情况.pdf'),
        415,
        'UNSUPPORTED_FILE',
        /^无法识别或不允许的文件类型/,
      );
      expect(await writeCounts(t.app)).toEqual(before);
      const ok = await submitWithFile(body, smallPdf('june'), '办理情况.pdf').expect(201);
      expect(ok.body.submission).toMatchObject({ revision: 1, flags: [{ rule: 'late' }] });
      expect(await countRows(t.app, 'evidence_files', `WHERE submission_id = ${ok.body.submission.id}`)).toBe(1);
    });

    it('refuses a multipart request whose figures are not JSON, or with fields besides submission and file', async () => {
      const sfj = as(t.app, tokens.get(9));
      expectError(
        await sfj.post('/api/submissions').field('submission', '{not json').attach('file', smallPdf(), 'a.pdf'),
        400,
        'INVALID_INPUT',
        '字段 submission 不是有效的 JSON',
      );
      expectError(
        await sfj.post('/api/submissions').field('value', '97').attach('file', smallPdf(), 'a.pdf'),
        400,
        'INVALID_INPUT',
        /^不接受字段 value/,
      );
      expectError(
        await sfj
          .post('/api/submissions')
          .field(
            'submission',
            JSON.stringify({ metricId: id('T064-1'), departmentId: 9, period: '2020-05', value: 97, approvedBy: 'me' }),
          ),
        400,
        'INVALID_INPUT',
        '不接受字段 approvedBy，请删除',
      );
    });

    it('names the reason field when a correction lacks it', async () => {
      const res = await submit({ metricId: id('T064-1'), departmentId: 9, period: '2020-06', value: 96 });
      expectError(
        res,
        400,
        'INVALID_INPUT',
        '已报送过第 1 版，更正须填写更正理由 reason',
        'Revision 1 exists; a correction needs a reason',
      );
      expect(res.body.fields).toEqual(['reason']);
    });
  });

  describe("the leaders' list of flagged figures", () => {
    it('lists every flagged figure of the plan, awaiting a look first, with its explanation; a month narrows it', async () => {
      const all = (await flagged('').expect(200)).body;
      expect(
        all.items.map((i: { metricCode: string; period: string }) => `${i.metricCode} ${i.period}`).sort(),
      ).toEqual(['T007-1 2020-04', 'T007-1 2020-06', 'T007-1 2020-07', 'T064-1 2020-06', 'T083-1 2020-07']);
      const june = (await flagged('&period=2020-06').expect(200)).body;
      expect(june.period).toBe('2020-06');
      expect(june.items.find((i: { metricCode: string }) => i.metricCode === 'T007-1')).toMatchObject({
        metricName: '区政务服务事项网上可办率',
        departmentId: 1,
        period: '2020-06',
        revision: 1,
        figure: { type: 'ratio', numerator: 45, denominator: 50 },
        explanation: '系统切换，6月数据延迟汇总',
        flags: [{ rule: 'late' }],
        evidenceCount: 0,
        submittedBy: 'dept-1',
        state: 'pending',
        acceptance: null,
        returnComment: null,
      });
      expect(june.items.find((i: { metricCode: string }) => i.metricCode === 'T064-1')).toMatchObject({
        evidenceCount: 1,
        state: 'pending',
      });
    });

    it('is for leaders and admins only: a department is refused 403, anyone signed out 401', async () => {
      await flagged('', admin).expect(200);
      expectError(await flagged('', tokens.get(1)), 403, 'FORBIDDEN');
      expectError(await as(t.app).get('/api/submissions/flagged?planId=1'), 401, 'UNAUTHORIZED');
      expectError(
        await as(t.app, leader).get('/api/submissions/flagged'),
        400,
        'INVALID_INPUT',
        '计划编号 planId 应为正整数',
      );
      expectError(
        await as(t.app, leader).get('/api/submissions/flagged?planId=99'),
        404,
        'NOT_FOUND',
        '找不到编号为 99 的计划',
      );
      expectError(await flagged('&period=2020-13'), 400, 'INVALID_INPUT', '报送期应写作 2020-03、2020-Q1 或 2020');
    });

    it('lets a leader accept a flagged figure, recording who and when, audited, once', async () => {
      const item = (await flagged('&period=2020-04').expect(200)).body.items[0];
      const auditBefore = await countRows(t.app, 'audit_log', "WHERE action = 'accept flagged submission'");
      expectError(
        await as(t.app, admin).post(`/api/submissions/${item.submissionId}/accept`).send({}),
        403,
        'FORBIDDEN',
      );
      expectError(
        await as(t.app, tokens.get(1)).post(`/api/submissions/${item.submissionId}/accept`).send({}),
        403,
        'FORBIDDEN',
      );
      await as(t.app, leader)
        .post(`/api/submissions/${item.submissionId}/accept`)
        .send({ comment: '已核实' })
        .expect(201);
      const after = (await flagged('&period=2020-04').expect(200)).body.items[0];
      expect(after).toMatchObject({
        state: 'accepted',
        acceptance: { by: 'leader-1', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), comment: '已核实' },
      });
      expect(await countRows(t.app, 'audit_log', "WHERE action = 'accept flagged submission'")).toBe(auditBefore + 1);
      expectError(
        await as(t.app, leader).post(`/api/submissions/${item.submissionId}/accept`).send({}),
        409,
        'CONFLICT',
        '该版本已被接受',
      );
      const unflagged = (
        await submit({ metricId: id('T064-1'), departmentId: 5, period: '2020-07', value: 98, reason: '更正' }).expect(
          201,
        )
      ).body.submission.id;
      expectError(
        await as(t.app, leader).post(`/api/submissions/${unflagged}/accept`).send({}),
        409,
        'CONFLICT',
        '该版本未触发需说明的校验规则，无需接受',
      );
      expectError(await as(t.app, leader).post('/api/submissions/99999/accept').send({}), 404, 'NOT_FOUND');
    });

    it('lets a leader return one instead; the correction after a late return is asked for its explanation again, and the old one shows as superseded', async () => {
      const item = (await flagged('&period=2020-07').expect(200)).body.items.find(
        (i: { metricCode: string }) => i.metricCode === 'T007-1',
      );
      await as(t.app, leader)
        .post(`/api/submissions/${item.submissionId}/return`)
        .send({ comment: '请核实分母' })
        .expect(201);
      expect(
        (await flagged('&period=2020-07').expect(200)).body.items.find(
          (i: { submissionId: number }) => i.submissionId === item.submissionId,
        ),
      ).toMatchObject({ state: 'returned', returnComment: '请核实分母' });
      expectError(
        await as(t.app, leader).post(`/api/submissions/${item.submissionId}/accept`).send({}),
        409,
        'CONFLICT',
        '该版本已被退回，等待更正',
      );
      // After July's due date the returned period is overdue again: the correction is late.
      t.app.get(Clock).setToday('2020-08-20');
      try {
        const body = {
          metricId: id('T007-1'),
          departmentId: 1,
          period: '2020-07',
          numerator: 44,
          denominator: 50,
          reason: '分母按台账核对',
        };
        const res = await submit(body);
        expectError(res, 422, 'EXPLANATION_REQUIRED');
        expect(res.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['late']);
        await submit({ ...body, explanation: '退回后重新核对，8月补报' }).expect(201);
      } finally {
        t.app.get(Clock).setToday(TODAY);
      }
      const items = (await flagged('&period=2020-07').expect(200)).body.items.filter(
        (i: { metricCode: string }) => i.metricCode === 'T007-1',
      );
      expect(items.map((i: { revision: number; state: string }) => [i.revision, i.state])).toEqual([
        [2, 'pending'],
        [1, 'superseded'],
      ]);
    });
  });
});
