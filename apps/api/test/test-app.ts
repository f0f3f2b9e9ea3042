import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createApp } from '../src/app.factory';
import { loadConfig, type AppConfig } from '../src/config/app-config';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  /** Stops the application; the database stays, so that a test can start again on it. */
  stop(): Promise<void>;
}

/**
 * A fresh database for one test file: a temporary SQLite file, or — when TEST_DATABASE_URL is set
 * (CI does) — a new database on that PostgreSQL server.
 */
export type TestDatabase = Pick<AppConfig, 'sqlitePath' | 'databaseUrl' | 'uploadsDir'> & { drop(): Promise<void> };

/** Evidence files of one test database go to a temporary directory of their own (UPLOADS_DIR), removed with it. */
export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-test-'));
  const uploadsDir = path.join(dir, 'uploads');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (!serverUrl) {
    return {
      sqlitePath: path.join(dir, 'taizhang.sqlite'),
      databaseUrl: null,
      uploadsDir,
      drop: async () => removeDir(),
    };
  }
  const name = `taizhang_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    sqlitePath: '',
    databaseUrl: url.toString(),
    uploadsDir,
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      removeDir();
    },
  };
}

/** Without demo data there are no demo accounts: the tests sign in as `admin` with this ADMIN_PASSWORD and create the users they need. */
export const TEST_ADMIN_PASSWORD = 'test-admin-password';

/**
 * Starts the whole API (no web app) on the given database, with the demo plan (and demo accounts) unless `demo` is false.
 * `env` adds configuration variables (FIXED_TODAY, EVALUATION_CRON, MAX_UPLOAD_MB…) as the environment would.
 */
export interface TestAppOptions {
  demo?: boolean;
  env?: Record<string, string>;
}

export async function startTestApp(
  db: Pick<AppConfig, 'sqlitePath' | 'databaseUrl' | 'uploadsDir'>,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const config = loadConfig({
    PORT: '0',
    WEB_DIST: '',
    DEMO: options.demo === false ? '0' : '1',
    SQLITE_PATH: db.sqlitePath || undefined,
    DATABASE_URL: db.databaseUrl ?? undefined,
    // Most suites report 2020's figures long after they were due: soft rules (each needing an explanation) are on only
    // where a suite asks for them (SOFT_RULES: '1'), as in soft-rules.http.spec.ts.
    UPLOADS_DIR: db.uploadsDir,
    SOFT_RULES: '0',
    ...(options.demo === false ? { ADMIN_PASSWORD: TEST_ADMIN_PASSWORD } : {}),
    ...options.env,
  });
  const app = await createApp(config, { quiet: true });
  await app.init();
  return { app, config, stop: () => app.close() };
}

/** What `useTestApp` gives a suite: the running app, its database, and a restart on that database. */
export interface SuiteApp extends TestApp {
  readonly db: TestDatabase;
  /** Stops the app and starts it again on the same database, with `options` (by default the suite's own). */
  restart(options?: TestAppOptions): Promise<void>;
  /** Runs `cleanup` after the suite's tests while the app still runs (clock or storage put back before it stops). */
  beforeStop(cleanup: (app: INestApplication) => unknown): void;
}

/**
 * One test app for the suite it is called in: a fresh database and `startTestApp(db, options)` before all its tests,
 * the app stopped and the database dropped after them. Read `t.app`, `t.config` and `t.db` inside hooks and tests.
 * `options` may be a function, called in that beforeAll, where the environment needs something started first (a port).
 */
export function useTestApp(options: TestAppOptions | (() => TestAppOptions | Promise<TestAppOptions>) = {}): SuiteApp {
  let db: TestDatabase | undefined;
  let started: TestApp | undefined;
  let own: TestAppOptions = {};
  const cleanups: Array<(app: INestApplication) => unknown> = [];
  beforeAll(async () => {
    own = typeof options === 'function' ? await options() : options;
    db = await freshDatabase();
    started = await startTestApp(db, own);
  });
  afterAll(async () => {
    try {
      for (const cleanup of cleanups) if (started) await cleanup(started.app);
    } finally {
      await started?.stop();
      await db?.drop();
    }
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestApp: the app is there inside hooks and tests, once beforeAll ran');
    return value;
  };
  return {
    get app() {
      return ready(started).app;
    },
    get config() {
      return ready(started).config;
    },
    get db() {
      return ready(db);
    },
    stop: () => ready(started).stop(),
    restart: async (next = own) => {
      const stopping = ready(started);
      started = undefined;
      await stopping.stop();
      started = await startTestApp(ready(db), next);
    },
    beforeStop: (cleanup) => void cleanups.push(cleanup),
  };
}

/**
 * A web build (an index.html) in a temporary directory of its own, removed after the suite: WEB_DIST for a suite that
 * serves the web app as production does (its static serving once turned body errors into 404).
 */
export function useWebBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-web-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>台账</title>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
