import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateDemoHistory } from './demo-history';
import { evaluatePeriod } from './evaluate-period';
import type { Evaluation } from './evaluation';
import { validateFigure } from './figure';
import type { MetricDefinition } from './metric';
import { withDefaultRules } from './metric-rules';
import { reportingPeriods } from './period';
import type { PlanSeed } from './plan-seed';
import { WorkingDayCalendar } from './working-day-calendar';
import { calendarYearsFromChineseDays } from './working-day-calendar.chinese-days';

const plan: PlanSeed = JSON.parse(readFileSync(path.join(__dirname, '../../../seeds/hongqiao-2020-plan.json'), 'utf8'));
const calendar = new WorkingDayCalendar(calendarYearsFromChineseDays(chineseDaysData, [2020, 2021, 2026]));
const ctx = { today: '2026-01-01', calendar };

// As the seed loader does: each metric is reported by the lead departments of its task's indicator.
const leads = new Map<number, string[]>();
for (const first of plan.indicators)
  for (const second of first.children) for (const t of second.tasks) leads.set(t.number, second.leadDepartments);
const metrics = plan.metrics.map((m) => ({ ...m, departmentCodes: leads.get(m.taskNumber) ?? [] }));

type Metric = MetricDefinition & { departmentCodes: string[] };
const key = (s: { metricCode: string; departmentCode: string; periodKey: string }) =>
  `${s.metricCode}|${s.departmentCode}|${s.periodKey}`;

/** Every department's evaluation for every period of every metric, submitted or not. */
function evaluateAll(
  list: Metric[],
  seed?: number,
): Array<{ metric: Metric; periodKey: string; evaluation: Evaluation }> {
  const byKey = new Map(generateDemoHistory(list, 2020, seed).map((s) => [key(s), s.figure]));
  return list.flatMap((metric) => {
    const ruled = withDefaultRules(metric);
    return metric.departmentCodes.flatMap((departmentCode) =>
      reportingPeriods(ruled, 2020).map((p) => ({
        metric,
        periodKey: p.key,
        evaluation: evaluatePeriod(
          ruled,
          p,
          byKey.get(key({ metricCode: metric.code, departmentCode, periodKey: p.key })),
          ctx,
        ),
      })),
    );
  });
}

describe(generateDemoHistory.name, () => {
  it('gives the same history for the same seed, and another for another seed', () => {
    const history = generateDemoHistory(metrics, 2020);
    expect(generateDemoHistory(metrics, 2020, 2020)).toEqual(history);
    expect(generateDemoHistory(metrics, 2020, 7)).toEqual(generateDemoHistory(metrics, 2020, 7));
    expect(generateDemoHistory(metrics, 2020, 7)).not.toEqual(history);
  });

  it("reports only the metric's own periods and departments, each at most once", () => {
    const history = generateDemoHistory(metrics, 2020);
    const byCode = new Map(metrics.map((m) => [m.code, m]));
    for (const s of history) {
      const m = byCode.get(s.metricCode)!;
      expect(m).toBeDefined();
      expect(m.departmentCodes).toContain(s.departmentCode);
      expect(reportingPeriods(withDefaultRules(m), 2020).map((p) => p.key)).toContain(s.periodKey);
    }
    expect(new Set(history.map(key)).size).toBe(history.length);
    expect(generateDemoHistory([{ ...metrics[0], departmentCodes: [] }], 2020)).toEqual([]);
  });

  it('gives figures that pass validateFigure for their metric', () => {
    for (const seed of [2020, 1, 99]) {
      const byCode = new Map(metrics.map((m) => [m.code, m]));
      for (const s of generateDemoHistory(metrics, 2020, seed)) {
        expect({ at: key(s), problems: validateFigure(byCode.get(s.metricCode)!, s.figure) }).toEqual({
          at: key(s),
          problems: [],
        });
      }
    }
  });

  it('over the Hongqiao 2020 plan, as of 2026-01-01, shows green, amber and red, and a few overdue', () => {
    const all = evaluateAll(metrics);
    const count = (pred: (e: Evaluation) => boolean) => all.filter((a) => pred(a.evaluation)).length;
    expect(count((e) => e.status === 'green')).toBeGreaterThan(all.length / 2);
    expect(count((e) => e.status === 'amber')).toBeGreaterThan(0);
    expect(count((e) => e.status === 'red' && e.basis !== 'overdue')).toBeGreaterThan(0);
    const overdue = count((e) => e.basis === 'overdue');
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(all.length / 10);
    // Long after the year, nothing is still waiting to be due.
    expect(count((e) => e.basis === 'not-due')).toBe(0);
  });

  it('only ever makes the first case of a period miss: every other case meets its limit, in working days, over Spring Festival, Dragon Boat and National Day', () => {
    const caseMetrics = metrics.filter((m) => m.kind === 'case');
    expect(caseMetrics.some((m) => m.unit === 'working-days' && m.comparator === 'gte')).toBe(true);
    const failures: string[] = [];
    for (const seed of [1, 3, 17, 2020, 4242]) {
      for (const s of generateDemoHistory(caseMetrics, 2020, seed)) {
        const m = withDefaultRules(caseMetrics.find((x) => x.code === s.metricCode)!);
        if (s.figure.type !== 'cases') throw new Error(`${key(s)} is not a case figure`);
        const rest = s.figure.cases.slice(1);
        const e = evaluatePeriod(
          m,
          reportingPeriods(m, 2020).find((p) => p.key === s.periodKey)!,
          { type: 'cases', cases: rest },
          ctx,
        );
        if (rest.length > 0 && e.status !== 'green') failures.push(`seed ${seed} ${key(s)}: ${e.reasonZh}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a deadline figure is green when done by the deadline, red when done after it', () => {
    const deadlines = metrics.filter((m) => m.kind === 'deadline');
    for (const seed of [1, 3, 17, 2020]) {
      for (const s of generateDemoHistory(deadlines, 2020, seed)) {
        const m = withDefaultRules(deadlines.find((x) => x.code === s.metricCode)!);
        const p = reportingPeriods(m, 2020)[0];
        if (s.figure.type !== 'completion') throw new Error(`${key(s)} is not a completion`);
        expect(evaluatePeriod(m, p, s.figure, ctx).status).toBe(s.figure.completedOn! <= p.end ? 'green' : 'red');
      }
    }
  });
});
