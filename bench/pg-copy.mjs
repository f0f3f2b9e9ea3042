// Copies a generated SQLite benchmark file into a fresh PostgreSQL database whose schema the app's own migrations
// made, table by table, keeping ids: the PostgreSQL benchmarks start from the same rows as the SQLite ones.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const Database = require('better-sqlite3');
const { Client } = require('pg');

const TABLES = ['departments', 'plans', 'indicators', 'indicator_departments', 'tasks', 'metrics', 'submissions', 'submission_cases'];
const BOOLEANS = { departments: ['is_group'], plans: ['demo'], metrics: ['consolidated'] };

/** CREATE DATABASE on the server of `serverUrl`; returns the new database's URL. */
export async function createDatabase(serverUrl, name) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl, name) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Runs the built API once against the database, so that its migrations make the schema (and the calendar). */
export async function migrate(databaseUrl, port) {
  const env = { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO: '0', SUPERVISION: '0', FIXED_TODAY: '2021-12-20', EVALUATION_CRON: '0 0 1 1 *', WEB_DIST: '' };
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], { env, stdio: 'ignore' });
  for (let i = 0; i < 3000 && !(await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** The generated rows of `sqliteFile` into the (migrated, empty) database; the demo plan the app loaded stays. */
export async function copyRows(sqliteFile, databaseUrl) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const lite = new Database(sqliteFile, { readonly: true });
  for (const table of TABLES) {
    const rows = lite.prepare(`SELECT * FROM ${table}`).all();
    if (rows.length === 0) continue;
    const pgColumns = new Set((await pg.query('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table])).rows.map((r) => r.column_name));
    const columns = Object.keys(rows[0]).filter((c) => pgColumns.has(c));
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values = [];
      const tuples = chunk.map((row) => `(${columns.map((c) => {
        values.push((BOOLEANS[table] ?? []).includes(c) ? Boolean(row[c]) : row[c]);
        return `$${values.length}`;
      }).join(',')})`);
      await pg.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${tuples.join(',')} ON CONFLICT DO NOTHING`, values);
    }
    if (columns.includes('id')) await pg.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
  }
  lite.close();
  // The start-up evaluation of the migrate run covered the demo plan only; the benchmark's first cycle writes everything.
  await pg.query('DELETE FROM evaluation_checks');
  await pg.query('DELETE FROM evaluations');
  await pg.end();
}
