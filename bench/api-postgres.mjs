// The API benchmark of bench/api.mjs on PostgreSQL: the district data copied from bench/data/district.sqlite into a
// fresh PostgreSQL database (schema by the app's own migrations), then the same scenarios against raw `pg` baselines.
//   node bench/api-postgres.mjs --url postgres://postgres:postgres@127.0.0.1:5432/postgres [--seconds 10] [--connections 20] [--cpu-prof DIR]
//   --database NAME: an evaluated database on that server instead, e.g. the province kept by
//     `node bench/evaluate-postgres.mjs --scale province --first-only --keep NAME`; used in place (the ingest scenarios
//     add their rows to it) and kept; its own section of RESULTS.md.
//   --cpu-prof DIR: the measured API process writes a V8 CPU profile (node --cpu-prof) into DIR when it stops.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuOf, load as loadFor, machineBusyMs, percentile } from './load.mjs';
import { copyRows } from './pg-copy.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const { Client, Pool } = require('pg');
const domain = require(path.join(root, 'libs/domain/dist'));
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SERVER = opt('url', process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
const SECONDS = Number(opt('seconds', 10));
const CONNECTIONS = Number(opt('connections', 20));
const CPU_PROF = opt('cpu-prof', null);
const KEPT = opt('database', null);
const MARKER = KEPT ? 'api-postgres-kept' : 'api-postgres';
const source = path.join(here, 'data/district.sqlite');
if (!KEPT && !existsSync(source)) throw new Error('Run node bench/generate.js --scale district first');

const dbName = KEPT ?? `taizhang_bench_${process.pid}`;
const admin = new Client({ connectionString: SERVER });
await admin.connect();
if (!KEPT) await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(SERVER);
url.pathname = `/${dbName}`;
const DATABASE_URL = url.toString();
const dir = mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-pg-'));
const port = 38000 + (process.pid % 1000);
const env = {
  ...process.env,
  PORT: String(port),
  DATABASE_URL,
  DEMO: '0',
  ADMIN_PASSWORD: 'bench-admin-pw',
  FIXED_TODAY: '2021-12-20',
  EVALUATION_CRON: '0 0 1 1 *',
  WEB_DIST: '',
  UPLOADS_DIR: path.join(dir, 'up'),
  // A generated history has a gap for every missing figure: the start-up supervision run would first remind them all.
  ...(KEPT ? { SUPERVISION: '0' } : {}),
};
const api = (profile = false) =>
  spawn(
    process.execPath,
    [
      ...(profile && CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(CPU_PROF)] : []),
      path.join(root, 'apps/api/dist/main.js'),
    ],
    { env, stdio: 'ignore' },
  );
const base = `http://127.0.0.1:${port}`;
const up = async () => {
  for (
    let i = 0;
    i < 3000 &&
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 200));
};

// 1. schema through the app's migrations, then the generated rows copied table by table, keeping their ids
let child;
if (!KEPT) {
  child = api();
  await up();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await copyRows(source, DATABASE_URL);
}

// 2. start again: the start-up evaluation computes every current evaluation of the copied data (of a kept database:
// only what is due, which on the same FIXED_TODAY is nothing)
const startedAt = Date.now();
child = api(true);
await up();
const startSeconds = (Date.now() - startedAt) / 1000;

// Other work on the machine inflates every latency here: the section says how much CPU the rest took during the summary load.
const load = (request) => loadFor(SECONDS, CONNECTIONS, request);
const json = async (p, init = {}) => (await fetch(`${base}${p}`, init)).json();
const token = (
  await json('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-admin-pw' }),
  })
).accessToken;
const auth = (t) => ({ Authorization: `Bearer ${t}`, 'Content-Type': 'application/json' });
const plans = await json('/api/plans', { headers: auth(token) });
const plan = plans.find((p) => p.year === 2021) ?? plans[0];
const metrics = await json(`/api/metrics?planId=${plan.id}`, { headers: auth(token) });
const rated = metrics.filter((m) => m.kind === 'value' && m.unit === 'percent');
const departmentId = (await json(`/api/metrics/${rated[0].id}`, { headers: auth(token) })).departments[0].departmentId;
// A clerk of its own per run: a kept database may hold an earlier run's.
const clerkName = `bench-clerk-${process.pid}`;
await fetch(`${base}/api/users`, {
  method: 'POST',
  headers: auth(token),
  body: JSON.stringify({ username: clerkName, password: 'bench-clerk-pw', role: 'department', departmentId }),
});
const clerk = (
  await json('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: clerkName, password: 'bench-clerk-pw' }),
  })
).accessToken;

