import { Clock } from '../src/clock/clock';
import { SESSION_HOURS } from '../src/auth/auth.service';
import { as, createUser, expectError, http, SIGN_IN_FIRST, signIn, signInAdmin } from './support';
import { useTestApp } from './test-app';

const HOUR = 3600_000;

/**
 * Every request asks the database who holds its token, so that an expiry or a disabled account takes effect on the
 * very next request, on every instance sharing the database (logout: audit.http.spec.ts).
 */
describe('sessions over HTTP', () => {
  const t = useTestApp({ demo: false });
  let admin: string;
  t.beforeStop((app) => app.get(Clock).setNow(null));

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
  });

  it("knows the holder of a bearer token or a session cookie: user, role, department and the session's CSRF token", async () => {
    await createUser(t.app, admin, 'dept-3', 'department', 3);
    const login = await http(t.app)
      .post('/api/auth/login')
      .send({ username: 'dept-3', password: 'dept-3-password' })
      .expect(200);
    const me = { username: 'dept-3', role: 'department', departmentId: 3, csrfToken: login.body.csrfToken };
    expect((await as(t.app, login.body.accessToken).get('/api/auth/me').expect(200)).body).toEqual(me);
    expect(
      (await http(t.app).get('/api/auth/me').set('Cookie', `tz_session=${login.body.accessToken}`).expect(200)).body,
    ).toEqual(me);
    expectError(await as(t.app, `${login.body.accessToken}x`).get('/api/auth/me'), 401, 'UNAUTHORIZED');
  });

  it('refuses a session once it has expired, from the first request after its end', async () => {
    const token = await createUser(t.app, admin, 'leader-expiring', 'leader');
    const clock = t.app.get(Clock);
    const signedInAt = Date.now();
    try {
      clock.setNow(new Date(signedInAt + SESSION_HOURS * HOUR - 60_000));
      await as(t.app, token).get('/api/dashboard/summary?planId=1').expect(200);
      clock.setNow(new Date(signedInAt + SESSION_HOURS * HOUR + 60_000));
      expectError(await as(t.app, token).get('/api/dashboard/summary?planId=1'), 401, 'UNAUTHORIZED', ...SIGN_IN_FIRST);
    } finally {
      clock.setNow(null);
    }
  });

  it('ends every session of a disabled account at once: enabled again, it signs in afresh', async () => {
    const token = await createUser(t.app, admin, 'leader-disabled', 'leader');
    const second = await signIn(t.app, 'leader-disabled', 'leader-disabled-password');
    const users: Array<{ id: number; username: string }> = (await as(t.app, admin).get('/api/users').expect(200)).body;
    const id = users.find((u) => u.username === 'leader-disabled')!.id;
    await as(t.app, token).get('/api/dashboard/summary?planId=1').expect(200);

    await as(t.app, admin).patch(`/api/users/${id}`).send({ disabled: true }).expect(200);
    for (const session of [token, second])
      expectError(await as(t.app, session).get('/api/dashboard/summary?planId=1'), 401, 'UNAUTHORIZED');
    await as(t.app, admin).patch(`/api/users/${id}`).send({ disabled: false }).expect(200);
    expectError(await as(t.app, token).get('/api/dashboard/summary?planId=1'), 401, 'UNAUTHORIZED');
    await as(t.app, await signIn(t.app, 'leader-disabled', 'leader-disabled-password'))
      .get('/api/dashboard/summary?planId=1')
      .expect(200);
  });
});
