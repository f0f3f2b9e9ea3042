import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { startApi } from '../support/api-process';

// Several API processes on one database (SQLite file, or PostgreSQL when TEST_DATABASE_URL is set):
// each scheduled tick runs exactly once, and a survivor takes over the ticks after one is killed with SIGKILL.
const TICK = '*/2 * * * * *';

interface Instance {
  child: ChildProcess;
  url: string;
}

async function start(env: Record<string, string>): Promise<Instance> {
  const { child, url } = await startApi({
    ...env,
    DEMO: '0',
    ADMIN_PASSWORD: 'instances-test-pw',
    EVALUATION_CRON: TICK,
  });
  return { child, url };
}

describe('several API instances on one database', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-instances-'));
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dbName = `taizhang_instances_${process.pid}`;
  let env: Record<string, string>;
  let query: (sql: string) => Promise<Array<Record<string, unknown>>>;
  let close: () => Promise<void>;
  const instances: Instance[] = [];

  beforeAll(async () => {
    if (serverUrl) {
      const admin = new Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${dbName}`;
      env = { DATABASE_URL: url.toString() };
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      query = async (sql) => (await client.query(sql)).rows;
      close = async () => {
        await client.end();
        const a = new Client({ connectionString: serverUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await a.end();
      };
    } else {
      const file = path.join(dir, 'taizhang.sqlite');
      env = { SQLITE_PATH: file, DATABASE_URL: '' };
      query = async (sql) => {
        const db = new Database(file, { readonly: true, fileMustExist: true });
        try {
          return db.prepare(sql).all() as Array<Record<string, unknown>>;
        } finally {
          db.close();
        }
      };
      close = async () => undefined;
    }
    // The first instance migrates the schema; the others start once it is up.
    instances.push(await start({ ...env, UPLOADS_DIR: path.join(dir, 'a') }));
    instances.push(await start({ ...env, UPLOADS_DIR: path.join(dir, 'b') }));
  }, 60_000);

  afterAll(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill('SIGKILL');
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const runs = async () =>
    (await query("SELECT tick, instance FROM job_runs WHERE job = 'evaluation' ORDER BY tick")).map((r) => ({
      tick: String(r.tick),
      instance: String(r.instance),
    }));

  it('runs each tick of the evaluation exactly once, whichever instance claims it', async () => {
    await new Promise((r) => setTimeout(r, 9000));
    const rows = await runs();
    const ticks = new Set(rows.map((r) => r.tick));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(ticks.size).toBe(rows.length);
  }, 30_000);

  it('answers a dashboard poll with the same bytes on every instance, so a poll that moves between them gets 304', async () => {
    const signIn = await fetch(`${instances[0].url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'instances-test-pw' }),
    });
    const auth = { Authorization: `Bearer ${(await signIn.json()).accessToken}` };
    const summary = '/api/dashboard/summary?planId=1';
    // A tick every 2 s rightly gives a new tag ("evaluated at" moves on), and so does an instance's own start-up
    // cycle until the next tick; one pair of requests between two ticks is enough.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 30 && !statuses.includes(304); attempt++) {
      const first = await fetch(`${instances[0].url}${summary}`, { headers: auth });
      expect(first.status).toBe(200);
      await first.arrayBuffer();
      // fetch marks a request with If-None-Match "Cache-Control: no-cache" (as the Fetch standard says), which Express
      // answers in full; a browser revalidating its cache sends no such header.
      const second = await fetch(`${instances[1].url}${summary}`, {
        headers: { ...auth, 'If-None-Match': first.headers.get('etag')!, 'Cache-Control': 'max-age=0' },
      });
      await second.arrayBuffer();
      statuses.push(second.status);
      if (second.status !== 304) await new Promise((r) => setTimeout(r, 300));
    }
    expect(statuses).toContain(304);
  }, 30_000);

  it('goes on with the survivor after one instance is killed with SIGKILL', async () => {
    const killedAt = new Date().toISOString();
    instances[0].child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 9000));
    const after = (await runs()).filter((r) => r.tick > killedAt);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(new Set(after.map((r) => r.tick)).size).toBe(after.length);
    expect(new Set(after.slice(1).map((r) => r.instance)).size).toBe(1);
    expect(await fetch(`${instances[1].url}/api/health`).then((r) => r.status)).toBe(200);
  }, 30_000);

  it('never leaves two current evaluations for the same metric, department and period', async () => {
    const duplicates = await query(
      'SELECT metric_id, department_id, period_key, COUNT(*) AS n FROM evaluations WHERE superseded_at IS NULL GROUP BY metric_id, department_id, period_key HAVING COUNT(*) > 1',
    );
    expect(duplicates).toEqual([]);
  });
});
