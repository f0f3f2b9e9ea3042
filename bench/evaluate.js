#!/usr/bin/env node
'use strict';
/**
 * The evaluation benchmark: on a file from bench/generate.js, the product's full cycle
 * (EvaluationService.runCycle() inside the real Nest app) against a raw baseline in the same run
 * (better-sqlite3 reading the same rows, the same domain functions in a loop, one write transaction).
 *
 * Each measurement runs in its own child process on a fresh copy of the generated file, so that every
 * first cycle writes everything and every peak resident set (getrusage maxRSS) belongs to one side only.
 * Product and baseline alternate which goes first. Each side does a first cycle (writes every evaluation)
 * and a second one on unchanged data (writes nothing).
 *
 *   node bench/evaluate.js --scale district|city|province [--runs 3] [--file FILE] [--second-runs 1] [--second-once] [--keep] [--cpu-prof DIR]
 *   (--second-once: the unchanged-data cycle in the first run only, to keep a large scale within bounds;
 *    --second-runs 0: none, for the province)
 *
 * After the first run's comparison, the product's scheduled cycles (EvaluationService.runCycle(), only what is
 * due) on its evaluated file, on the same day and on later days (SCHEDULED_DAYS): what the cron job does.
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const root = path.resolve(__dirname, '..');
const FIXED_TODAY = '2021-12-20';
/** Days of the scheduled (due-only) cycles after the full ones, in order. */
const SCHEDULED_DAYS = [FIXED_TODAY, '2021-12-21', '2022-01-01', '2022-01-10', '2022-01-11'];

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=');
      out[k] = v ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : 'true');
    }
  }
  return out;
}

const maxRssMiB = () => process.resourceUsage().maxRSS / 1024;
const rssMiB = () => process.memoryUsage().rss / 1024 / 1024;

// ---------------------------------------------------------------- product: the real app

/**
 * The evaluation benchmark measures evaluation. Start-up also runs the supervision cycle, which on a generated
 * history would send a reminder for every synthetic gap (about 2,400 per district): the product's processes here
 * run with SUPERVISION=0.
 */
const PRODUCT_ENV = { FIXED_TODAY, SUPERVISION: '0' };

async function productChild(file, secondRuns) {
  const t0 = performance.now();
  const { appConfig } = require('./generate');
  const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
  const { EvaluationService } = require(path.join(root, 'apps/api/dist/evaluation/evaluation.service'));
  const app = await createApp(appConfig(file, PRODUCT_ENV), { quiet: true });
  const rssBeforeCycle = rssMiB();
  // Start-up runs the product's first cycle (StartupService → EvaluationService.runCycle()).
  await app.init();
  const service = app.get(EvaluationService);
  const first = service.lastRun;
  if (first.error) throw new Error(first.error);
  const maxAfterFirst = maxRssMiB();
  const seconds = [];
  for (let i = 0; i < secondRuns; i++) {
    const t = performance.now();
    const r = await service.runCycle('full');
    if (r.error) throw new Error(r.error);
    seconds.push({ ms: performance.now() - t, evaluated: r.evaluated, changed: r.changed });
  }
  await app.close();
  return {
    side: 'product',
    startupMs: performance.now() - t0,
    first: { ms: first.durationMs, evaluated: first.evaluated, changed: first.changed },
    second: seconds,
    rssBeforeCycleMiB: rssBeforeCycle,
    maxRssAfterFirstMiB: maxAfterFirst,
    maxRssMiB: maxRssMiB(),
  };
}

/**
 * The scheduled cycles (EvaluationService.runCycle(): only what is due) on a file the product has evaluated:
 * its start on the same day finds nothing due, then the clock moves to each of SCHEDULED_DAYS.
 */
async function scheduledChild(file) {
  const { appConfig } = require('./generate');
  const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
  const { EvaluationService } = require(path.join(root, 'apps/api/dist/evaluation/evaluation.service'));
  const { Clock } = require(path.join(root, 'apps/api/dist/clock/clock'));
  const app = await createApp(appConfig(file, PRODUCT_ENV), { quiet: true });
  await app.init();
  const service = app.get(EvaluationService);
  const scheduled = [
    {
      day: FIXED_TODAY,
      ms: service.lastRun.durationMs,
      evaluated: service.lastRun.evaluated,
      changed: service.lastRun.changed,
      start: true,
    },
  ];
  for (const day of SCHEDULED_DAYS.slice(1)) {
    app.get(Clock).setToday(day);
    const t = performance.now();
    const r = await service.runCycle();
    if (r.error) throw new Error(r.error);
    scheduled.push({ day, ms: performance.now() - t, evaluated: r.evaluated, changed: r.changed });
  }
  await app.close();
  return { side: 'scheduled', scheduled, maxRssMiB: maxRssMiB() };
}

// ---------------------------------------------------------------- baseline: raw better-sqlite3

