// Copies a generated SQLite benchmark file into a fresh PostgreSQL database whose schema the app's own migrations
// made, table by table, keeping ids, through COPY: the PostgreSQL benchmarks start from the same rows as the SQLite ones.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const Database = require('better-sqlite3');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');

const TABLES = [
  'departments',
  'plans',
  'indicators',
  'indicator_departments',
  'tasks',
  'metrics',
  'submissions',
  'submission_cases',
];
const BOOLEANS = { departments: ['is_group'], plans: ['demo'], metrics: ['consolidated'] };

/** CREATE DATABASE on the server of `serverUrl` (a file-level copy of `template` if given); returns the new database's URL. */
export async function createDatabase(serverUrl, name, template = null) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function databaseExists(serverUrl, name) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  await admin.end();
  return rows.length > 0;
}

export async function dropDatabase(serverUrl, name) {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** Runs the built API once against the database, so that its migrations make the schema (and the calendar). */
export async function migrate(databaseUrl, port) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DEMO: '0',
    SUPERVISION: '0',
    FIXED_TODAY: '2021-12-20',
    EVALUATION_CRON: '0 0 1 1 *',
    WEB_DIST: '',
  };
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], { env, stdio: 'ignore' });
  for (
    let i = 0;
    i < 3000 &&
    !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** One value as a CSV field of COPY: NULL unquoted and empty, every other value quoted (so '' stays an empty string). */
const csvField = (value, isBoolean) => {
  if (value === null || value === undefined) return '';
  if (isBoolean) return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `"${String(value).replaceAll('"', '""')}"`;
};

/**
 * The generated rows of `sqliteFile` into the (migrated, empty) database; the demo plan the app loaded stays.
 * COPY … FROM STDIN streams each table (a province file holds 52 M rows; multi-row INSERTs took hours), reading
 * SQLite row by row and waiting for the socket to drain, so memory stays flat whatever the size.
 */
export async function copyRows(sqliteFile, databaseUrl, log = () => {}) {
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  const lite = new Database(sqliteFile, { readonly: true });
  for (const table of TABLES) {
    const pgColumns = new Set(
      (await pg.query('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table])).rows.map(
        (r) => r.column_name,
      ),
    );
    const columns = lite
      .prepare(`SELECT name FROM pragma_table_info('${table}')`)
      .pluck()
      .all()
      .filter((c) => pgColumns.has(c));
    const booleans = columns.map((c) => (BOOLEANS[table] ?? []).includes(c));
    // Rows the migrate run loaded (the seeded plan and its departments) are in both; skip them by primary key.
    const keyColumns = (
      await pg.query(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisprimary`,
        [table],
      )
    ).rows.map((r) => r.attname);
    const keyAt = keyColumns.map((c) => columns.indexOf(c));
    const keyOf = (row) => keyAt.map((i) => String(row[i])).join('|');
    const present = new Set(
      (
        await pg.query({ text: `SELECT ${keyColumns.map((c) => `"${c}"`).join(',')} FROM ${table}`, rowMode: 'array' })
      ).rows.map((r) => r.map(String).join('|')),
    );
    const started = Date.now();
    const copy = pg.query(
      copyFrom(`COPY ${table} (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN WITH (FORMAT csv)`),
    );
    const done = new Promise((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let rows = 0;
    let chunk = '';
    for (const row of lite
      .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(',')} FROM ${table}`)
      .raw()
      .iterate()) {
      if (present.size > 0 && present.has(keyOf(row))) continue;
      chunk += `${row.map((v, i) => csvField(v, booleans[i])).join(',')}\n`;
      rows += 1;
      if (chunk.length > 1 << 20) {
        const flushed = copy.write(chunk);
        chunk = '';
        if (!flushed) await once(copy, 'drain');
      }
    }
    copy.end(chunk);
    await done;
    log(`  copied ${rows.toLocaleString('en-US')} rows of ${table} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (columns.includes('id'))
      await pg.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
    await pg.query(`ANALYZE ${table}`);
  }
  lite.close();
  // The start-up evaluation of the migrate run covered the demo plan only; the benchmark's first cycle writes everything.
  await pg.query('DELETE FROM evaluation_checks');
  await pg.query('DELETE FROM evaluations');
  await pg.end();
}
