#!/usr/bin/env node
/**
 * The plan parser (libs/domain plan-parser, what the plan import uses) measured on real ledgers: recall and precision
 * of the targets it reads against hand labels.
 *
 *   npm run import:eval                       (builds libs/domain, then runs this)
 *   node bench/import-eval.mjs [--ledgers DIR] [--seeds DIR] [--verbose] [--no-write]
 *
 * Ledgers: every NAME.txt with NAME.targets.json in DIR (default ../shared/ledgers; conventions in its README.md).
 * Matching rule, one to one: a label and a parsed target match when
 *   1. the unit is the same (labels' "%" = percent, "working_days" = working-days), and
 *   2. the comparator is the same (">=" = gte, "<=" = lte, "=" = eq), and
 *   3. the value is the same, or for a date target the deadline (MM-DD) is the same, and
 *   4. the target's source span overlaps the label's quote in the text (the quote's only occurrence).
 * Period, kind, task and a non-date target's deadline are not required (reported as period agreement).
 * Labels are taken in file order; each takes the first unused target that fits.
 * Recall = matched labels / labels; precision = matched targets / targets the parser read (0 read: precision 1).
 * The Hongqiao seed ledger is scored as its spec does: a seed metric matches a target of the same task with the same
 * kind, comparator, target, unit, period and deadline (words overlapping the metric's source first).
 * Writes its own section of bench/RESULTS.md (<!-- import-eval:start --> … <!-- import-eval:end -->).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
const ledgersDir = path.resolve(root, opt('ledgers', '../shared/ledgers'));
const seedsDir = path.resolve(root, opt('seeds', 'seeds'));
const domain = require(path.join(root, 'libs/domain/dist'));

const UNIT = { '%': 'percent', working_days: 'working-days' };
const COMPARATOR = { '>=': 'gte', '<=': 'lte', '=': 'eq' };

const allTargets = (plan) => domain.parsedTasks(plan).flatMap((t) => t.targets);

function scoreLedger(name) {
  const text = fs.readFileSync(path.join(ledgersDir, `${name}.txt`), 'utf8');
  const labels = JSON.parse(fs.readFileSync(path.join(ledgersDir, `${name}.targets.json`), 'utf8'));
  const targets = allTargets(domain.parsePlan(text));
  const used = new Set();
  const misses = [];
  let periodAgree = 0;
  for (const label of labels) {
    const at = text.indexOf(label.quote);
    const quote = { start: at, end: at + label.quote.length };
    const unit = UNIT[label.unit] ?? label.unit;
    const fits = (t) =>
      !used.has(t) &&
      t.unit === unit &&
      t.comparator === COMPARATOR[label.comparator] &&
      (unit === 'date' ? t.deadline === label.deadline : t.target === label.value) &&
      t.span.start < quote.end &&
      quote.start < t.span.end;
    const pick = at >= 0 ? targets.find(fits) : undefined;
    if (!pick) {
      misses.push(label);
      continue;
    }
    used.add(pick);
    if (pick.period === (label.period ?? (unit === 'date' ? 'year' : null))) periodAgree++;
  }
  const extra = targets.filter((t) => !used.has(t));
  return { name, labels: labels.length, found: targets.length, matched: used.size, periodAgree, misses, extra };
}

function scoreHongqiao() {
  const ledger = fs.readFileSync(path.join(seedsDir, 'hongqiao-2020-plan-ledger.txt'), 'utf8');
  const seed = JSON.parse(fs.readFileSync(path.join(seedsDir, 'hongqiao-2020-plan.json'), 'utf8'));
  const tasks = domain.parsedTasks(domain.parsePlan(ledger, { departmentAliases: { 区生态局: '区生态环境局' } }));
  const FIELDS = ['kind', 'comparator', 'target', 'unit', 'period', 'deadline'];
  const used = new Map();
  const overlap = (m, t) => m.source.includes(t.span.text) || t.span.text.includes(m.source);
  for (const pass of [overlap, () => true]) {
    for (const m of seed.metrics) {
      if (used.has(m)) continue;
      const taken = new Set(used.values());
      const task = tasks.find((t) => t.number === m.taskNumber);
      const pick = task?.targets.find((t) => !taken.has(t) && FIELDS.every((k) => m[k] === t[k]) && pass(m, t));
      if (pick) used.set(m, pick);
    }
  }
  const found = tasks.flatMap((t) => t.targets).length;
  return {
    labels: seed.metrics.length,
    found,
    matched: used.size,
    misses: seed.metrics.filter((m) => !used.has(m)).map((m) => m.code),
  };
}

const names = fs
  .readdirSync(ledgersDir)
  .filter((f) => f.endsWith('.targets.json'))
  .map((f) => f.slice(0, -'.targets.json'.length))
  .filter((n) => fs.existsSync(path.join(ledgersDir, `${n}.txt`)))
  .sort();
const rows = names.map(scoreLedger);
const hq = scoreHongqiao();
const ratio = (a, b, empty = 1) => (b === 0 ? empty : a / b);
const f2 = (x) => x.toFixed(2);
const total = rows.reduce(
  (s, r) => ({
    labels: s.labels + r.labels,
    found: s.found + r.found,
    matched: s.matched + r.matched,
    periodAgree: s.periodAgree + r.periodAgree,
  }),
  { labels: 0, found: 0, matched: 0, periodAgree: 0 },
);

if (flag('verbose')) {
  for (const r of rows) {
    if (!r.misses.length && !r.extra.length) continue;
    console.log(`\n## ${r.name}`);
    for (const m of r.misses)
      console.log(`  MISS  ${m.quote}  ${m.comparator} ${m.value} ${m.unit} ${m.deadline ?? ''}`);
    for (const t of r.extra)
      console.log(`  EXTRA ${JSON.stringify(t.span.text)}  ${t.comparator} ${t.target} ${t.unit} ${t.deadline ?? ''}`);
  }
  console.log(`\nHongqiao misses: ${hq.misses.join(', ')}`);
}

const marker = 'import-eval';
const table = rows
  .map(
    (r) =>
      `| ${r.name} | ${r.labels} | ${r.found} | ${r.matched} | ${r.labels ? f2(ratio(r.matched, r.labels)) : '–'} | ${f2(ratio(r.matched, r.found))} |`,
  )
  .join('\n');
const section = `<!-- ${marker}:start -->
## Plan parser on real ledgers (issue #18)

Measured by \`npm run import:eval\` (\`node bench/import-eval.mjs\` after building libs/domain) on ${new Date().toISOString().slice(0, 10)}: the plan parser (\`parsePlan\`, what the plan import uses) on the ${rows.length} ledger excerpts of \`../shared/ledgers/\` (${total.labels} hand-labelled targets) and on the Hongqiao seed ledger. A label and a parsed target match one to one when unit, comparator and value (a date target: its MM-DD) are the same and the target's source span overlaps the label's quote; period, kind and a non-date target's deadline are not required. Recall = matched labels / labels, precision = matched targets / targets read.

**Overall: recall ${f2(ratio(total.matched, total.labels))} (${total.matched}/${total.labels}), precision ${f2(ratio(total.matched, total.found))} (${total.matched}/${total.found})**; period agrees on ${total.periodAgree} of ${total.matched} matches. **Hongqiao seed: ${hq.matched}/${hq.labels}** seed metrics found (all six fields and the task equal), ${hq.found} targets read${hq.misses.length ? `; missed ${hq.misses.join(', ')}` : ''}.

| ledger | labels | read | matched | recall | precision |
|---|---:|---:|---:|---:|---:|
${table}
| **all** | ${total.labels} | ${total.found} | ${total.matched} | ${f2(ratio(total.matched, total.labels))} | ${f2(ratio(total.matched, total.found))} |
<!-- ${marker}:end -->`;

if (!flag('no-write')) {
  const resultsFile = path.join(here, 'RESULTS.md');
  const existing = fs.readFileSync(resultsFile, 'utf8');
  const marked = new RegExp(`<!-- ${marker}:start -->[\\s\\S]*?<!-- ${marker}:end -->`);
  fs.writeFileSync(
    resultsFile,
    marked.test(existing) ? existing.replace(marked, () => section) : `${existing.trimEnd()}\n\n${section}\n`,
  );
}
console.log(section);