function baselineChild(file, secondRuns) {
  const Database = require('better-sqlite3');
  const { calendarFrom, evaluatePlanRows, baselineQueries } = require('./baseline-rules');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL'); // as the app
  const calendar = calendarFrom(
    db.prepare('SELECT year, source FROM calendar_years ORDER BY year').all(),
    db.prepare('SELECT date, year, kind FROM calendar_days').all(),
  );
  const ctx = { today: FIXED_TODAY, calendar };
  const q = Object.fromEntries(Object.entries(baselineQueries('?')).map(([k, sql]) => [k, db.prepare(sql)]));
  const insert =
    db.prepare(`INSERT INTO evaluations (metric_id, department_id, period_key, period_end, status, basis, value, target, reason_zh, reason_en, evaluated_at, superseded_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`);
  const supersede = db.prepare('UPDATE evaluations SET superseded_at = ? WHERE id = ?');

  const cycle = db.transaction((at) => {
    let evaluated = 0;
    let changed = 0;
    for (const plan of q.plans.all()) {
      const rows = {
        metrics: q.metrics.all(plan.id),
        links: q.links.all(plan.id),
        submissions: q.submissions.iterate(plan.id),
        cases: q.cases.iterate(plan.id),
        current: q.current.iterate(plan.id),
      };
      evaluated += evaluatePlanRows(plan, rows, ctx, (metricId, departmentId, period, e, before) => {
        if (before) supersede.run(at, before.id);
        insert.run(
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
        );
        changed++;
      });
    }
    return { evaluated, changed };
  });

  const run = () => {
    const t = performance.now();
    const r = cycle(new Date().toISOString());
    return { ms: performance.now() - t, ...r };
  };
  const first = run();
  const maxAfterFirst = maxRssMiB();
  const second = [];
  for (let i = 0; i < secondRuns; i++) second.push(run());
  db.close();
  return { side: 'baseline', first, second, maxRssAfterFirstMiB: maxAfterFirst, maxRssMiB: maxRssMiB() };
}

// ---------------------------------------------------------------- parent: copies, children, medians

const CURRENT_ROWS = `SELECT metric_id, department_id, period_key, period_end, status, basis, value, target, reason_zh, reason_en
  FROM evaluations WHERE superseded_at IS NULL ORDER BY metric_id, department_id, period_key`;

/** Whether product and baseline decided exactly the same: a digest of each side's current evaluations, and the first difference. */
function compare(productFile, baselineFile) {
  const Database = require('better-sqlite3');
  const open = (f) => new Database(f, { readonly: true });
  const [p, b] = [open(productFile), open(baselineFile)];
  const [hp, hb] = [crypto.createHash('sha256'), crypto.createHash('sha256')];
  const [ip, ib] = [p.prepare(CURRENT_ROWS).raw().iterate(), b.prepare(CURRENT_ROWS).raw().iterate()];
  let rows = 0;
  let differing = 0;
  let firstDifference = null;
  for (;;) {
    const [x, y] = [ip.next(), ib.next()];
    if (x.done && y.done) break;
    const [jx, jy] = [x.done ? null : JSON.stringify(x.value), y.done ? null : JSON.stringify(y.value)];
    if (jx) hp.update(jx);
    if (jy) hb.update(jy);
    rows++;
    if (jx !== jy) {
      differing++;
      firstDifference ??= { product: x.value ?? null, baseline: y.value ?? null };
    }
  }
  const all = (db) => db.prepare('SELECT COUNT(*) AS n FROM evaluations').get().n;
  const result = {
    product: { all: all(p), sha256: hp.digest('hex').slice(0, 16) },
    baseline: { all: all(b), sha256: hb.digest('hex').slice(0, 16) },
    rows,
    differing,
    firstDifference,
  };
  p.close();
  b.close();
  return { ...result, identical: differing === 0 && result.product.all === result.baseline.all };
}

