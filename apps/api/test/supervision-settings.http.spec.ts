import { DataSource } from 'typeorm';
import { Clock } from '../src/clock/clock';
import { SupervisionService } from '../src/supervision/supervision.service';
import { as, createUser, expectError, signInAdmin, webhookReceiver } from './support';
import { useTestApp } from './test-app';

/**
 * A plan's own reminder lead times and a department's contacts, set by an admin through the API.
 * The 2020-09 figures are due on Wednesday 2020-10-14 (National Day holiday 10-01..10-08, Saturday 10-10 a
 * make-up working day). On 10-09 four working days are left, so the default lead of 3 is silent and a lead of 5
 * reminds. After the due date 10-15 and 10-16 are working days, 10-17/18 a weekend: with an overdue lead of 2
 * the overdue reminder waits for the third working day after, Monday 10-19.
 */

const ZWFWB = 1; // 区政务服务办: five monthly metrics of its own.
const ZWFWB_MONTHLY = ['T004-1', 'T007-1', 'T007-2', 'T007-3', 'T015-1'];

interface Hook {
  data: { kind: string; stage: string; metric: string; period: string; dueDate: string };
  department: string;
}

describe('plan reminder settings and department contacts', () => {
  // The receiver listens on 127.0.0.1: allowed for webhooks by WEBHOOK_ALLOW_HOSTS (internal addresses are refused otherwise).
  const t = useTestApp({
    demo: false,
    env: { FIXED_TODAY: '2020-10-09', EVALUATION_CRON: '0 0 1 1 *', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' },
  });
  let admin: string;
  let leader: string;
  let clerk: string;
  let hook: Awaited<ReturnType<typeof webhookReceiver<Hook>>>;
  const cycle = () => t.app.get(SupervisionService).runCycle();
  const setToday = (d: string) => t.app.get(Clock).setToday(d);
  const september = async (stage: string): Promise<string[]> =>
    (
      await t.app
        .get(DataSource)
        .query(
          `SELECT m.code FROM reminders r JOIN metrics m ON m.id = r.metric_id WHERE r.department_id = ${ZWFWB} AND r.period_key = '2020-09' AND r.stage = '${stage}' ORDER BY m.code`,
        )
    ).map((r: { code: string }) => r.code);
  const lastAudit = async (action: string) =>
    (
      await t.app
        .get(DataSource)
        .query(
          `SELECT username, entity, entity_id, before, after FROM audit_log WHERE action = '${action}' ORDER BY id DESC LIMIT 1`,
        )
    )[0];

  beforeAll(async () => {
    hook = await webhookReceiver<Hook>();
    admin = await signInAdmin(t.app);
    leader = await createUser(t.app, admin, 'leader-1', 'leader');
    clerk = await createUser(t.app, admin, 'zwfwb-user', 'department', ZWFWB);
  });
  afterAll(() => hook.close());

  describe('PATCH /api/plans/:id/settings', () => {
    it('starts every plan at 3 working days before and 0 after', async () => {
      const plans = (await as(t.app, leader).get('/api/plans').expect(200)).body;
      expect(plans).toEqual([
        expect.objectContaining({ id: 1, remindBeforeWorkingDays: 3, remindOverdueAfterWorkingDays: 0 }),
      ]);
    });

    it.each([
      [{ remindBeforeWorkingDays: -1 }, /remindBeforeWorkingDays.*0–30/],
      [{ remindBeforeWorkingDays: 31 }, /remindBeforeWorkingDays.*0–30/],
      [{ remindBeforeWorkingDays: 2.5 }, /remindBeforeWorkingDays.*0–30/],
      [{ remindOverdueAfterWorkingDays: '2' }, /remindOverdueAfterWorkingDays.*0–30/],
      [{ remindOverdueAfterWorkingDays: 99 }, /remindOverdueAfterWorkingDays.*0–30/],
      [{}, /remindBeforeWorkingDays 或 remindOverdueAfterWorkingDays/],
    ])('refuses %j with a bilingual 400 and changes nothing', async (body, zh) => {
      expectError(await as(t.app, admin).patch('/api/plans/1/settings').send(body), 400, 'INVALID_INPUT', zh);
      expect((await as(t.app, admin).get('/api/plans').expect(200)).body[0]).toMatchObject({
        remindBeforeWorkingDays: 3,
        remindOverdueAfterWorkingDays: 0,
      });
    });

    it('answers 404 for an unknown plan, 403 to a leader', async () => {
      expectError(
        await as(t.app, admin).patch('/api/plans/999/settings').send({ remindBeforeWorkingDays: 5 }),
        404,
        'NOT_FOUND',
        '找不到编号为 999 的计划',
      );
      expectError(
        await as(t.app, leader).patch('/api/plans/1/settings').send({ remindBeforeWorkingDays: 5 }),
        403,
        'FORBIDDEN',
      );
    });

    it('sets one lead time without touching the other, with an audit row', async () => {
      const res = await as(t.app, admin)
        .patch('/api/plans/1/settings')
        .send({ remindBeforeWorkingDays: 5 })
        .expect(200);
      expect(res.body).toMatchObject({ id: 1, remindBeforeWorkingDays: 5, remindOverdueAfterWorkingDays: 0 });
      const row = await lastAudit('update plan settings');
      expect({ ...row, before: JSON.parse(row.before), after: JSON.parse(row.after) }).toEqual({
        username: 'admin',
        entity: 'plan',
        entity_id: '1',
        before: { remindBeforeWorkingDays: 3, remindOverdueAfterWorkingDays: 0 },
        after: { remindBeforeWorkingDays: 5, remindOverdueAfterWorkingDays: 0 },
      });
      await as(t.app, admin).patch('/api/plans/1/settings').send({ remindOverdueAfterWorkingDays: 2 }).expect(200);
      expect((await as(t.app, leader).get('/api/plans').expect(200)).body[0]).toMatchObject({
        remindBeforeWorkingDays: 5,
        remindOverdueAfterWorkingDays: 2,
      });
    });
  });

  describe('PATCH /api/departments/:id with contacts', () => {
    it.each([
      [{ email: 'not-an-email' }, /email.*邮件地址/],
      [{ email: '' }, /email.*邮件地址/],
      [{ webhookUrl: 'ftp://example.com/hook' }, /webhookUrl.*http/],
      [{ webhookUrl: 'example.com/hook' }, /webhookUrl.*http/],
      [{ name: null }, /单位名称/],
      [{ name: '   ' }, /单位名称/],
      [{}, /name、email 或 webhookUrl/],
    ])('refuses %j with a bilingual 400', async (body, zh) => {
      expectError(await as(t.app, admin).patch(`/api/departments/${ZWFWB}`).send(body), 400, 'INVALID_INPUT', zh);
    });

    it('sets the webhook and email, audited; only admins see contacts in the list', async () => {
      const res = await as(t.app, admin)
        .patch(`/api/departments/${ZWFWB}`)
        .send({ email: 'zwfwb@hongqiao.example', webhookUrl: hook.url })
        .expect(200);
      expect(res.body).toEqual({
        id: ZWFWB,
        code: expect.any(String),
        name: '区政务服务办',
        isGroup: false,
        email: 'zwfwb@hongqiao.example',
        webhookUrl: hook.url,
      });
      const row = await lastAudit('update department');
      expect(JSON.parse(row.before)).toMatchObject({ email: null, webhookUrl: null });
      expect(JSON.parse(row.after)).toMatchObject({
        name: '区政务服务办',
        email: 'zwfwb@hongqiao.example',
        webhookUrl: hook.url,
      });

      const ofAdmin = (await as(t.app, admin).get('/api/departments').expect(200)).body;
      expect(ofAdmin.find((d: { id: number }) => d.id === ZWFWB)).toMatchObject({
        email: 'zwfwb@hongqiao.example',
        webhookUrl: hook.url,
      });
      for (const token of [leader, clerk]) {
        const list = (await as(t.app, token).get('/api/departments').expect(200)).body;
        expect(list.length).toBe(ofAdmin.length);
        for (const d of list) expect(Object.keys(d).sort()).toEqual(['code', 'id', 'isGroup', 'name']);
        expect(JSON.stringify(list)).not.toContain(hook.url);
      }
      expectError(await as(t.app, leader).patch(`/api/departments/${ZWFWB}`).send({ email: null }), 403, 'FORBIDDEN');
    });

    it('clears a contact with null and leaves the rest as it was', async () => {
      await as(t.app, admin).patch(`/api/departments/${ZWFWB}`).send({ email: null }).expect(200);
      const d = (await as(t.app, admin).get('/api/departments').expect(200)).body.find(
        (x: { id: number }) => x.id === ZWFWB,
      );
      expect(d).toMatchObject({ name: '区政务服务办', email: null, webhookUrl: hook.url });
    });
  });

  describe("reminders follow the plan's own lead times", () => {
    it('on 10-09, 4 working days before the due date, a lead of 5 reminds as due soon — to the webhook set through the API', async () => {
      expect(await september('due-soon')).toEqual([]);
      await cycle();
      expect(await september('due-soon')).toEqual(ZWFWB_MONTHLY);
      const dueSoon = hook.got
        .map((h) => h.body)
        .filter((h) => h.data.kind === 'reminder' && h.data.period === '2020-09');
      expect(dueSoon.map((h) => h.data.metric).sort()).toEqual(ZWFWB_MONTHLY);
      for (const h of dueSoon)
        expect(h).toMatchObject({ department: '区政务服务办', data: { stage: 'due-soon', dueDate: '2020-10-14' } });
    });

    it('with an overdue lead of 2 sends nothing on 10-15, 10-16 or Saturday 10-17, and the overdue reminder on Monday 10-19', async () => {
      for (const day of ['2020-10-14', '2020-10-15', '2020-10-16', '2020-10-17', '2020-10-18']) {
        setToday(day);
        await cycle();
        expect({ day, overdue: await september('overdue') }).toEqual({ day, overdue: [] });
      }
      const before = hook.got.length;
      setToday('2020-10-19');
      await cycle();
      expect(await september('overdue')).toEqual(ZWFWB_MONTHLY);
      const overdue = hook.got
        .slice(before)
        .map((h) => h.body)
        .filter((h) => h.data.kind === 'reminder');
      expect(overdue.map((h) => `${h.data.metric} ${h.data.stage} ${h.data.period}`).sort()).toEqual(
        ZWFWB_MONTHLY.map((c) => `${c} overdue 2020-09`),
      );
    });
  });
});
