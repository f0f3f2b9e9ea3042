import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { EvaluationService } from '../src/evaluation/evaluation.service';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, createUser, expectError, metricsByCode, signInAdmin } from './support';
import { type TestApp, useTestApp } from './test-app';

/**
 * Reminders of the supervision loop (督办) on a real database, without demo data (no figures at all).
 * The 2020-09 figures are due on Wednesday 2020-10-14, the 5th working day after 09-30: the National Day
 * holiday runs 10-01..10-08 and Saturday 10-10 is a make-up working day. With the default lead of
 * 3 working days, 10-09 is one day too early (10-10, 10-12, 10-13, 10-14 left), 10-10 is the first day.
 */

// Once a year: the tests drive every cycle themselves.
export const NEVER_DURING_TESTS = '0 0 1 1 *';
// 区政务服务办 reports these five monthly metrics alone (T015-1 with others).
const ZWFWB = 1;
const ZWFWB_MONTHLY = ['T004-1', 'T007-1', 'T007-2', 'T007-3', 'T015-1'];
const SUBMITTED = 'T007-2';

type ReminderRow = { code: string; period_key: string; stage: string; due_date: string };

describe('supervision reminders', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2020-10-09', EVALUATION_CRON: NEVER_DURING_TESTS } });
  let admin: string;
  let zwfwb: string;
  let other: string;
  let names: Map<string, string>;
  let namesEn: Map<string, string>;
  const cycle = () => t.app.get(SupervisionService).runCycle();
  const setToday = (d: string) => t.app.get(Clock).setToday(d);
  const reminders = async (where: string): Promise<ReminderRow[]> =>
    t.app
      .get(DataSource)
      .query(
        `SELECT m.code, r.period_key, r.stage, r.due_date FROM reminders r JOIN metrics m ON m.id = r.metric_id WHERE ${where} ORDER BY m.code, r.period_key, r.stage`,
      );
  const count = async (table: string): Promise<number> =>
    Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const september = (codes: string[], stage: string): ReminderRow[] =>
    codes.map((code) => ({ code, period_key: '2020-09', stage, due_date: '2020-10-14' }));
  const bell = async (token: string) =>
    (await as(t.app, token).get('/api/notifications').expect(200)).body as {
      unread: number;
      items: Array<{ id: number; titleZh: string; titleEn: string; link: string; read: boolean }>;
    };

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    zwfwb = await createUser(t.app, admin, 'zwfwb-user', 'department', ZWFWB);
    other = await createUser(t.app, admin, 'zfb-user', 'department', 5);
    const metrics = [...(await metricsByCode(t.app, admin)).values()];
    names = new Map(metrics.map((m) => [m.code, m.name]));
    namesEn = new Map(metrics.map((m) => [m.code, m.nameEn]));
  });

  it('on 10-09 (4 working days left) sends no due-soon reminder; earlier months were reminded as overdue once, at start-up', async () => {
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    expect(await reminders("r.stage = 'due-soon'")).toEqual([]);
    expect(await reminders(`r.department_id = ${ZWFWB} AND m.code = 'T007-1'`)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08'].map((mm) => ({
        code: 'T007-1',
        period_key: `2020-${mm}`,
        stage: 'overdue',
        due_date: expect.stringMatching(/^2020-(0[2-9])-\d\d$/),
      })),
    );
    // August: 08-31 + 5 working days.
    expect(
      (await reminders(`r.department_id = ${ZWFWB} AND m.code = 'T007-1' AND r.period_key = '2020-08'`))[0].due_date,
    ).toBe('2020-09-07');
    // The department reports one of its figures in time.
    const posted = await as(t.app, zwfwb)
      .post('/api/submissions')
      .send({
        metricId: (await metricsByCode(t.app, admin)).get(SUBMITTED)!.id,
        departmentId: ZWFWB,
        period: '2020-09',
        value: 100,
      });
    expect(posted.status).toBe(201);
  });

  it('on Saturday 10-10 (make-up working day, 3 left) reminds once per missing figure, with a bell message', async () => {
    setToday('2020-10-10');
    const run = await cycle();
    const expected = september(
      ZWFWB_MONTHLY.filter((c) => c !== SUBMITTED),
      'due-soon',
    );
    expect(await reminders(`r.department_id = ${ZWFWB} AND r.period_key = '2020-09'`)).toEqual(expected);
    expect(run).toEqual({
      reminders: await count("reminders WHERE stage = 'due-soon'"),
      issued: 0,
      closed: 0,
      escalated: 0,
    });
    expect(run.reminders).toBeGreaterThan(expected.length);

    const b = await bell(zwfwb);
    const dueSoon = b.items.filter((n) => n.titleZh.startsWith('即将到期'));
    expect(dueSoon.map((n) => n.titleZh).sort()).toEqual(
      expected.map((r) => `即将到期：${names.get(r.code)} 2020-09 请于 2020-10-14 前报送`).sort(),
    );
    expect(dueSoon.find((n) => n.titleZh.includes(names.get('T007-1')!))).toMatchObject({
      titleEn: `Due soon: ${namesEn.get('T007-1')} 2020-09, due 2020-10-14`,
      link: '/?q=T007-1',
      read: false,
    });
    // Marking one read lowers the count; another department cannot touch it.
    expectError(await as(t.app, other).post(`/api/notifications/${dueSoon[0].id}/read`), 404, 'NOT_FOUND');
    await as(t.app, zwfwb).post(`/api/notifications/${dueSoon[0].id}/read`).expect(204);
    const after = await bell(zwfwb);
    expect(after.unread).toBe(b.unread - 1);
    expect(after.items.find((n) => n.id === dueSoon[0].id)!.read).toBe(true);
  });

  it('does not remind twice: again on 10-10, on Monday 10-12, nor on the due date 10-14', async () => {
    const dueSoon = await count('reminders');
    const notifications = await count('notifications');
    for (const day of ['2020-10-10', '2020-10-12', '2020-10-14']) {
      setToday(day);
      expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    }
    expect(await count('reminders')).toBe(dueSoon);
    expect(await count('notifications')).toBe(notifications);
  });

  it('on 10-15 reminds exactly once that the figures are overdue, and never for the figure reported in time', async () => {
    setToday('2020-10-15');
    expect((await cycle()).reminders).toBeGreaterThan(0);
    expect(await cycle()).toMatchObject({ reminders: 0 });
    const missing = ZWFWB_MONTHLY.filter((c) => c !== SUBMITTED);
    expect(await reminders(`r.department_id = ${ZWFWB} AND r.period_key = '2020-09'`)).toEqual(
      missing.flatMap((code) => [...september([code], 'due-soon'), ...september([code], 'overdue')]),
    );
    expect(
      await reminders(`r.department_id = ${ZWFWB} AND m.code = '${SUBMITTED}' AND r.period_key = '2020-09'`),
    ).toEqual([]);
    const overdue = (await bell(zwfwb)).items.filter((n) => n.titleZh.endsWith('（截止 2020-10-14）'));
    expect(overdue.map((n) => n.titleZh).sort()).toEqual(
      missing.map((c) => `逾期未报送：${names.get(c)} 2020-09（截止 2020-10-14）`).sort(),
    );
  });

  it('after a restart on the same database issues no reminder or notice twice', async () => {
    // Bring evaluations and notices up to 10-15 first, so that the restart has nothing new to do.
    expect((await t.app.get(EvaluationService).runCycle()).error).toBeNull();
    await cycle();
    const tables = ['reminders', 'notices', 'notice_events', 'notifications', 'deliveries'];
    const before = await Promise.all(tables.map(count));
    expect(before[1]).toBeGreaterThan(0);
    await t.restart({ demo: false, env: { FIXED_TODAY: '2020-10-15', EVALUATION_CRON: NEVER_DURING_TESTS } });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    expect(await Promise.all(tables.map(count))).toEqual(before);
    const ds = t.app.get(DataSource);
    expect(
      await ds.query(
        'SELECT department_id, metric_id, period_key, stage FROM reminders GROUP BY department_id, metric_id, period_key, stage HAVING COUNT(*) > 1',
      ),
    ).toEqual([]);
    expect(
      await ds.query(
        'SELECT department_id, metric_id, period_key FROM notices GROUP BY department_id, metric_id, period_key HAVING COUNT(*) > 1',
      ),
    ).toEqual([]);
  });

  it('skips a plan in which nothing it reads changed since its last run that day, and looks again once something does', async () => {
    const ds = t.app.get(DataSource);
    setToday('2020-10-15');
    await cycle();
    await cycle();
    const removeLast = async () => {
      const [row] = await ds.query(
        'SELECT id, department_id, metric_id, period_key, stage FROM reminders ORDER BY id DESC LIMIT 1',
      );
      // Removed behind the product's back: a run that looked at the plan again would send it again.
      await ds.query(`DELETE FROM reminders WHERE id = ${Number(row.id)}`);
      return async () =>
        Number(
          (
            await ds.query(
              `SELECT COUNT(*) AS n FROM reminders WHERE department_id = ${Number(row.department_id)} AND metric_id = ${Number(row.metric_id)} AND period_key = '${row.period_key}' AND stage = '${row.stage}'`,
            )
          )[0].n,
        );
    };
    let present = await removeLast();
    expect((await cycle()).reminders).toBe(0);
    expect(await present()).toBe(0);
    // Any change supervision reads marks the plan (here its reminder settings, set to what they were): looked at again.
    await as(t.app, admin).patch('/api/plans/1/settings').send({ remindBeforeWorkingDays: 3 }).expect(200);
    expect((await cycle()).reminders).toBe(1);
    expect(await present()).toBe(1);
    // So does the first day on which time alone changes something in the plan, and no day before it.
    const recheckOn = async (): Promise<string> =>
      (await ds.query('SELECT supervision_recheck_on AS d FROM plans WHERE id = 1'))[0].d;
    expect(await recheckOn()).toBe('2020-10-16'); // the replies to the notices of 10-09 fall late
    setToday('2020-10-16');
    expect((await cycle()).escalated).toBeGreaterThan(0);
    await cycle();
    const next = await recheckOn();
    const quietDay = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(quietDay > '2020-10-16').toBe(true);
    present = await removeLast();
    setToday(quietDay);
    expect(await cycle()).toEqual({ reminders: 0, issued: 0, closed: 0, escalated: 0 });
    expect(await present()).toBe(0);
    setToday(next);
    await cycle();
    expect(await present()).toBe(1);
  });
});

