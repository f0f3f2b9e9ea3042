#!/usr/bin/env node
'use strict';
/**
 * Synthetic data for the evaluation benchmark (bench/evaluate.js): a fresh SQLite file with the app's own
 * migrations, then districts bulk-inserted with prepared statements, one transaction per district.
 *
 * Per district: 30 departments; a plan for 2020 and one for 2021, each with the demo plan's indicator tree
 * and its 50 metrics (the seed's mix of rates, counts, deadlines and case records); all 30 departments
 * linked to every second-level indicator (1 lead, 29 responsible); a submission per department per
 * reporting period from the domain's generateDemoHistory (deterministic), about 3% of them with a
 * superseded first revision so that "latest revision" matters.
 *
 *   node bench/generate.js --scale district|city|province [--districts N] [--out FILE]
 *
 * Needs the built packages: npx nx run-many -t build -p domain contracts api
 */
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '..');
const Database = require('better-sqlite3');
const domain = require(path.join(root, 'libs/domain/dist'));
const { createApp } = require(path.join(root, 'apps/api/dist/app.factory'));
const { loadConfig } = require(path.join(root, 'apps/api/dist/config/app-config'));
const { readPlanSeed, DEMO_PLAN_FILE } = require(path.join(root, 'apps/api/dist/seeding/seed-loader.service'));

const SCALES = { district: 1, city: 100, province: 1000 };
const DEPARTMENTS_PER_DISTRICT = 30;
const YEARS = [2020, 2021];
const CREATED_AT = '2022-01-01T00:00:00.000Z';

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

/** A config for starting the real app on a file, without demo history and without a scheduled tick during a run. */
function appConfig(file, extra = {}) {
  return loadConfig({
    PORT: '0',
    WEB_DIST: '',
    DEMO: '0',
    SQLITE_PATH: file,
    EVALUATION_CRON: '0 0 1 1 *',
    FIXED_TODAY: '2021-12-20',
    ...extra,
  });
}

async function migrate(file) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The app's own start-up: migrations, the working-day calendar, the demo plan (no history), a first cycle.
  const app = await createApp(appConfig(file), { quiet: true });
  await app.init();
  await app.close();
}

