#!/usr/bin/env node
/**
 * The supervision cycle (reminders and notices, SupervisionService.runCycle) on a copy of an evaluated benchmark
 * file (bench/evaluate.js keeps bench/data/evaluated-<scale>.sqlite). The first run catches up: it sends a reminder
 * for every gap of the synthetic history and issues a notice for every red metric, one transaction each; the second
 * is what every scheduled tick costs afterwards when nothing new is due. No raw baseline: the figure that matters is
 * the steady tick against the five-minute cron. Then the days that follow: the clock moves one day at a time (the
 * scheduled evaluation of each day first, as the cron does), and each day's first supervision tick is measured with
 * the plans it looked at; a tick looks at a plan only when something there changed or its recheck day has come.
 *
 *   node bench/supervision.mjs [--scale district] [--days 45]   (after: npm run bench, which leaves the evaluated files)
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
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const scale = opt('scale', 'district');
const DAYS = Number(opt('days', 45));
const source = path.join(here, 'data', `evaluated-${scale}.sqlite`);
if (!fs.existsSync(source))
  throw new Error(`Run node bench/evaluate.js --scale ${scale} first (it leaves ${path.relative(root, source)})`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-supervision-'));
const file = path.join(dir, 'bench.sqlite');
fs.copyFileSync(source, file);
const { appConfig } = require('./generate');
const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
const { SupervisionService } = require(path.join(root, 'apps/api/dist/supervision/supervision.service'));
const { EvaluationService } = require(path.join(root, 'apps/api/dist/evaluation/evaluation.service'));
const { Clock } = require(path.join(root, 'apps/api/dist/clock/clock'));
const { DataSource } = require('typeorm');
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

// The days that follow: each day's scheduled evaluation, then its first supervision tick.
const clock = app.get(Clock);
const ds = app.get(DataSource);
const days = [];
for (let n = 1; n <= DAYS; n++) {
  const today = new Date(Date.parse('2021-12-20T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  clock.setToday(today);
  const evaluation = await app.get(EvaluationService).runCycle();
  if (evaluation.error) throw new Error(evaluation.error);
  const run = await timed();
  const looked = Number((await ds.query('SELECT COUNT(*) AS n FROM plans WHERE supervised_on = ?', [today]))[0].n);
  days.push({ today, looked, ...run });
}
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
const peak = process.resourceUsage().maxRSS / 1024;

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const quiet = days.filter((d) => d.looked === 0).length;
const busiest = [...days].sort((a, b) => b.ms - a.ms).slice(0, 3);
const sum = (k) => days.reduce((t, d) => t + d[k], 0);
// The district figures keep the section their marker names; another scale gets its own section after it.
const marker = scale === 'district' ? 'supervision' : `supervision-${scale}`;
const section = `<!-- ${marker}:start -->
## Supervision cycle${scale === 'district' ? '' : ` (${scale})`}

Measured by \`node bench/supervision.mjs --scale ${scale}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s), Node ${process.version}: \`SupervisionService.runCycle()\` on a copy of the evaluated ${scale} file (${plans} plans), FIXED_TODAY 2021-12-20, SQLite.

| run | time | per plan | reminders sent | notices issued | closed | escalated |
|---|---:|---:|---:|---:|---:|---:|
| first (catches up on the whole synthetic history) | ${s(first.ms)} | ${(first.ms / plans).toFixed(1)} ms | ${first.reminders} | ${first.issued} | ${first.closed} | ${first.escalated} |
| second (reads every plan again: the first run's own notices changed them; what a new day's first tick costs) | ${s(second.ms)} | ${(second.ms / plans).toFixed(1)} ms | ${second.reminders} | ${second.issued} | ${second.closed} | ${second.escalated} |
| third (the same day, nothing changed: every plan skipped) | ${s(third.ms)} | ${(third.ms / plans).toFixed(1)} ms | ${third.reminders} | ${third.issued} | ${third.closed} | ${third.escalated} |

The ${DAYS} days that follow (2021-12-21 to ${days.at(-1).today}; each day's scheduled evaluation first, then the day's first supervision tick):

| | value |
|---|---:|
| days on which the tick looked at no plan | ${quiet} of ${DAYS} |
| plans looked at per day: median / most | ${median(days.map((d) => d.looked))} / ${Math.max(...days.map((d) => d.looked))} of ${plans} |
| first tick of a day: median / slowest | ${s(median(days.map((d) => d.ms)))} / ${s(busiest[0].ms)} |
| slowest days | ${busiest.map((d) => `${d.today} (${d.looked} plans, ${s(d.ms)})`).join(', ')} |
| over all days: reminders, notices issued, closed, escalated | ${sum('reminders')}, ${sum('issued')}, ${sum('closed')}, ${sum('escalated')} |

Peak RSS ${Math.round(peak)} MiB. A run that looks at a plan reads its assignments, first revisions, reminders, notices and current evaluations (as plain rows, each plan's own); it looks at a plan only when something it reads changed since its last run (a submission, an evaluation, a notice event, the plan's settings, the calendar) or when the plan's recheck day has come: the first day on which time alone changes what supervision does there (a reminder stage, a period beginning or ending, a reply falling late; \`reminderRecheckDate\`, \`latestPeriodRecheckDate\`, \`replyRecheckDate\` in libs/domain). The second run above is what looking at every plan costs; generated plans share their metrics and due dates, so on a day something falls due it falls due in most plans at once.
<!-- ${marker}:end -->`;
const resultsFile = path.join(here, 'RESULTS.md');
const existing = fs.readFileSync(resultsFile, 'utf8');
const marked = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
const after = '<!-- supervision:end -->';
fs.writeFileSync(
  resultsFile,
  marked.test(existing)
    ? existing.replace(marked, section)
    : existing.includes(after)
      ? existing.replace(after, `${after}\n\n${section}`)
      : `${existing.trimEnd()}\n\n${section}\n`,
);
console.log(section);