const cpuBefore = { machine: machineBusyMs(), api: cpuOf(child.pid), bench: process.cpuUsage() };
const productSummary = await load(async () => {
  const r = await fetch(`${base}/api/dashboard/summary?planId=${plan.id}&period=2021-06`, { headers: auth(token) });
  await r.arrayBuffer();
  return r.ok;
});
const benchCpu = process.cpuUsage(cpuBefore.bench);
const cpuDuringSummary = {
  api: cpuOf(child.pid) - cpuBefore.api,
  bench: (benchCpu.user + benchCpu.system) / 1000,
  machine: machineBusyMs() - cpuBefore.machine,
};
const reader = new Client({ connectionString: DATABASE_URL });
await reader.connect();
// The raw summary server answers 20 clients at once: a pool as large as the product's (node-postgres' default, 10).
const readers = new Pool({ connectionString: DATABASE_URL, max: 10 });
const count = async (sql) => Number((await reader.query(sql)).rows[0].n);
const size = KEPT
  ? {
      plans: await count('SELECT count(*) AS n FROM plans'),
      // Estimates from the planner's statistics: an exact count of 35 M rows takes minutes.
      submissions: await count("SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'submissions'"),
      evaluations: await count("SELECT reltuples::bigint AS n FROM pg_class WHERE relname = 'evaluations'"),
      gib: ((await count('SELECT pg_database_size(current_database()) AS n')) / 2 ** 30).toFixed(1),
    }
  : null;
const server = createServer(async (req, res) => {
  const { rows } = await readers.query(
    'SELECT e.metric_id AS "metricId", e.period_key AS "periodKey", e.period_end AS "periodEnd", e.status FROM evaluations e JOIN metrics m ON m.id = e.metric_id WHERE m.plan_id = $1 AND e.superseded_at IS NULL AND e.department_id IS NULL',
    [plan.id],
  );
  const shown = domain.latestPeriodRows(rows, (r) => `${r.metricId}`, '2021-06-30', false);
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ counts: domain.countStatuses([...shown.values()].map((r) => r.status)) }));
});
await new Promise((r) => server.listen(port + 1, '127.0.0.1', r));
const rawSummary = await load(async () => {
  const r = await fetch(`http://127.0.0.1:${port + 1}/`);
  await r.arrayBuffer();
  return r.ok;
});
server.close();
await readers.end();

let shownIngestError = false;
const productIngest = await load(async (k, n) => {
  const m = rated[(k + n) % rated.length];
  const r = await fetch(`${base}/api/submissions`, {
    method: 'POST',
    headers: auth(clerk),
    body: JSON.stringify({
      metricId: m.id,
      departmentId,
      period: `2021-${String(((k * 3 + n) % 12) + 1).padStart(2, '0')}`,
      numerator: 9,
      denominator: 10,
      reason: 'bench',
      explanation: 'bench: a late figure explained (soft rules are on)',
    }),
  });
  const text = await r.text();
  if (r.status !== 201 && !shownIngestError) {
    shownIngestError = true;
    console.error(`  ingest answered ${r.status}: ${text.slice(0, 300)}`);
  }
  return r.status === 201;
});
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

// A kept database may hold an earlier run's rows: continue their revision numbers.
const firstRevision = Number(
  (await reader.query("SELECT COALESCE(MAX(revision), 999) + 1 AS r FROM submissions WHERE period_key = '2021-bench'"))
    .rows[0].r,
);
let inserted = 0;
const until = Date.now() + SECONDS * 1000;
while (Date.now() < until) {
  await reader.query({
    name: 'ins',
    text: "INSERT INTO submissions (metric_id, department_id, period_key, period_end, revision, figure_type, numerator, denominator, origin, created_at) VALUES ($1, $2, '2021-bench', '2021-12-31', $3, 'ratio', 9, 10, 'department', $4)",
    values: [rated[inserted % rated.length].id, departmentId, firstRevision + inserted, new Date().toISOString()],
  });
  inserted += 1;
}

const { DataSource } = require('typeorm');
const { dataSourceOptions } = require(path.join(root, 'apps/api/dist/database/data-source-options'));
const { SubmissionEntity } = require(path.join(root, 'apps/api/dist/submissions/submission.entity'));
const ds = new DataSource({
  ...dataSourceOptions({ databaseUrl: DATABASE_URL, sqlitePath: '' }),
  migrationsRun: false,
});
await ds.initialize();
const reads = [];
for (const size of KEPT ? [1000, 10000, 100000] : [1000, 10000, 30000]) {
  const orm = [];
  const driver = [];
  for (let i = 0; i < 5; i++) {
    let t0 = performance.now();
    await ds.getRepository(SubmissionEntity).find({ order: { id: 'ASC' }, take: size });
    orm.push(performance.now() - t0);
    t0 = performance.now();
    await reader.query('SELECT * FROM submissions ORDER BY id LIMIT $1', [size]);
    driver.push(performance.now() - t0);
  }
  reads.push({ size, orm: percentile(orm, 50), driver: percentile(driver, 50) });
}
await ds.destroy();
await reader.end();
if (!KEPT) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.end();
rmSync(dir, { recursive: true, force: true });