async function generate({ file, districts }) {
  const started = Date.now();
  await migrate(file);
  const seed = readPlanSeed(path.join(root, 'seeds', DEMO_PLAN_FILE));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  // The start-up cycle evaluated the (empty) demo plan; the benchmark's first cycle should write everything.
  db.exec('DELETE FROM evaluations');
  db.exec('DELETE FROM evaluation_checks');

  const ins = {
    department: db.prepare('INSERT INTO departments (code, name, is_group) VALUES (?, ?, 0)'),
    plan: db.prepare(
      'INSERT INTO plans (code, title, year, district, source, demo, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
    ),
    indicator: db.prepare('INSERT INTO indicators (plan_id, parent_id, level, number, title) VALUES (?, ?, ?, ?, ?)'),
    link: db.prepare('INSERT INTO indicator_departments (indicator_id, department_id, role) VALUES (?, ?, ?)'),
    task: db.prepare('INSERT INTO tasks (plan_id, indicator_id, number, text, raw_text) VALUES (?, ?, ?, ?, ?)'),
    metric:
      db.prepare(`INSERT INTO metrics (plan_id, task_id, code, name, name_en, kind, comparator, target, unit, period, deadline, source, note,
      frequency, tolerance, due_working_days, warn_working_days, consolidated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    submission:
      db.prepare(`INSERT INTO submissions (metric_id, department_id, period_key, period_end, revision, value, completed_on, note, origin, created_at,
      figure_type, numerator, denominator) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'demo', ?, ?, ?, ?)`),
    kase: db.prepare(
      'INSERT INTO submission_cases (submission_id, reference, start_date, completed_on, value) VALUES (?, ?, ?, ?, ?)',
    ),
  };

  const ruled = seed.metrics.map((m) => domain.withDefaultRules(m));
  // Period ends by metric code and year, computed once.
  const periodEnds = new Map();
  for (const m of ruled)
    for (const y of YEARS) for (const p of domain.reportingPeriods(m, y)) periodEnds.set(`${m.code}|${p.key}`, p.end);

  const counts = { departments: 0, plans: 0, metrics: 0, submissions: 0, revisions: 0, cases: 0 };
  const insertSubmission = (metricId, departmentId, periodKey, periodEnd, revision, f) => {
    const r = ins.submission.run(
      metricId,
      departmentId,
      periodKey,
      periodEnd,
      revision,
      f.type === 'value' ? f.value : null,
      f.type === 'completion' ? f.completedOn : null,
      CREATED_AT,
      f.type,
      f.type === 'ratio' ? f.numerator : null,
      f.type === 'ratio' ? f.denominator : null,
    );
    counts.submissions++;
    if (f.type === 'cases') {
      for (const c of f.cases) ins.kase.run(r.lastInsertRowid, c.reference, c.startDate, c.completedOn, c.value);
      counts.cases += f.cases.length;
    }
  };

  const district = db.transaction((d) => {
    const tag = String(d + 1).padStart(4, '0');
    const districtName = `合成区${tag}`;
    const deptIds = new Map();
    for (let k = 1; k <= DEPARTMENTS_PER_DISTRICT; k++) {
      const code = `d${tag}-dept-${String(k).padStart(2, '0')}`;
      deptIds.set(code, Number(ins.department.run(code, `${districtName}第${k}部门`).lastInsertRowid));
      counts.departments++;
    }
    const deptCodes = [...deptIds.keys()];
    for (const year of YEARS) {
      const planId = Number(
        ins.plan.run(
          `bench-${tag}-${year}`,
          `${districtName}${year}年法治政府建设年度计划（合成）`,
          year,
          districtName,
          'bench/generate.js',
          CREATED_AT,
        ).lastInsertRowid,
      );
      counts.plans++;
      const taskIds = new Map();
      for (const first of seed.indicators) {
        const parentId = Number(ins.indicator.run(planId, null, 1, first.number, first.title).lastInsertRowid);
        for (const second of first.children) {
          const indicatorId = Number(
            ins.indicator.run(planId, parentId, 2, second.number, second.title).lastInsertRowid,
          );
          deptCodes.forEach((code, i) =>
            ins.link.run(indicatorId, deptIds.get(code), i === 0 ? 'lead' : 'responsible'),
          );
          for (const task of second.tasks)
            taskIds.set(
              task.number,
              Number(ins.task.run(planId, indicatorId, task.number, task.text, task.rawText).lastInsertRowid),
            );
        }
      }
      const metricIds = new Map();
      seed.metrics.forEach((m, i) => {
        const r = ruled[i];
        metricIds.set(
          m.code,
          Number(
            ins.metric.run(
              planId,
              taskIds.get(m.taskNumber),
              m.code,
              m.name,
              m.nameEn,
              m.kind,
              m.comparator,
              m.target,
              m.unit,
              m.period,
              m.deadline,
              m.source,
              m.note,
              r.frequency,
              r.tolerance,
              r.dueWorkingDays,
              r.warnWorkingDays,
              r.consolidated ? 1 : 0,
            ).lastInsertRowid,
          ),
        );
        counts.metrics++;
      });
      const history = domain.generateDemoHistory(
        seed.metrics.map((m) => ({ ...m, departmentCodes: deptCodes })),
        year,
        7919 * (d + 1) + year,
      );
      history.forEach((h, i) => {
        const metricId = metricIds.get(h.metricCode);
        const departmentId = deptIds.get(h.departmentCode);
        const end = periodEnds.get(`${h.metricCode}|${h.periodKey}`);
        if (i % 33 === 0) {
          // A first revision that a correction superseded.
          insertSubmission(metricId, departmentId, h.periodKey, end, 1, draftOf(h.figure));
          insertSubmission(metricId, departmentId, h.periodKey, end, 2, h.figure);
          counts.revisions++;
        } else {
          insertSubmission(metricId, departmentId, h.periodKey, end, 1, h.figure);
        }
      });
    }
  });

  let lastReport = Date.now();
  for (let d = 0; d < districts; d++) {
    district(d);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.error(
        `  ${d + 1}/${districts} districts, ${counts.submissions} submissions, ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const seconds = (Date.now() - started) / 1000;
  const bytes = fs.statSync(file).size;
  return { file, districts, ...counts, seconds, bytes };
}

/** A plausible earlier draft of a figure, later corrected. */
function draftOf(f) {
  switch (f.type) {
    case 'value':
      return { type: 'value', value: f.value + 1 };
    case 'ratio':
      return { type: 'ratio', numerator: Math.max(0, f.numerator - 1), denominator: f.denominator };
    case 'completion':
      return { type: 'completion', completedOn: null };
    case 'cases':
      return {
        type: 'cases',
        cases: f.cases
          .slice(0, Math.max(1, f.cases.length - 1))
          .map((c) => ({ ...c, reference: `${c.reference}-draft` })),
      };
  }
}

module.exports = { generate, appConfig, SCALES };

if (require.main === module) {
  const a = args(process.argv.slice(2));
  const scale = a.scale ?? 'district';
  if (!(scale in SCALES)) {
    console.error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
    process.exit(2);
  }
  const districts = Number(a.districts ?? SCALES[scale]);
  const file = path.resolve(
    a.out ?? path.join(root, 'bench/data', `${scale}${a.districts ? `-${districts}` : ''}.sqlite`),
  );
  generate({ file, districts }).then(
    (r) => console.log(JSON.stringify(r)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
