import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import type { NoticeResponse } from '../src/supervision/notices.service';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, expectError, signInDemo } from './support';
import { useTestApp } from './test-app';

/**
 * Notices (督办单) through HTTP on the demo plan (2020), today Monday 2021-02-01: the first start already
 * issued a notice for every department's metric whose latest period (2020-12, or 2020 for annual ones) is red.
 * Reply deadlines are 5 working days on: 02-02..02-05 and Sunday 02-07 (a make-up working day before the
 * Spring Festival holiday, 02-11..02-17).
 */

const TODAY = '2021-02-01';
const CRON = '0 0 1 1 *';
type Notice = NoticeResponse & { events: NonNullable<NoticeResponse['events']> };

describe('supervision notices', () => {
  const t = useTestApp({ env: { FIXED_TODAY: TODAY, EVALUATION_CRON: CRON } });
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  let metricId: Map<string, number>;
  const cycle = () => t.app.get(SupervisionService).runCycle();
  const list = async (token: string, query = ''): Promise<NoticeResponse[]> =>
    (await as(t.app, token).get(`/api/notices${query}`).expect(200)).body;
  const get = async (token: string, id: number): Promise<Notice> =>
    (await as(t.app, token).get(`/api/notices/${id}`).expect(200)).body;
  /** The notice of 区司法局 (sfj) for a metric, by code. */
  const sfjNotice = async (code: string): Promise<NoticeResponse> => {
    const found = (await list(tokens.sfj)).filter((n) => n.metric.code === code);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const bellTitles = async (token: string): Promise<string[]> =>
    (await as(t.app, token).get('/api/notifications').expect(200)).body.items.map(
      (n: { titleZh: string }) => n.titleZh,
    );
  const count = async (table: string): Promise<number> =>
    Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
    const metrics: Array<{ id: number; code: string }> = (
      await as(t.app, tokens.leader).get('/api/metrics?planId=1').expect(200)
    ).body;
    metricId = new Map(metrics.map((m) => [m.code, m.id]));
  });

  it('issues a notice automatically when a department’s latest evaluation is red, and shows it to that department only', async () => {
    const sfj = await list(tokens.sfj);
    expect(sfj.map((n) => [n.metric.code, n.department.name, n.period, n.level, n.state]).sort()).toEqual([
      ['T024-1', '区司法局', '2020-12', 'listed', 'issued'],
      ['T057-1', '区司法局', '2020-12', 'supervise', 'issued'],
      ['T061-1', '区司法局', '2020-12', 'supervise', 'issued'],
      ['T076-3', '区司法局', '2020-12', 'supervise', 'issued'],
      ['T087-1', '区司法局', '2020', 'supervise', 'issued'],
    ]);
    // The listed (挂牌) one first.
    expect(sfj[0].metric.code).toBe('T024-1');
    const t061 = await get(tokens.sfj, (await sfjNotice('T061-1')).id);
    expect(t061).toMatchObject({
      level: 'supervise',
      state: 'issued',
      issuedAutomatically: true,
      escalations: 0,
      replyDue: '2021-02-07',
      replyOverdue: false,
      reasonZh: '88.3%（53/60） 未达目标（≥ 100%），超出 5 个百分点预警带',
      expectedZh: '请于 2021-02-07 前答复整改措施和完成时限，使「行政执法人员持证上岗率」达到目标 ≥ 100%',
      replyMeasures: null,
      replyTargetDate: null,
      closedAt: null,
      closedReason: null,
    });
    expect(t061.events).toEqual([
      {
        at: expect.any(String),
        actor: null,
        action: 'issued',
        detail: '督办：88.3%（53/60） 未达目标（≥ 100%），超出 5 个百分点预警带',
      },
    ]);
    // Overdue figures are listed (挂牌督办) at once.
    expect(await sfjNotice('T024-1')).toMatchObject({
      level: 'listed',
      reasonZh: '逾期未报送：2020-12 的数据应于 2021-01-08 前报送',
    });
    // Bells: the department's own message, and the leaders'.
    expect(await bellTitles(tokens.sfj)).toContain('督办：行政执法人员持证上岗率 2020-12');
    expect(await bellTitles(tokens.leader)).toContain('已下发督办单：行政执法人员持证上岗率 2020-12');
    expect(await bellTitles(tokens.zfb)).not.toContain('督办：行政执法人员持证上岗率 2020-12');

    // 区政府办 neither sees it in its list nor opens it.
    const zfb = await list(tokens.zfb);
    expect(zfb.length).toBeGreaterThan(0);
    expect(zfb.every((n) => n.department.id === tokens.departmentOf.zfb)).toBe(true);
    expect(zfb.map((n) => n.id)).not.toContain(t061.id);
    expectError(await as(t.app, tokens.zfb).get(`/api/notices/${t061.id}`), 403, 'FORBIDDEN');
    // Leaders see every notice.
    expect((await list(tokens.leader)).length).toBe(await count('notices'));
  });

  it('runs the life cycle: acknowledge → reply → send back → reply → accept, each step by the right role and in the history', async () => {
    const id = (await sfjNotice('T057-1')).id;
    const sfj = as(t.app, tokens.sfj);
    const leader = as(t.app, tokens.leader);
    const reply = { measures: '3 月前组织两次案卷评查', targetDate: '2021-03-31' };

    expectError(
      await sfj.post(`/api/notices/${id}/reply`).send(reply),
      409,
      'CONFLICT',
      '督办单当前状态为「已下发」，不能答复',
      'The notice is issued; it cannot be answered now',
    );
    expectError(await leader.post(`/api/notices/${id}/acknowledge`), 403, 'FORBIDDEN');
    expectError(await as(t.app, tokens.zfb).post(`/api/notices/${id}/acknowledge`), 403, 'FORBIDDEN');
    expect((await sfj.post(`/api/notices/${id}/acknowledge`).expect(200)).body).toMatchObject({
      state: 'acknowledged',
    });
    expectError(await sfj.post(`/api/notices/${id}/acknowledge`), 409, 'CONFLICT');
    expectError(
      await sfj.post(`/api/notices/${id}/reply`).send({ measures: ' ', targetDate: '2021-03-31' }),
      400,
      'INVALID_INPUT',
    );
    expect((await sfj.post(`/api/notices/${id}/reply`).send(reply).expect(200)).body).toMatchObject({
      state: 'replied',
      replyMeasures: reply.measures,
      replyTargetDate: '2021-03-31',
    });
    expect(await bellTitles(tokens.leader)).toContain('督办单已答复：行政执法案卷评查(检查)及集中点评培训次数');

    expectError(await sfj.post(`/api/notices/${id}/accept`), 403, 'FORBIDDEN');
    expectError(await leader.post(`/api/notices/${id}/send-back`).send({}), 400, 'INVALID_INPUT');
    expect(
      (await leader.post(`/api/notices/${id}/send-back`).send({ comment: '措施不具体' }).expect(200)).body,
    ).toMatchObject({ state: 'acknowledged', replyDue: '2021-02-07' });
    expect(await bellTitles(tokens.sfj)).toContain('督办答复被退回：行政执法案卷评查(检查)及集中点评培训次数');
    expectError(await leader.post(`/api/notices/${id}/accept`), 409, 'CONFLICT');
    await sfj
      .post(`/api/notices/${id}/reply`)
      .send({ measures: '2 月、3 月各组织一次案卷评查', targetDate: '2021-03-31' })
      .expect(200);
    const closed = (await leader.post(`/api/notices/${id}/accept`).expect(200)).body;
    expect(closed).toMatchObject({
      state: 'closed',
      closedReason: 'accepted',
      closedAt: expect.any(String),
      replyMeasures: '2 月、3 月各组织一次案卷评查',
    });
    expectError(await leader.post(`/api/notices/${id}/send-back`).send({ comment: 'x' }), 409, 'CONFLICT');

    expect((await get(tokens.leader, id)).events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['issued', null, '督办：0 次 未达目标（≥ 1 次）'],
      ['acknowledge', 'sfj', null],
      ['reply', 'sfj', '3 月前组织两次案卷评查（完成时限 2021-03-31）'],
      ['send-back', 'leader', '措施不具体'],
      ['reply', 'sfj', '2 月、3 月各组织一次案卷评查（完成时限 2021-03-31）'],
      ['accept', 'leader', null],
    ]);
    // The loop leaves an accepted notice closed although its period is still red.
    await cycle();
    expect(await get(tokens.sfj, id)).toMatchObject({ state: 'closed', closedReason: 'accepted' });
    expect((await list(tokens.sfj, '?state=open')).map((n) => n.metric.code).sort()).toEqual([
      'T024-1',
      'T061-1',
      'T076-3',
      'T087-1',
    ]);
  });

  it('closes a notice when the department’s figures for that period turn green', async () => {
    const id = (await sfjNotice('T061-1')).id;
    const posted = await as(t.app, tokens.sfj)
      .post('/api/submissions')
      .send({
        metricId: metricId.get('T061-1'),
        departmentId: tokens.departmentOf.sfj,
        period: '2020-12',
        numerator: 60,
        denominator: 60,
        reason: '补录 7 名持证人员',
      });
    expect(posted.status).toBe(201);
    expect(posted.body.evaluation.department).toMatchObject({ status: 'green' });
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 1, escalated: 0 });
    const notice = await get(tokens.sfj, id);
    expect(notice).toMatchObject({ state: 'closed', closedReason: 'green', closedAt: expect.any(String) });
    expect(notice.events.map((e) => [e.action, e.actor])).toEqual([
      ['issued', null],
      ['closed-green', null],
    ]);
    expect(notice.events[1].detail).toBe(posted.body.evaluation.department.reasonZh);
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
  });

  it('escalates an unanswered notice one level once its reply deadline has passed, once, and tells the leaders', async () => {
    const t076 = await sfjNotice('T076-3');
    const t024 = await sfjNotice('T024-1');
    const t087 = await sfjNotice('T087-1');
    // An acknowledged notice is still unanswered; a replied one is not late.
    await as(t.app, tokens.sfj).post(`/api/notices/${t087.id}/acknowledge`).expect(200);
    const open = await list(tokens.leader, '?state=open');
    const late = open.filter((n) => n.state === 'issued' || n.state === 'acknowledged');
    t.app.get(Clock).setToday('2021-02-07');
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });

    t.app.get(Clock).setToday('2021-02-08');
    expect((await list(tokens.sfj)).find((n) => n.id === t076.id)).toMatchObject({ replyOverdue: true });
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: late.length });
    // 5 working days from Monday 02-08 across the Spring Festival: 02-09, 02-10, 02-18, 02-19, Saturday 02-20 (make-up day).
    const escalated = await get(tokens.sfj, t076.id);
    expect(escalated).toMatchObject({
      level: 'listed',
      escalations: 1,
      replyDue: '2021-02-20',
      replyOverdue: false,
      state: 'issued',
    });
    expect(escalated.events.map((e) => [e.action, e.actor, e.detail])).toEqual([
      ['issued', null, '督办：0 人 未达目标（≥ 1 人）'],
      ['escalated', null, '督办 → 挂牌督办（答复期限 2021-02-07 已过）'],
    ]);
    expect(await get(tokens.sfj, t087.id)).toMatchObject({ level: 'listed', escalations: 1, state: 'acknowledged' });
    // 挂牌督办 is the top: it stays there, counted as escalated.
    expect(await get(tokens.sfj, t024.id)).toMatchObject({ level: 'listed', escalations: 1, replyDue: '2021-02-20' });
    const leaders = (await as(t.app, tokens.leader).get('/api/notifications').expect(200)).body.items;
    expect(
      leaders
        .filter((n: { link: string }) => n.link === `/notices/${t076.id}`)
        .map((n: { titleZh: string }) => n.titleZh),
    ).toEqual([
      '督办单逾期未答复，已升级为挂牌督办：居委会、企事业单位人民调解委员会专职调解员人数',
      '已下发督办单：居委会、企事业单位人民调解委员会专职调解员人数 2020-12',
    ]);
    expect(await bellTitles(tokens.sfj)).toContain(
      '督办单已升级为挂牌督办：居委会、企事业单位人民调解委员会专职调解员人数',
    );

    // Not twice on the same day, nor before the new deadline.
    const events = await count('notice_events');
    for (const day of ['2021-02-08', '2021-02-20']) {
      t.app.get(Clock).setToday(day);
      expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    }
    expect(await count('notice_events')).toBe(events);
    expect(await get(tokens.sfj, t076.id)).toMatchObject({ escalations: 1, level: 'listed' });
  });

  it('lets a leader issue a notice by hand for any metric, department and period, once while it is open', async () => {
    const body = {
      metricId: metricId.get('T007-1'),
      departmentId: tokens.departmentOf.zwfwb,
      period: '2020-06',
      level: 'remind',
      note: '请说明 6 月网上可办率的统计口径',
    };
    expectError(await as(t.app, tokens.zwfwb).post('/api/notices').send(body), 403, 'FORBIDDEN');
    expectError(
      await as(t.app, tokens.leader)
        .post('/api/notices')
        .send({ ...body, departmentId: tokens.departmentOf.sfj }),
      400,
      'INVALID_INPUT',
    );
    const res = await as(t.app, tokens.leader).post('/api/notices').send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      metric: { code: 'T007-1' },
      department: { id: tokens.departmentOf.zwfwb, name: '区政务服务办' },
      period: '2020-06',
      level: 'remind',
      state: 'issued',
      issuedAutomatically: false,
      reasonZh: '请说明 6 月网上可办率的统计口径',
      replyDue: '2021-02-26',
      escalations: 0,
    });
    expect(res.body.events).toEqual([
      { at: expect.any(String), actor: 'leader', action: 'issued', detail: '提醒：请说明 6 月网上可办率的统计口径' },
    ]);
    expectError(
      await as(t.app, tokens.leader)
        .post('/api/notices')
        .send({ ...body, level: 'listed' }),
      409,
      'CONFLICT',
      '该指标、单位和报送期已有未办结的督办单',
      'An open notice already exists for this metric, department and period',
    );
    expect((await list(tokens.zwfwb)).map((n) => n.id)).toContain(res.body.id);
    // 2020-06 was green before the notice: the loop does not close it as "back to green".
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    expect(await get(tokens.zwfwb, res.body.id)).toMatchObject({ state: 'issued', closedReason: null });
  });

  it('after a restart on the same database issues no notice, reminder or message twice', async () => {
    expect((await t.app.get(EvaluationService).runCycle()).error).toBeNull();
    await cycle();
    const tables = ['notices', 'notice_events', 'reminders', 'notifications', 'deliveries'];
    const before = await Promise.all(tables.map(count));
    const today = t.app.get(Clock).today();
    await t.restart({ env: { FIXED_TODAY: today, EVALUATION_CRON: CRON } });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
