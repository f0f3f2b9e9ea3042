'use strict';
/**
 * The raw baselines' side of the evaluation benchmark, shared by bench/evaluate.js (better-sqlite3) and
 * bench/evaluate-postgres.mjs (pg): what a hand-written loop does with one plan's rows — the latest revision per
 * metric, department and period, case records attached, the domain's rules per period, and "unchanged writes
 * nothing" — with the rows already read and the writes left to the caller.
 */
const path = require('node:path');
const domain = require(path.join(__dirname, '../libs/domain/dist'));

/** The working-day calendar from the calendar tables' rows. */
function calendarFrom(years, days) {
  return new domain.WorkingDayCalendar(
    years.map((y) => ({
      year: y.year,
      source: y.source,
      holidays: days
        .filter((d) => d.year === y.year && d.kind === 'holiday')
        .map((d) => d.date)
        .sort(),
      makeUpWorkdays: days
        .filter((d) => d.year === y.year && d.kind === 'workday')
        .map((d) => d.date)
        .sort(),
    })),
  );
}

/**
 * Evaluates one plan from its rows: metrics, links (metricId, departmentId, role, code, name, in query order),
 * submissions (by revision), cases (by id) and the current evaluations. Calls write(metricId, departmentId,
 * period, evaluation, before) for every evaluation that differs from the current one; returns how many it made.
 */
function evaluatePlanRows(plan, rows, ctx, write) {
  const assigned = new Map();
  for (const l of rows.links) {
    let list = assigned.get(l.metricId);
    if (!list) assigned.set(l.metricId, (list = new Map()));
    const d = list.get(l.departmentId);
    if (d) d.isLead ||= l.role === 'lead';
    else list.set(l.departmentId, { id: l.departmentId, code: l.code, name: l.name, isLead: l.role === 'lead' });
  }
  const latest = new Map();
  for (const s of rows.submissions) latest.set(`${s.metric_id}:${s.department_id}:${s.period_key}`, s);
  const cases = new Map();
  for (const s of latest.values()) if (s.figure_type === 'cases') cases.set(s.id, []);
  for (const c of rows.cases)
    cases
      .get(c.submission_id)
      ?.push({ reference: c.reference, startDate: c.start_date, completedOn: c.completed_on, value: c.value });
  const current = new Map();
  for (const e of rows.current) current.set(`${e.metric_id}:${e.department_id ?? '*'}:${e.period_key}`, e);
  let evaluated = 0;
  const consider = (metricId, departmentId, period, e) => {
    evaluated++;
    const before = current.get(`${metricId}:${departmentId ?? '*'}:${period.key}`);
    if (
      before &&
      before.status === e.status &&
      before.basis === e.basis &&
      before.value === e.value &&
      before.target === e.target &&
      before.reason_zh === e.reasonZh &&
      before.reason_en === e.reasonEn
    )
      return;
    write(metricId, departmentId, period, e, before);
  };
  for (const m of rows.metrics) {
    const ruled = {
      code: m.code,
      name: m.name,
      nameEn: m.name_en,
      kind: m.kind,
      comparator: m.comparator,
      target: m.target,
      unit: m.unit,
      period: m.period,
      deadline: m.deadline,
      frequency: m.frequency,
      tolerance: m.tolerance,
      dueWorkingDays: m.due_working_days,
      warnWorkingDays: m.warn_working_days,
      consolidated: !!m.consolidated,
    };
    const departments = [...(assigned.get(m.id)?.values() ?? [])];
    for (const period of domain.reportingPeriods(ruled, plan.year)) {
      if (period.start > ctx.today) continue;
      const results = departments.map((d) => {
        const s = latest.get(`${m.id}:${d.id}:${period.key}`);
        const figure = s && toFigure(s, cases.get(s.id));
        const evaluation = domain.evaluatePeriod(ruled, period, figure, ctx);
        consider(m.id, d.id, period, evaluation);
        return { department: d, figure, evaluation };
      });
      consider(m.id, null, period, domain.evaluateOverall(ruled, period, results, ctx));
    }
  }
  return evaluated;
}

function toFigure(s, cases) {
  switch (s.figure_type) {
    case 'ratio':
      return { type: 'ratio', numerator: s.numerator ?? 0, denominator: s.denominator ?? 0 };
    case 'cases':
      return { type: 'cases', cases: cases ?? [] };
    case 'completion':
      return { type: 'completion', completedOn: s.completed_on };
    case 'value':
      return { type: 'value', value: s.value ?? 0 };
  }
}

/** The baselines' queries, in the placeholder style of each driver ($1 for pg, ? for SQLite). */
function baselineQueries(p) {
  return {
    plans: 'SELECT id, year FROM plans ORDER BY id',
    metrics: `SELECT * FROM metrics WHERE plan_id = ${p} ORDER BY id`,
    links: `SELECT m.id AS "metricId", d.id AS "departmentId", l.role AS "role", d.code AS "code", d.name AS "name"
      FROM metrics m JOIN tasks t ON t.id = m.task_id JOIN indicator_departments l ON l.indicator_id = t.indicator_id
      JOIN departments d ON d.id = l.department_id AND d.is_group = ${p === '?' ? 0 : 'false'} WHERE m.plan_id = ${p} ORDER BY m.id, l.role, d.id`,
    submissions: `SELECT s.id, s.metric_id, s.department_id, s.period_key, s.figure_type, s.value, s.numerator, s.denominator, s.completed_on
      FROM submissions s JOIN metrics m ON m.id = s.metric_id WHERE m.plan_id = ${p} ORDER BY s.revision`,
    cases: `SELECT c.submission_id, c.reference, c.start_date, c.completed_on, c.value FROM submission_cases c
      JOIN submissions s ON s.id = c.submission_id JOIN metrics m ON m.id = s.metric_id WHERE m.plan_id = ${p} ORDER BY c.id`,
    current: `SELECT e.id, e.metric_id, e.department_id, e.period_key, e.status, e.basis, e.value, e.target, e.reason_zh, e.reason_en
      FROM evaluations e JOIN metrics m ON m.id = e.metric_id WHERE m.plan_id = ${p} AND e.superseded_at IS NULL`,
  };
}

module.exports = { calendarFrom, evaluatePlanRows, baselineQueries };
