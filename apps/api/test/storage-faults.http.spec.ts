import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { as, bearer, createUser, expectError, http, metricsByCode, signIn, signInAdmin, waitFor } from './support';
import { TEST_ADMIN_PASSWORD, type TestApp, type TestDatabase, useTestApp } from './test-app';

// A full disk: the API answers 503 with a clear body, writes nothing half, and recovers when space returns.
// (SQLite only: PRAGMA max_page_count makes the database "full" without filling the machine's disk.)
const sqlite = !process.env.TEST_DATABASE_URL;

(sqlite ? describe : describe.skip)('storage faults', () => {
  const t = useTestApp();
  t.beforeStop((app) => app.get(DataSource).query('PRAGMA max_page_count = 1073741823'));

  it('answers 503 while the database is full, keeps it consistent, and recovers', async () => {
    const token = await signIn(t.app, 'sfj', 'taizhang-dept');
    const queue = (await http(t.app).get('/api/queue?planId=1').set(bearer(token)).expect(200)).body;
    const items = queue.items.filter((i: { accepts: string[] }) => i.accepts.includes('ratio'));
    const ds = t.app.get(DataSource);
    const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM submissions'))[0].n);
    const pages = Number((await ds.query('PRAGMA page_count'))[0].page_count);
    await ds.query(`PRAGMA max_page_count = ${pages}`);
    const note = '备注'.repeat(900);
    let full: { status: number; body: { code: string; messageZh: string; messageEn: string } } | null = null;
    for (let i = 0; i < 400 && !full; i++) {
      const item = items[i % items.length];
      const before = await count();
      const res = await http(t.app).post('/api/submissions').set(bearer(token)).send({
        metricId: item.metricId,
        departmentId: queue.departmentId,
        period: item.period,
        numerator: 5,
        denominator: 10,
        note,
        reason: '磁盘测试',
      });
      if (res.status !== 201) {
        full = res;
        expect(await count()).toBe(before);
      }
    }
    expect(full?.status).toBe(503);
    expect(full?.body).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      messageZh: expect.stringContaining('未保存'),
      messageEn: expect.stringContaining('nothing was saved'),
    });
    expect((await ds.query('PRAGMA integrity_check'))[0].integrity_check).toBe('ok');
    await ds.query('PRAGMA max_page_count = 1073741823');
    const item = items[0];
    await http(t.app)
      .post('/api/submissions')
      .set(bearer(token))
      .send({
        metricId: item.metricId,
        departmentId: queue.departmentId,
        period: item.period,
        numerator: 6,
        denominator: 10,
        reason: '恢复',
      })
      .expect(201);
  }, 120_000);
});

/**
 * Whether this process may mark files immutable (chattr +i): it needs CAP_LINUX_IMMUTABLE (root, usually) and a
 * filesystem that supports the flag. Plain chmod is no test: permissions are checked when a file is opened, and the
 * app holds its database open; root ignores them anyway.
 */
