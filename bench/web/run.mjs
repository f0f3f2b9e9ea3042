#!/usr/bin/env node
/**
 * `npm run bench:web`: measures (does not assert) the web app's weight and first paint.
 *  1. Builds apps/web and a minimal React + react-chartjs-2 page (same chart.js parts) with Vite, and compares
 *     the gzip size of their JavaScript.
 *  2. Starts the built product on a fresh SQLite file and takes the Largest Contentful Paint of the overview in
 *     headless Chromium, median of several cold loads (a new browser context each, so nothing is cached).
 * Writes the "Web" section of bench/RESULTS.md between <!-- web:start --> and <!-- web:end -->, leaving the rest.
 *
 *   node bench/web/run.mjs [--runs 5] [--file bench/data/evaluated-province.sqlite]
 *
 * --file: the overview of one generated plan in a copy of an evaluated benchmark file (bench/evaluate.js keeps
 * bench/data/evaluated-<scale>.sqlite): the plan list, the summary and the trend read from a database the size of
 * a province. Writes its own section (<!-- web-file:start -->) and leaves the bundle figures alone.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const dataFile = option('file') ? path.resolve(option('file')) : null;
const FIXED_TODAY = '2021-12-20';

/**
 * The JavaScript the first screen loads: the entry script and the chunks index.html preloads (pages that are
 * split off with React.lazy load later and are counted separately as `all`).
 */
