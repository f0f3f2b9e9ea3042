import type { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
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
export async function freshDatabase(): Promise<Pick<AppConfig, 'sqlitePath' | 'databaseUrl'> & { drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'taizhang-test-'));
    return { sqlitePath: path.join(dir, 'taizhang.sqlite'), databaseUrl: null, drop: async () => rmSync(dir, { recursive: true, force: true }) };
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
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Starts the whole API (no web app) on the given database, with the demo plan unless `demo` is false.
 * `env` adds configuration variables (FIXED_TODAY, EVALUATION_CRON, WRITE_TOKEN…) as the environment would.
 */
export async function startTestApp(db: Pick<AppConfig, 'sqlitePath' | 'databaseUrl'>, options: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({ PORT: '0', WEB_DIST: '', DEMO: options.demo === false ? '0' : '1', SQLITE_PATH: db.sqlitePath || undefined, DATABASE_URL: db.databaseUrl ?? undefined, ...options.env });
  const app = await createApp(config, { quiet: true });
  await app.init();
  return { app, config, stop: () => app.close() };
}