describe('supervision by date', () => {
  // Two deployments given the same days and the same actions: one as scheduled (a plan is looked at only when
  // something it reads changed or its recheck day has come), one that looks at every plan every day.
  const names = ['scheduled', 'everyPlan'] as const;
  const byDate = { demo: false, env: { FIXED_TODAY: '2020-09-25', EVALUATION_CRON: NEVER_DURING_TESTS } };
  const apps: Record<(typeof names)[number], TestApp> = {
    scheduled: useTestApp(byDate),
    everyPlan: useTestApp(byDate),
  };

  /** What supervision has done so far, without ids and instants (the two deployments write them at different moments). */
  const doneIn = async (t: TestApp) => {
    const ds = t.app.get(DataSource);
    return {
      reminders: await ds.query(
        'SELECT department_id, metric_id, period_key, stage, due_date FROM reminders ORDER BY department_id, metric_id, period_key, stage',
      ),
      notices: await ds.query(
        'SELECT department_id, metric_id, period_key, level, state, escalations, reply_due, closed_reason FROM notices ORDER BY department_id, metric_id, period_key',
      ),
      events: await ds.query(
        'SELECT n.department_id, n.metric_id, n.period_key, e.action, e.detail FROM notice_events e JOIN notices n ON n.id = e.notice_id ORDER BY n.department_id, n.metric_id, n.period_key, e.id',
      ),
    };
  };

  it('a scheduled run looks at a plan only on the days something falls due there, yet does day after day what a run over every plan does', async () => {
    const users: Record<string, { zwfwb: string; metrics: Map<string, { id: number }> }> = {};
    for (const name of names) {
      const admin = await signInAdmin(apps[name].app);
      users[name] = {
        zwfwb: await createUser(apps[name].app, admin, 'zwfwb-by-date', 'department', ZWFWB),
        metrics: await metricsByCode(apps[name].app, admin),
      };
    }
    const skippedDays: string[] = [];
    const done = { reminders: 0, issued: 0, closed: 0, escalated: 0 };
    // Eight weeks without figures, across the National Day holiday, two month ends and their due dates: reminders
    // fall due, notices are issued, replies fall late and escalate; a few figures arrive, and a notice is answered.
    for (
      let day = new Date('2020-09-25T00:00:00Z');
      day <= new Date('2020-11-20T00:00:00Z');
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const today = day.toISOString().slice(0, 10);
      for (const name of names) {
        const { app } = apps[name];
        const { zwfwb, metrics } = users[name];
        app.get(Clock).setToday(today);
        if (today === '2020-10-12') {
          // September's figures in time; August's late, which turns its red metric green and closes its notice.
          for (const [code, period] of [
            ['T007-1', '2020-09'],
            ['T007-2', '2020-09'],
            ['T007-1', '2020-08'],
          ]) {
            await as(app, zwfwb)
              .post('/api/submissions')
              .send({ metricId: metrics.get(code)!.id, departmentId: ZWFWB, period, value: 100 })
              .expect(201);
          }
        }
        if (today === '2020-10-20') {
          const [notice] = await app
            .get(DataSource)
            .query(
              `SELECT id FROM notices WHERE department_id = ${ZWFWB} AND state = 'issued' ORDER BY metric_id, period_key LIMIT 1`,
            );
          await as(app, zwfwb).post(`/api/notices/${notice.id}/acknowledge`).expect(200);
          await as(app, zwfwb)
            .post(`/api/notices/${notice.id}/reply`)
            .send({ measures: '已安排专人整改，按月报送', targetDate: '2020-11-30' })
            .expect(200);
        }
        expect((await app.get(EvaluationService).runCycle()).error).toBeNull();
      }
      const scheduled = await apps.scheduled.app.get(SupervisionService).runCycle();
      await apps.everyPlan.app.get(SupervisionService).runCycle('full');
      const [{ supervised_on: supervisedOn }] = await apps.scheduled.app
        .get(DataSource)
        .query('SELECT supervised_on FROM plans WHERE id = 1');
      if (supervisedOn !== today) skippedDays.push(today);
      for (const k of Object.keys(done) as (keyof typeof done)[]) done[k] += scheduled[k];
      // Had the scheduled run missed anything time moved, the two would differ from that day on.
      expect({ day: today, ...(await doneIn(apps.scheduled)) }).toEqual({
        day: today,
        ...(await doneIn(apps.everyPlan)),
      });
    }
    // Each kind of work happened on some day, so each was compared.
    for (const [kind, n] of Object.entries(done)) expect({ kind, happened: n > 0 }).toEqual({ kind, happened: true });
    expect(skippedDays.length).toBeGreaterThan(20);
    // 57 days on two deployments: about 15 s on SQLite, longer on PostgreSQL.
  }, 180_000);
});

describe('SUPERVISION=0', () => {
  const env = { FIXED_TODAY: '2020-10-15', EVALUATION_CRON: NEVER_DURING_TESTS };
  const t = useTestApp({ demo: false, env: { ...env, SUPERVISION: '0' } });

  it('an instance with supervision off sends no reminder and issues no notice; one with it on catches up', async () => {
    const count = (table: string) =>
      t.app
        .get(DataSource)
        .query(`SELECT COUNT(*) AS n FROM ${table}`)
        .then((r: Array<{ n: number | string }>) => Number(r[0].n));
    // Evaluated at start (overdue months are red), yet nothing reminded or noticed.
    expect(await count('evaluations')).toBeGreaterThan(0);
    expect([await count('reminders'), await count('notices')]).toEqual([0, 0]);
    await t.restart({ demo: false, env });
    expect(await count('reminders')).toBeGreaterThan(0);
    expect(await count('notices')).toBeGreaterThan(0);
  });
});