function copyDb(from, to) {
  for (const f of [to, `${to}-wal`, `${to}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(from, to);
}

function child(side, file, secondRuns, cpuProfDir) {
  const execArgv = cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, `--cpu-prof-name=${side}-${Date.now()}.cpuprofile`]
    : [];
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    [...execArgv, __filename, '--child', side, '--file', file, '--second-runs', String(secondRuns)],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 90 * 60 * 1000,
    },
  );
  if (r.status !== 0) throw new Error(`${side} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  const result = JSON.parse(r.stdout.trim().split('\n').at(-1));
  return { ...result, processMs: performance.now() - t };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function evaluate({ scale, file, runs, secondRuns, cpuProfDir, keep, secondOnce }) {
  const workDir = path.dirname(file);
  const work = {
    product: path.join(workDir, `work-product-${scale}.sqlite`),
    baseline: path.join(workDir, `work-baseline-${scale}.sqlite`),
  };
  const results = { product: [], baseline: [] };
  let check = null;
  let scheduled = [];
  let scheduledPeakRssMiB = null;
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['product', 'baseline'] : ['baseline', 'product'];
    for (const side of order) {
      copyDb(file, work[side]);
      const r = child(side, work[side], secondOnce && i > 0 ? 0 : secondRuns, cpuProfDir);
      results[side].push(r);
      console.error(
        `  ${scale} run ${i + 1}/${runs} ${side}: first ${(r.first.ms / 1000).toFixed(2)} s (${r.first.changed} written), ` +
          `second ${r.second.map((s) => `${(s.ms / 1000).toFixed(2)} s (${s.changed} written)`).join(', ')}, peak RSS ${r.maxRssMiB.toFixed(0)} MiB`,
      );
    }
    if (i === 0) {
      check = compare(work.product, work.baseline);
      console.error(
        `  ${scale} product and baseline wrote ${check.identical ? 'identical' : `DIFFERENT (${check.differing} rows differ, first: ${JSON.stringify(check.firstDifference)})`} evaluations (${check.rows} current rows)`,
      );
      // Then what the cron job does, on the product's evaluated file (after the comparison: it moves the clock on).
      const scheduledRun = child('scheduled', work.product, 0, cpuProfDir);
      scheduled = scheduledRun.scheduled;
      scheduledPeakRssMiB = scheduledRun.maxRssMiB;
      for (const x of scheduled)
        console.error(
          `  ${scale} scheduled cycle ${x.day}${x.start ? ' (at start)' : ''}: ${(x.ms / 1000).toFixed(2)} s, ${x.evaluated} evaluated, ${x.changed} written`,
        );
    }
  }
  // The product's evaluated file is kept for the benchmarks that need evaluations at this scale (bench/web --file, bench/api --file).
  const evaluated = path.join(workDir, `evaluated-${scale}.sqlite`);
  for (const x of ['', '-wal', '-shm']) fs.rmSync(`${evaluated}${x}`, { force: true });
  for (const x of ['', '-wal', '-shm'])
    if (fs.existsSync(`${work.product}${x}`)) fs.renameSync(`${work.product}${x}`, `${evaluated}${x}`);
  if (!keep)
    for (const f of Object.values(work)) for (const x of [f, `${f}-wal`, `${f}-shm`]) fs.rmSync(x, { force: true });
  const summary = (side) => ({
    firstMs: median(results[side].map((r) => r.first.ms)),
    secondMs: median(results[side].filter((r) => r.second.length).map((r) => median(r.second.map((s) => s.ms)))),
    secondRunsMeasured: results[side].filter((r) => r.second.length).length,
    evaluated: results[side][0].first.evaluated,
    writtenFirst: results[side][0].first.changed,
    writtenSecond: results[side].some((r) => r.second.length)
      ? Math.max(...results[side].flatMap((r) => r.second.map((s) => s.changed)))
      : '—',
    peakRssMiB: Math.max(...results[side].map((r) => r.maxRssMiB)),
    ...(side === 'product'
      ? { rssBeforeCycleMiB: median(results[side].map((r) => r.rssBeforeCycleMiB)), scheduled, scheduledPeakRssMiB }
      : {}),
  });
  const product = summary('product');
  const baseline = summary('baseline');
  return {
    scale,
    file: path.relative(root, file),
    fileBytes: fs.statSync(file).size,
    runs,
    secondRuns,
    fixedToday: FIXED_TODAY,
    product,
    baseline,
    ratioFirst: product.firstMs / baseline.firstMs,
    ratioSecond: product.secondMs / baseline.secondMs,
    check,
    raw: results,
  };
}

module.exports = { evaluate };

if (require.main === module) {
  const a = args(process.argv.slice(2));
  if (a.child) {
    const secondRuns = Number(a['second-runs'] ?? 1);
    const run = {
      product: () => productChild(a.file, secondRuns),
      baseline: () => baselineChild(a.file, secondRuns),
      scheduled: () => scheduledChild(a.file),
    }[a.child];
    Promise.resolve()
      .then(run)
      .then(
        (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
        (e) => {
          console.error(e);
          process.exit(1);
        },
      );
  } else {
    const scale = a.scale ?? 'district';
    const file = path.resolve(a.file ?? path.join(root, 'bench/data', `${scale}.sqlite`));
    const r = evaluate({
      scale,
      file,
      runs: Number(a.runs ?? 3),
      secondRuns: Number(a['second-runs'] ?? 1),
      cpuProfDir: a['cpu-prof'],
      keep: Boolean(a.keep),
      secondOnce: Boolean(a['second-once']),
    });
    const out = path.join(root, 'bench/data', `results-${scale}.json`);
    fs.writeFileSync(out, JSON.stringify(r, null, 2));
    const { raw, ...shown } = r;
    console.log(JSON.stringify(shown, null, 2));
  }
}