const f = (x, d = 1) => x.toFixed(d);
const data = KEPT
  ? `the database \`${KEPT}\` kept by \`node bench/evaluate-postgres.mjs --scale province --first-only --keep ${KEPT}\` (${size.plans.toLocaleString('en')} plans, ≈ ${size.submissions.toLocaleString('en')} submissions and ≈ ${size.evaluations.toLocaleString('en')} evaluations by the planner's statistics, ${size.gib} GiB), used in place (each run adds its ingest rows to it); the app's start (supervision off: a generated history would first be reminded of every gap) took ${f(startSeconds)} s`
  : `the rows of \`bench/data/district.sqlite\` copied into a fresh database whose schema the app's migrations made; the start-up evaluation of that data took ${f(startSeconds)} s (including the app's start)`;
const section = `<!-- ${MARKER}:start -->
## API under load, ingest and reads (PostgreSQL 15, ${KEPT ? 'province' : 'district'} data)

\`node bench/api-postgres.mjs --seconds ${SECONDS} --connections ${CONNECTIONS}${KEPT ? ` --database ${KEPT}` : ''}\`, ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores; PostgreSQL on the same machine. Data: ${data}. The summary asks for ${plan.title}.

| scenario | product | raw \`pg\` baseline | ratio |
|---|---:|---:|---:|
| GET /api/dashboard/summary p50 | ${f(productSummary.p50)} ms | ${f(rawSummary.p50)} ms | ${f(productSummary.p50 / rawSummary.p50, 2)}× |
| GET /api/dashboard/summary p95 | ${f(productSummary.p95)} ms | ${f(rawSummary.p95)} ms | **${f(productSummary.p95 / rawSummary.p95, 2)}×** |
| submissions per second (HTTP, evaluated on write) vs raw prepared inserts | ${f(productIngest.perSecond, 0)} | ${f(inserted / SECONDS, 0)} | **${f(inserted / SECONDS / productIngest.perSecond, 0)}× slower** |
${reads.map((r) => `| read ${r.size.toLocaleString('en')} submissions: TypeORM vs \`pg\` | ${f(r.orm)} ms | ${f(r.driver)} ms | ${f(r.orm / r.driver, 2)}× |`).join('\n')}

CPU during the summary load, in cores: API ${f(cpuDuringSummary.api / 1000 / SECONDS, 2)}, clients ${f(cpuDuringSummary.bench / 1000 / SECONDS, 2)}, PostgreSQL and other processes ${f(Math.max(0, cpuDuringSummary.machine - cpuDuringSummary.api - cpuDuringSummary.bench) / 1000 / SECONDS, 2)}. Errors: summary ${productSummary.errors}, ingest ${productIngest.errors} non-201 of ${productIngest.count}.${KEPT ? '' : ' The district file holds about 35k submissions, so reads stop at 30k rows here (100k on SQLite).'}

Reading the figures: as on SQLite, a summary request finds the answer cached and serialised (see the section above), so it costs the HTTP path plus two round trips to PostgreSQL — the session look-up and the cache's version query, one indexed query each — while the raw baseline runs its one counting query on every request. PostgreSQL runs on the same 2 cores, so its share of the CPU is part of the product's price here; anything else running at the same time inflates the latencies.${KEPT ? ' The summary reads one plan, so its cost depends on the plan, not on how many districts share the database; the raw query is the same indexed join as on district data.' : ' Province-sized data: the next section (`--database`).'}
<!-- ${MARKER}:end -->`;
const results = path.join(here, 'RESULTS.md');
const current = existsSync(results) ? readFileSync(results, 'utf8') : '';
const marked = new RegExp(`<!-- ${MARKER}:start -->[\\s\\S]*?<!-- ${MARKER}:end -->`);
const after = '<!-- api-postgres:end -->';
writeFileSync(
  results,
  marked.test(current)
    ? current.replace(marked, section)
    : current.includes(after)
      ? current.replace(after, `${after}\n\n${section}`)
      : `${current.trimEnd()}\n\n${section}\n`,
);
console.log(section);
