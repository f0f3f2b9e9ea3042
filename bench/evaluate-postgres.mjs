#!/usr/bin/env node
/**
 * The evaluation benchmark of bench/evaluate.js on PostgreSQL: the district file (or --scale city|province) copied
 * once into a source database, each side then run on its own copy of it (CREATE DATABASE … TEMPLATE), in separate
 * processes: the product's full cycle (EvaluationService inside the real app, DATABASE_URL) and a raw `pg` baseline
 * doing the same work (the same rows, the same domain rules in a loop from bench/baseline-rules.js, a transaction
 * of multi-row inserts per plan), each a first cycle (writes everything) and a second on unchanged data (writes nothing);
 * each side's current evaluations are then digested in order, so the two can be compared without both databases on
 * disk at once (a province side is tens of GB). Writes its section of bench/RESULTS.md
 * (<!-- evaluate-postgres:start --> … <!-- evaluate-postgres:end -->, or evaluate-postgres-<scale>).
 *
 *   node bench/evaluate-postgres.mjs [--url postgres://postgres:postgres@127.0.0.1:5432/postgres] [--scale district] [--runs 3]
 *        [--first-only]  skip the second cycle (at province scale each cycle takes tens of minutes)
 *        [--keep NAME]   keep the product's evaluated database of the last run as NAME, for bench/api-postgres.mjs --database
 *        [--source NAME] copy the file into database NAME and keep it, or use it as it is if it exists (a later run
 *                        at the same scale skips the copy)
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { copyRows, createDatabase, databaseExists, dropDatabase, migrate } from './pg-copy.mjs';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const { Client } = require('pg');
const FIXED_TODAY = '2021-12-20';
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;
const FIRST_ONLY = process.argv.includes('--first-only');
const SKIPPED = { ms: NaN, evaluated: 0, changed: 0 };

async function productChild(url) {
  const { loadConfig } = require(path.join(root, 'apps/api/dist/config/app-config'));
  const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
  const { EvaluationService } = require(path.join(root, 'apps/api/dist/evaluation/evaluation.service'));
  const config = loadConfig({
    PORT: '0',
    DATABASE_URL: url,
    WEB_DIST: '',
    DEMO: '0',
    SUPERVISION: '0',
    EVALUATION_CRON: '0 0 1 1 *',
    FIXED_TODAY,
  });
  const app = await createApp(config, { quiet: true });
  await app.init(); // the start-up cycle evaluates everything: nothing has been evaluated yet
  const service = app.get(EvaluationService);
  const first = service.lastRun;
  if (first.error) throw new Error(first.error);
  const t = performance.now();
  const second = FIRST_ONLY ? null : await service.runCycle('full');
  if (second?.error) throw new Error(second.error);
  await app.close();
  return {
    first: { ms: first.durationMs, evaluated: first.evaluated, changed: first.changed },
    second: second ? { ms: performance.now() - t, evaluated: second.evaluated, changed: second.changed } : SKIPPED,
    maxRssMiB: maxRssMiB(),
  };
}

async function baselineChild(url) {
  const { calendarFrom, evaluatePlanRows, baselineQueries } = require('./baseline-rules.js');
  const pg = new Client({ connectionString: url });
  await pg.connect();
  const rowsOf = async (sql, params = []) => (await pg.query(sql, params)).rows;
  const calendar = calendarFrom(
    await rowsOf('SELECT year, source FROM calendar_years ORDER BY year'),
    await rowsOf('SELECT date, year, kind FROM calendar_days'),
  );
  const ctx = { today: FIXED_TODAY, calendar };
  const q = baselineQueries('$1');
  const columns =
    'metric_id, department_id, period_key, period_end, status, basis, value, target, reason_zh, reason_en, evaluated_at, superseded_at';
  const cycle = async () => {
    const at = new Date().toISOString();
    const t = performance.now();
    let evaluated = 0;
    let changed = 0;
    for (const plan of await rowsOf(q.plans)) {
      // One transaction per plan, as the product: in one transaction for the whole cycle, PostgreSQL's statistics
      // never see the rows written so far (autovacuum analyses committed rows only), so at province scale the planner
      // turned the per-plan read of current evaluations into a scan of the whole table, about 1.5 s per plan.
      await pg.query('BEGIN');
      const rows = {};
      for (const k of ['metrics', 'links', 'submissions', 'cases', 'current']) rows[k] = await rowsOf(q[k], [plan.id]);
      const inserts = [];
      const superseded = [];
      evaluated += evaluatePlanRows(plan, rows, ctx, (metricId, departmentId, period, e, before) => {
        if (before) superseded.push(before.id);
        inserts.push([
          metricId,
          departmentId,
          period.key,
          period.end,
          e.status,
          e.basis,
          e.value,
          e.target,
          e.reasonZh,
          e.reasonEn,
          at,
          null,
        ]);
      });
      if (superseded.length)
        await pg.query('UPDATE evaluations SET superseded_at = $1 WHERE id = ANY($2)', [at, superseded]);
      for (let i = 0; i < inserts.length; i += 500) {
        const values = [];
        const tuples = inserts.slice(i, i + 500).map(
          (row) =>
            `(${row
              .map((v) => {
                values.push(v);
                return `$${values.length}`;
              })
              .join(',')})`,
        );
        await pg.query(`INSERT INTO evaluations (${columns}) VALUES ${tuples.join(',')}`, values);
      }
      changed += inserts.length;
      await pg.query('COMMIT');
    }
    return { ms: performance.now() - t, evaluated, changed };
  };
  const first = await cycle();
  const second = FIRST_ONLY ? SKIPPED : await cycle();
  await pg.end();
  return { first, second, maxRssMiB: maxRssMiB() };
}

/**
 * The count and a sha256 of a database's current evaluations in a fixed order, read through a cursor: a province
 * holds 35 M of them, more than a process's heap.
 */