function jsSizes(distDir) {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const all = fs.readdirSync(path.join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
  return {
    ...sizeOf(distDir, first),
    all: sizeOf(
      distDir,
      all.map((f) => `assets/${f}`),
    ),
  };
}

function sizeOf(distDir, files) {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(distDir, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

async function buildBoth() {
  await build({
    configFile: path.join(root, 'apps/web/vite.config.ts'),
    root: path.join(root, 'apps/web'),
    logLevel: 'warn',
  });
  const minimalOut = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-web-'));
  await build({
    configFile: false,
    root: path.join(here, 'minimal'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: minimalOut, emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  });
  const result = { app: jsSizes(path.join(root, 'apps/web/dist')), minimal: jsSizes(minimalOut) };
  fs.rmSync(minimalOut, { recursive: true, force: true });
  return result;
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startProduct() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-bench-web-db-'));
  const port = await freePort();
  const file = path.join(dir, 't.sqlite');
  // A copy, so that the benchmark file stays as the evaluation benchmark left it; the same date it was evaluated on;
  // no supervision run (on a synthetic history its start-up run would first send a reminder for every gap).
  if (dataFile) fs.copyFileSync(dataFile, file);
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      SQLITE_PATH: file,
      UPLOADS_DIR: path.join(dir, 'up'),
      DATABASE_URL: '',
      ...(dataFile ? { FIXED_TODAY, SUPERVISION: '0' } : {}),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  // A province-sized file takes a while to open and check what is due: allow minutes, not seconds.
  for (let i = 0; i < (dataFile ? 1500 : 150); i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measureLcp(url, query = '') {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const login = await browser.newContext({ locale: 'zh-CN' });
    const page = await login.newPage();
    await page.goto(url);
    await page.getByLabel('用户名').fill('leader');
    await page.getByLabel('密码').fill('taizhang-leader');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('indicator-tile').first().waitFor();
    const storageState = await login.storageState();
    await login.close();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({
        locale: 'zh-CN',
        viewport: { width: 1280, height: 900 },
        storageState,
      });
      const p = await context.newPage();
      await p.addInitScript(() => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1);
          window.__lcp = {
            time: last.startTime,
            element: last.element
              ? last.element.tagName.toLowerCase() + (last.element.id ? `#${last.element.id}` : '')
              : '',
          };
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await p.goto(`${url}/${query}`);
      await p.getByTestId('indicator-tile').first().waitFor();
      await p.locator('figure.chart canvas').waitFor();
      await p.waitForTimeout(500);
      samples.push(await p.evaluate(() => window.__lcp));
      await context.close();
    }
    return samples;
  } finally {
    await browser.close();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const writeSection = (name, section) => {
  const resultsFile = path.join(root, 'bench/RESULTS.md');
  const existing = fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, 'utf8') : '';
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  const updated = marked.test(existing)
    ? existing.replace(marked, section)
    : `${existing.trimEnd()}${existing ? '\n\n' : ''}${section}\n`;
  fs.writeFileSync(resultsFile, updated);
  console.log(section);
};

if (dataFile) {
  // One 2021 plan in the middle of the file, and what the file holds.
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(dataFile, { readonly: true });
  const count = (table) => db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
  const facts = { plans: count('plans'), submissions: count('submissions'), evaluations: count('evaluations') };
  const plans = db.prepare("SELECT id, code FROM plans WHERE code LIKE 'bench-%-2021' ORDER BY id").all();
  const plan = plans[Math.floor(plans.length / 2)];
  db.close();
  const bytes = fs.statSync(dataFile).size;
  const product = await startProduct();
  let samples;
  try {
    samples = await measureLcp(product.url, `?plan=${plan.id}`);
  } finally {
    product.stop();
  }
  const times = samples.map((s) => s.time).sort((a, b) => a - b);
  const n = (x) => x.toLocaleString('en-US');
  writeSection(
    'web-file',
    `<!-- web-file:start -->
### Largest Contentful Paint with a generated database (\`${path.basename(dataFile)}\`)

Measured by \`node bench/web/run.mjs --file ${path.relative(root, dataFile)}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s): the overview of plan \`${plan.code}\` (30 departments, 50 metrics) in a copy of the evaluated benchmark file — ${n(facts.plans)} plans (the plan selector lists them all), ${n(facts.submissions)} submissions, ${n(facts.evaluations)} evaluations, ${(bytes / 2 ** 30).toFixed(1)} GiB — FIXED_TODAY ${FIXED_TODAY}, SUPERVISION=0, signed in as \`leader\`, 1280×900, cold cache, ${runs} loads: **median ${Math.round(times[Math.floor(times.length / 2)])} ms** (min ${Math.round(times[0])}, max ${Math.round(times.at(-1))}); LCP element: \`${samples[0].element}\`. Goal: under 1.5 s.
<!-- web-file:end -->`,
  );
  process.exit(0);
}

const sizes = await buildBoth();
const product = await startProduct();
let samples;
try {
  samples = await measureLcp(product.url);
} finally {
  product.stop();
}
const times = samples.map((s) => s.time).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

const section = `<!-- web:start -->
## Web

Measured by \`npm run bench:web\` (\`bench/web/run.mjs\`) on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} CPU(s), Node ${process.version}. Measured, not asserted.

| JavaScript (Vite production build) | files | raw | gzip |
| --- | ---: | ---: | ---: |
| The web app: what the overview loads (entry + preloaded chunks) | ${sizes.app.files} | ${kb(sizes.app.raw)} | ${kb(sizes.app.gzip)} |
| The web app: every chunk, all pages | ${sizes.app.all.files} | ${kb(sizes.app.all.raw)} | ${kb(sizes.app.all.gzip)} |
| Baseline: React + react-chartjs-2 with the same chart.js parts | ${sizes.minimal.files} | ${kb(sizes.minimal.raw)} | ${kb(sizes.minimal.gzip)} |
| The app's own code on top of the baseline | | ${kb(sizes.app.raw - sizes.minimal.raw)} | ${kb(sizes.app.gzip - sizes.minimal.gzip)} |

Largest Contentful Paint of the overview (signed in as \`leader\`, 1280×900, headless Chromium, same machine as the API, cold cache, ${runs} loads): **median ${Math.round(median)} ms** (min ${Math.round(times[0])}, max ${Math.round(times.at(-1))}); LCP element: \`${samples[0].element}\`. Loopback network, so this is rendering and API time, not a mobile-network figure.
<!-- web:end -->`;

writeSection('web', section);
