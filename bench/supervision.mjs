#!/usr/bin/env node
/**
 * The supervision cycle (reminders and notices, SupervisionService.runCycle) on a copy of an evaluated benchmark
 * file (bench/evaluate.js keeps bench/data/evaluated-<scale>.sqlite). The first run catches up: it sends a reminder
 * for every gap of the synthetic history and issues a notice for every red metric, one transaction each; the second
 * is what every scheduled tick costs afterwards when nothing new is due. No raw baseline: the figure that matters is
 * the steady tick against the five-minute cron.
 *
 *   node bench/supervision.mjs [--scale district]   (after: npm run bench, which leaves the evaluated files)
 * Writes its own section of bench/RESULTS.md (<!-- supervision:start --> … <!-- supervision:end -->).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const i = process.argv.indexOf('--scale');
const scale = i > 0 ? process.argv[i + 1] : 'district';
const source = path.join(here, 'data', `evaluated-${scale}.sqlite`);
if (!fs.existsSync(source)) throw new Error(`Run node bench/evaluate.js --scale ${scale} first (it leaves ${path.relative(root, source)})`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-supervision-'));
const file = path.join(dir, 'bench.sqlite');
fs.copyFileSync(source, file);
const { appConfig } = require('./generate');
const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
const { SupervisionService } = require(path.join(root, 'apps/api/dist/supervision/supervision.service'));
const Database = require('better-sqlite3');
const plans = new Database(file, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM plans').get().n;

// Supervision off at start, so that both runs below are measured here.
const app = await createApp(appConfig(file, { FIXED_TODAY: '2021-12-20', SUPERVISION: '0' }), { quiet: true });
await app.init();
const service = app.get(SupervisionService);
const timed = async () => {
  const t = performance.now();
  const run = await service.runCycle();
  return { ms: performance.now() - t, ...run };
};
const first = await timed();
const second = await timed();
const third = await timed();
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
const peak = process.resourceUsage().maxRSS / 1024;

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const section = `<!-- supervision:start -->
## Supervision cycle

Measured by \`node bench/supervision.mjs --scale ${scale}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s), Node ${process.version}: \`SupervisionService.runCycle()\` on a copy of the evaluated ${scale} file (${plans} plans), FIXED_TODAY 2021-12-20, SQLite.

| run | time | per plan | reminders sent | notices issued | closed | escalated |
|---|---:|---:|---:|---:|---:|---:|
| first (catches up on the whole synthetic history) | ${s(first.ms)} | ${(first.ms / plans).toFixed(1)} ms | ${first.reminders} | ${first.issued} | ${first.closed} | ${first.escalated} |
| second (reads every plan again: the first run's own notices changed them; what a new day's first tick costs) | ${s(second.ms)} | ${(second.ms / plans).toFixed(1)} ms | ${second.reminders} | ${second.issued} | ${second.closed} | ${second.escalated} |
| third (the same day, nothing changed: every plan skipped) | ${s(third.ms)} | ${(third.ms / plans).toFixed(1)} ms | ${third.reminders} | ${third.issued} | ${third.closed} | ${third.escalated} |

Peak RSS ${Math.round(peak)} MiB. A run that looks at a plan reads its assignments, first revisions, reminders, notices and current evaluations (as plain rows, each plan's own: it read every plan's reminders once per plan before, quadratic in the plans); it skips a plan in which nothing it reads changed since its last run that day. So the first tick of a day costs about the second run per plan — for a province's 2,000 plans about ${Math.round(2000 / plans)} × the second run, estimated, not measured — and the day's later ticks only the plans that changed.
<!-- supervision:end -->`;
const resultsFile = path.join(here, 'RESULTS.md');
const existing = fs.readFileSync(resultsFile, 'utf8');
const marked = /<!-- supervision:start -->[\s\S]*?<!-- supervision:end -->/;
fs.writeFileSync(resultsFile, marked.test(existing) ? existing.replace(marked, section) : `${existing.trimEnd()}\n\n${section}\n`);
console.log(section);