async function digestOf(url) {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`DECLARE current_rows NO SCROLL CURSOR FOR
    SELECT metric_id, department_id, period_key, period_end, status, basis, value, target, reason_zh, reason_en
    FROM evaluations WHERE superseded_at IS NULL ORDER BY metric_id, department_id NULLS FIRST, period_key`);
  const hash = crypto.createHash('sha256');
  let rows = 0;
  for (;;) {
    const batch = (await c.query({ text: 'FETCH 20000 FROM current_rows', rowMode: 'array' })).rows;
    if (batch.length === 0) break;
    for (const row of batch) hash.update(`${rows++ === 0 ? '' : '\n'}${JSON.stringify(row)}`);
  }
  await c.query('COMMIT');
  await c.end();
  return { rows, sha256: hash.digest('hex').slice(0, 16) };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

if (opt('child')) {
  const run = opt('child') === 'product' ? productChild : baselineChild;
  run(opt('url')).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  const server = opt('url', process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
  const scale = opt('scale', 'district');
  const runs = Number(opt('runs', 3));
  const source = path.join(here, 'data', `${scale}.sqlite`);
  if (!fs.existsSync(source)) throw new Error(`Run node bench/generate.js --scale ${scale} first`);
  const keep = opt('keep', null);
  // Every database this script makes it drops first: only names of its own.
  for (const name of [keep, opt('source', null)])
    if (name !== null && !/^taizhang_bench_\w+$/.test(name))
      throw new Error(`${name}: a database this benchmark makes is called taizhang_bench_…`);
  const results = { product: [], baseline: [] };
  const digests = { product: [], baseline: [] };
  const log = (line) => console.error(`  ${scale} ${line}`);
  const named = opt('source', null);
  const sourceDb = named ?? `taizhang_bench_eval_source_${process.pid}`;
  const reused = named !== null && (await databaseExists(server, named));
  let copySeconds = null;
  if (!reused) {
    await dropDatabase(server, sourceDb);
    const sourceUrl = await createDatabase(server, sourceDb);
    await migrate(sourceUrl, 39000 + (process.pid % 500));
    const copyStarted = performance.now();
    await copyRows(source, sourceUrl, log);
    copySeconds = (performance.now() - copyStarted) / 1000;
  }
  for (let i = 0; i < runs; i++) {
    // A kept database is the product's of the last run, which then runs second: one side's database on disk at a time.
    const order = i % 2 === 1 || (keep && i === runs - 1) ? ['baseline', 'product'] : ['product', 'baseline'];
    for (const side of order) {
      const name = keep && i === runs - 1 && side === 'product' ? keep : `taizhang_bench_eval_${side}_${process.pid}`;
      await dropDatabase(server, name);
      const url = await createDatabase(server, name, sourceDb);
      const r = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', side, '--url', url, ...(FIRST_ONLY ? ['--first-only'] : [])],
        { encoding: 'utf8', timeout: 4 * 60 * 60 * 1000, maxBuffer: 16 * 1024 * 1024 },
      );
      if (r.status !== 0) throw new Error(`${side} failed:\n${r.stderr}`);
      const result = JSON.parse(r.stdout.trim().split('\n').at(-1));
      results[side].push(result);
      log(
        `run ${i + 1}/${runs} ${side}: first ${(result.first.ms / 1000).toFixed(2)} s (${result.first.changed} written), second ${FIRST_ONLY ? 'skipped' : `${(result.second.ms / 1000).toFixed(2)} s (${result.second.changed} written)`}, peak RSS ${Math.round(result.maxRssMiB)} MiB`,
      );
      const digest = await digestOf(url);
      digests[side].push(digest);
      log(`run ${i + 1}/${runs} ${side}: ${digest.rows} current rows, sha256 ${digest.sha256}`);
      if (name !== keep) await dropDatabase(server, name);
    }
  }
  if (named === null) await dropDatabase(server, sourceDb);
  if (keep) log(`kept the product's evaluated database as ${keep}`);
  const all = [...digests.product, ...digests.baseline];
  const check = {
    rows: all[0].rows,
    sha256: all[0].sha256,
    identical: all.every((d) => d.rows === all[0].rows && d.sha256 === all[0].sha256),
  };
  const summary = (side) => ({
    first: median(results[side].map((r) => r.first.ms)),
    second: median(results[side].map((r) => r.second.ms)),

    written: results[side][0].first.changed,
    writtenSecond: Math.max(...results[side].map((r) => r.second.changed)),
    peak: Math.max(...results[side].map((r) => r.maxRssMiB)),
  });
  const [p, b] = [summary('product'), summary('baseline')];
  const pgVersion = await (async () => {
    const c = new Client({ connectionString: server });
    await c.connect();
    const v = (await c.query('SHOW server_version')).rows[0].server_version;
    await c.end();
    return v;
  })();
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  // The district figures keep the section their marker names; another scale gets its own section after it.
  const marker = scale === 'district' ? 'evaluate-postgres' : `evaluate-postgres-${scale}`;
  const section = `<!-- ${marker}:start -->
## Evaluation cycle on PostgreSQL${scale === 'district' ? '' : ` (${scale})`}

Measured by \`node bench/evaluate-postgres.mjs --scale ${scale} --runs ${runs}${FIRST_ONLY ? ' --first-only' : ''}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s), Node ${process.version}, PostgreSQL ${pgVersion} on the same machine (TCP loopback): bench/data/${scale}.sqlite copied into PostgreSQL once, then each side run on its own copy of that database; the product's full cycle (the app with \`DATABASE_URL\`) against a raw \`pg\` baseline running the same domain rules over the same rows (bench/baseline-rules.js) with 500-row inserts, a transaction per plan as the product. ${runs === 1 ? 'One run' : `Medians of ${runs} runs`}, sides alternating${keep ? " (the last run baseline first, so that the product's database is the one kept)" : ''}.

| | product | raw baseline | ratio |
|---|---:|---:|---:|
| first cycle (writes ${p.written.toLocaleString('en-US')} evaluations) | ${s(p.first)} | ${s(b.first)} | **${(p.first / b.first).toFixed(2)}×** |
${FIRST_ONLY ? '' : `| second cycle, unchanged data (writes product ${p.writtenSecond}, baseline ${b.writtenSecond}) | ${s(p.second)} | ${s(b.second)} | **${(p.second / b.second).toFixed(2)}×** |\n`}| peak RSS | ${Math.round(p.peak)} MiB | ${Math.round(b.peak)} MiB | |

Same evaluations: ${check.identical ? `yes, ${check.rows.toLocaleString('en-US')} current rows identical in every run (sha256 ${check.sha256})` : `NO: ${all.map((d) => `${d.rows} rows ${d.sha256}`).join(', ')}`}. The product's resident set includes the whole Nest application. Copying the generated rows into PostgreSQL (COPY, once per benchmark; not part of either side) took ${copySeconds === null ? 'place in an earlier run (`--source`)' : `${copySeconds.toFixed(0)} s`}.
<!-- ${marker}:end -->`;
  const resultsFile = path.join(here, 'RESULTS.md');
  const existing = fs.readFileSync(resultsFile, 'utf8');
  const marked = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  const after = scale === 'district' ? '<!-- evaluate:end -->' : '<!-- evaluate-postgres:end -->';
  fs.writeFileSync(
    resultsFile,
    marked.test(existing) ? existing.replace(marked, section) : existing.replace(after, `${after}\n\n${section}`),
  );
  console.log(section);
}