function canMakeFilesImmutable(): boolean {
  if (process.platform !== 'linux') return false;
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-chattr-'));
  const probe = path.join(dir, 'probe');
  writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ReadOnlyFault {
  name: string;
  /** Makes the storage under the running app refuse writes. */
  on(t: TestApp, db: TestDatabase): Promise<void>;
  /** Storage comes back; the app is not restarted. */
  off(t: TestApp, db: TestDatabase): Promise<void>;
}

const sqliteFiles = (db: TestDatabase) => [db.sqlitePath, `${db.sqlitePath}-wal`];

/**
 * SQLite: the kernel refuses every write to the database file and its write-ahead log (EPERM, as a filesystem gone
 * read-only answers EROFS) while the app keeps them open; SQLite reports SQLITE_IOERR_WRITE. Never the -shm file:
 * SQLite maps it into memory, and a write to an immutable mapping kills the process (SIGBUS).
 */
const immutableFiles: ReadOnlyFault = {
  name: 'SQLite: the filesystem refuses writes to the open database files (chattr +i)',
  on: async (_t, db) => execFileSync('chattr', ['+i', ...sqliteFiles(db)]),
  off: async (_t, db) => execFileSync('chattr', ['-i', ...sqliteFiles(db)]),
};

/**
 * SQLite's own read-only state, SQLITE_READONLY — the answer of a connection opened on a file it may not write.
 * query_only puts the app's one connection in that state without reopening it; the only way where chattr is not allowed.
 */
const queryOnly: ReadOnlyFault = {
  name: 'SQLite: the database connection is read-only (PRAGMA query_only)',
  on: async (t) => void (await t.app.get(DataSource).query('PRAGMA query_only = ON')),
  off: async (t) => void (await t.app.get(DataSource).query('PRAGMA query_only = OFF')),
};

/**
 * PostgreSQL: the database turns read-only for new sessions (as a failover to a hot standby does), and the server
 * ends the app's sessions, so that its pool reconnects under the new setting. (ALTER SYSTEM would reach the other
 * test files' databases on the same server; a session keeps the default it started with, hence the termination.)
 * The same again in reverse when storage recovers. PostgreSQL reports 25006 read_only_sql_transaction.
 */
async function setPostgresReadOnly(t: TestApp, db: TestDatabase, readOnly: boolean): Promise<void> {
  const name = new URL(db.databaseUrl!).pathname.slice(1);
  const server = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await server.connect();
  try {
    await server.query(
      `ALTER DATABASE ${name} ${readOnly ? 'SET default_transaction_read_only = on' : 'RESET default_transaction_read_only'}`,
    );
    await server.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
  } finally {
    await server.end();
  }
  // The pool drops each ended session when the server says so; wait until none is left to hand out.
  const pool = (t.app.get(DataSource).driver as PostgresDriver).master as Pool;
  expect(await waitFor(async () => (pool.totalCount === 0 ? true : undefined), 5000, 20)).toBe(true);
}
const readOnlyDatabase: ReadOnlyFault = {
  name: 'PostgreSQL: the database turns read-only (default_transaction_read_only, sessions re-established)',
  on: (t, db) => setPostgresReadOnly(t, db, true),
  off: (t, db) => setPostgresReadOnly(t, db, false),
};

const immutableAllowed = sqlite && canMakeFilesImmutable();
const READ_ONLY_FAULTS: ReadOnlyFault[] = sqlite
  ? [...(immutableAllowed ? [immutableFiles] : []), queryOnly]
  : [readOnlyDatabase];

/**
 * Read-only storage under a running API: every write answers 503 with a clear body in both languages and leaves
 * nothing half-written; reads go on; once storage is writable again the same writes succeed without a restart.
 */
describe('read-only storage', () => {
  const t = useTestApp({ demo: false, env: { FIXED_TODAY: '2020-10-09' } });
  let admin: string;
  let department: string;
  let metricId: number;
  // Each fault changes the target, so that the next one (and the recovery) is a real change again.
  let target = 80;
  // 区政务服务办 (department 1) reports T007-1, a monthly rate; its September 2020 figures are open on 2020-10-09.
  const figures = { departmentId: 1, period: '2020-09', numerator: 9, denominator: 10, reason: '只读存储测试' };
  /**
   * What a write adds to, read through a connection of its own rather than the app's: what is stored, not what the
   * app's connection believes. If none of these move, nothing was half-written.
   */
  const stored = async (): Promise<Record<string, number>> => {
    const sql = `SELECT ${['submissions', 'audit_log', 'evaluations', 'sessions'].map((name) => `(SELECT COUNT(*) FROM ${name}) AS ${name}`).join(', ')}`;
    if (sqlite) {
      const connection = new Database(t.db.sqlitePath, { readonly: true });
      try {
        return connection.prepare(sql).get() as Record<string, number>;
      } finally {
        connection.close();
      }
    }
    const client = new Client({ connectionString: t.db.databaseUrl! });
    await client.connect();
    try {
      return Object.fromEntries(Object.entries((await client.query(sql)).rows[0]).map(([k, v]) => [k, Number(v)]));
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    admin = await signInAdmin(t.app);
    department = await createUser(t.app, admin, 'dept-readonly', 'department', 1);
    metricId = (await metricsByCode(t.app, admin)).get('T007-1')!.id;
  });
  // A failed test must not leave immutable files behind (they could not be removed) or a read-only database.
  t.beforeStop(async () => {
    for (const fault of READ_ONLY_FAULTS) await fault.off(t, t.db).catch(() => undefined);
  });

  // Shown as skipped, not silently left out, where this process may not mark files immutable.
  if (sqlite && !immutableAllowed)
    it.skip(`${immutableFiles.name}: needs CAP_LINUX_IMMUTABLE (root) and a filesystem with the immutable flag`, () =>
      undefined);

  it.each(READ_ONLY_FAULTS.map((f) => [f.name, f] as const))(
    '%s: writes answer 503, nothing is half-written, reads go on, and writes succeed again once storage recovers',
    async (_name, fault) => {
      const before = await stored();
      const unavailable = (res: Parameters<typeof expectError>[0]) =>
        expectError(
          res,
          503,
          'STORAGE_UNAVAILABLE',
          /本次操作未保存，请稍后重试/,
          /nothing was saved — please retry later/,
        );
      await fault.on(t, t.db);
      try {
        unavailable(
          await as(t.app, department)
            .post('/api/submissions')
            .send({ metricId, ...figures }),
        );
        unavailable(
          await as(t.app, admin)
            .patch(`/api/metrics/${metricId}`)
            .send({ target: target + 1 }),
        );
        // Signing in stores a session: a new sign-in is a write too.
        unavailable(
          await http(t.app).post('/api/auth/login').send({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
        );
        // Reads need no write: signed-in users still see their queue, the metric and the plan.
        await as(t.app, department).get('/api/queue?planId=1').expect(200);
        expect((await as(t.app, admin).get(`/api/metrics/${metricId}`).expect(200)).body.target).toBe(target);
        await as(t.app, admin).get('/api/plans/1').expect(200);
        expect(await stored()).toEqual(before);
      } finally {
        await fault.off(t, t.db);
      }
      // Storage is back: the same writes go through on the running app.
      const posted = await as(t.app, department)
        .post('/api/submissions')
        .send({ metricId, ...figures })
        .expect(201);
      expect(posted.body.evaluation.department).toMatchObject({ status: 'green', value: 90 });
      target += 1;
      expect((await as(t.app, admin).patch(`/api/metrics/${metricId}`).send({ target }).expect(200)).body.target).toBe(
        target,
      );
      await signIn(t.app, 'admin', TEST_ADMIN_PASSWORD);
      // Stored for good, not only in the app's connection: one submission and one session more, and the audit rows
      // of the submission, the change of target and the sign-in.
      const after = await stored();
      expect({
        submissions: after.submissions - before.submissions,
        sessions: after.sessions - before.sessions,
        audit_log: after.audit_log - before.audit_log,
      }).toEqual({ submissions: 1, sessions: 1, audit_log: 3 });
      expect(after.evaluations).toBeGreaterThan(before.evaluations);
      if (sqlite) expect((await t.app.get(DataSource).query('PRAGMA integrity_check'))[0].integrity_check).toBe('ok');
    },
    60_000,
  );
});
