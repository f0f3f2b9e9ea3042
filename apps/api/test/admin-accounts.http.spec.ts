import type { AuditEntryResponse, UserAccountResponse } from '@taizhang/contracts';
import { Clock } from '../src/clock/clock';
import { as, expectError, http, signIn, signInDemo } from './support';
import { useTestApp } from './test-app';

describe('an admin resets passwords, changes roles and departments, and filters the audit trail', () => {
  const t = useTestApp();
  let tokens: Awaited<ReturnType<typeof signInDemo>>;
  const admin = () => as(t.app, tokens.admin);
  const userId = async (username: string) =>
    ((await admin().get('/api/users').expect(200)).body as UserAccountResponse[]).find((u) => u.username === username)!
      .id;
  const audit = async (query: string): Promise<AuditEntryResponse[]> =>
    (await admin().get(`/api/audit?${query}`).expect(200)).body;

  beforeAll(async () => {
    tokens = await signInDemo(t.app);
  });

  it('resets a password: the user’s sessions end at once, the old password no longer signs in, the new one does; audited without the password', async () => {
    await admin()
      .post('/api/users')
      .send({
        username: 'clerk-a',
        password: 'first-password',
        role: 'department',
        departmentId: tokens.departmentOf.sfj,
      })
      .expect(201);
    const session = await signIn(t.app, 'clerk-a', 'first-password');
    await as(t.app, session).get('/api/auth/me').expect(200);
    const id = await userId('clerk-a');
    const res = await admin().patch(`/api/users/${id}`).send({ password: 'second-password' }).expect(200);
    expect(res.body).toMatchObject({
      username: 'clerk-a',
      role: 'department',
      departmentId: tokens.departmentOf.sfj,
      disabled: false,
    });
    expectError(await as(t.app, session).get('/api/auth/me'), 401, 'UNAUTHORIZED');
    expect(
      (await http(t.app).post('/api/auth/login').send({ username: 'clerk-a', password: 'first-password' })).status,
    ).toBe(401);
    await as(t.app, await signIn(t.app, 'clerk-a', 'second-password'))
      .get('/api/auth/me')
      .expect(200);
    const [row] = await audit('action=update%20user&entity=user');
    expect(row).toMatchObject({ username: 'admin', entityId: String(id) });
    expect(JSON.parse(row.after!)).toMatchObject({ passwordChanged: true, sessionsEnded: true });
    expect(`${row.before}${row.after}`).not.toMatch(/second-password|argon2/);
  });

  it('changes a department and a role: sessions end and the new access applies', async () => {
    const id = await userId('clerk-a');
    const before = await signIn(t.app, 'clerk-a', 'second-password');
    await admin().patch(`/api/users/${id}`).send({ departmentId: tokens.departmentOf.zfb }).expect(200);
    expectError(await as(t.app, before).get('/api/auth/me'), 401, 'UNAUTHORIZED');
    const moved = await signIn(t.app, 'clerk-a', 'second-password');
    expect((await as(t.app, moved).get('/api/auth/me').expect(200)).body).toMatchObject({
      role: 'department',
      departmentId: tokens.departmentOf.zfb,
    });

    await admin().patch(`/api/users/${id}`).send({ role: 'leader' }).expect(200);
    expectError(await as(t.app, moved).get('/api/auth/me'), 401, 'UNAUTHORIZED');
    const leader = await signIn(t.app, 'clerk-a', 'second-password');
    expect((await as(t.app, leader).get('/api/auth/me').expect(200)).body).toMatchObject({
      role: 'leader',
      departmentId: null,
    });
    // Back to a department user: one must be named, and not a group.
    expectError(
      await admin().patch(`/api/users/${id}`).send({ role: 'department' }),
      400,
      'INVALID_INPUT',
      /部门用户须指定单位/,
    );
    const group = (
      (await admin().get('/api/departments').expect(200)).body as Array<{ id: number; isGroup: boolean }>
    ).find((d) => d.isGroup)!;
    expectError(
      await admin().patch(`/api/users/${id}`).send({ role: 'department', departmentId: group.id }),
      400,
      'INVALID_INPUT',
      /是部门组/,
    );
    expectError(
      await admin().patch(`/api/users/${id}`).send({ password: 'short' }),
      400,
      'INVALID_INPUT',
      /密码至少 8 位/,
    );
    expectError(await admin().patch(`/api/users/${id}`).send({ role: 'boss' }), 400, 'INVALID_INPUT', /角色 role 应为/);
    await as(t.app, leader).get('/api/auth/me').expect(200);
  });

  it('filters the trail by who, what and when, days counted in Beijing time', async () => {
    const clock = t.app.get(Clock);
    try {
      // 14:05 on 7 July in Beijing, then 01:00 on 8 July in Beijing (still 7 July in UTC).
      clock.setNow(new Date('2020-07-07T06:05:00Z'));
      await admin()
        .patch(`/api/departments/${tokens.departmentOf.sfj}`)
        .send({ email: 'sfj@example.gov.cn' })
        .expect(200);
      clock.setNow(new Date('2020-07-07T17:00:00Z'));
      await admin()
        .patch(`/api/departments/${tokens.departmentOf.zfb}`)
        .send({ email: 'zfb@example.gov.cn' })
        .expect(200);
    } finally {
      clock.setNow(null);
    }
    const seventh = await audit('from=2020-07-07&to=2020-07-07');
    expect(seventh.map((r) => [r.at, r.entityId])).toEqual([
      ['2020-07-07T06:05:00.000Z', String(tokens.departmentOf.sfj)],
    ]);
    const eighth = await audit('from=2020-07-08&to=2020-07-08');
    expect(eighth.map((r) => r.entityId)).toEqual([String(tokens.departmentOf.zfb)]);
    expect((await audit('to=2020-07-08')).map((r) => r.at)).toEqual([
      '2020-07-07T17:00:00.000Z',
      '2020-07-07T06:05:00.000Z',
    ]);

    const byLeader = await audit('username=leader');
    expect(byLeader.length).toBeGreaterThan(0);
    for (const r of byLeader) expect(r.username).toBe('leader');
    const users = await audit('entity=user&kind=write');
    expect(users.length).toBeGreaterThanOrEqual(4);
    for (const r of users) expect(r).toMatchObject({ entity: 'user', kind: 'write' });
    // Words of the action, case-insensitive; LIKE's wildcards are taken literally.
    expect((await audit('action=UPDATE%20USER')).every((r) => r.action === 'update user')).toBe(true);
    expect(await audit('action=%25')).toEqual([]);
    expect(await audit('action=_')).toEqual([]);

    expectError(
      await admin().get('/api/audit?from=2020-02-30'),
      400,
      'INVALID_INPUT',
      /from 应为日期 YYYY-MM-DD/,
      /from must be a date/,
    );
    expectError(
      await admin().get('/api/audit?from=2020-07-09&to=2020-07-08'),
      400,
      'INVALID_INPUT',
      '起始日 from（2020-07-09）不能晚于截止日 to（2020-07-08）',
      'from (2020-07-09) cannot be after to (2020-07-08)',
    );
    expectError(await admin().get('/api/audit?kind=delete'), 400, 'INVALID_INPUT', /类别 kind 应为/);
    expectError(await admin().get('/api/audit?username=a%20b'), 400, 'INVALID_INPUT', /用户名 username/);
    expectError(await admin().get('/api/audit?entity=Metric;DROP'), 400, 'INVALID_INPUT', /对象 entity/);
    expectError(
      await admin().get(`/api/audit?action=${'x'.repeat(101)}`),
      400,
      'INVALID_INPUT',
      /操作 action 为 1–100 个字符/,
    );
    expectError(await admin().get('/api/audit?action=a&action=b'), 400, 'INVALID_INPUT');

    // The export takes the same filters and adds Beijing time.
    const csv = (await admin().get('/api/audit/export?from=2020-07-07&to=2020-07-07').expect(200)).text;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^\d+,2020-07-07T06:05:00.000Z,2020-07-07 14:05,/);
  });
});
