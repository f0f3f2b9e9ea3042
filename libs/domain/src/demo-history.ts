import type { CaseRecord, Figure } from './figure';
import { isDurationUnit } from './figure';
import type { MetricDefinition } from './metric';
import { expectedByPeriod } from './evaluate-period';
import { defaultFrequency, toleranceBand } from './metric-rules';
import { reportingPeriods, type ReportingPeriod } from './period';

export interface DemoSubmission {
  metricCode: string;
  departmentCode: string;
  periodKey: string;
  figure: Figure;
  /** Calendar days before the due date the figures arrived; negative when they came late. */
  daysBeforeDue: number;
}

type Outcome = 'met' | 'near' | 'missed' | 'missing';

/**
 * A deterministic, plausible year of submissions for demonstrating a plan: most figures on target,
 * some near it, some missed, a few never sent. The same inputs always give the same history.
 */
export function generateDemoHistory(
  metrics: Array<MetricDefinition & { departmentCodes: string[] }>,
  year: number,
  seed = 2020,
): DemoSubmission[] {
  const random = mulberry32(seed);
  const out: DemoSubmission[] = [];
  for (const metric of metrics) {
    for (const departmentCode of metric.departmentCodes) {
      // Each department has a temper for each metric, so that its months tell a consistent story.
      const temper = random();
      for (const period of reportingPeriods(metric, year)) {
        const outcome = drawOutcome(random(), temper);
        if (outcome === 'missing') continue;
        const figure = demoFigure(metric, outcome, period, random);
        // Most departments report in the last days before the due date; about one in twelve is late.
        const daysBeforeDue = random() < 0.08 ? -1 - Math.floor(random() * 6) : Math.floor(random() * 7);
        out.push({ metricCode: metric.code, departmentCode, periodKey: period.key, figure, daysBeforeDue });
      }
    }
  }
  return out;
}

function drawOutcome(r: number, temper: number): Outcome {
  // Most departments are reliable; about one in ten struggles with a given metric.
  const missedShare = temper > 0.9 ? 0.3 : 0.02;
  if (r < 0.015) return 'missing';
  if (r < 0.015 + missedShare) return 'missed';
  if (r < 0.095 + missedShare) return 'near';
  return 'met';
}

function demoFigure(
  metric: MetricDefinition,
  outcome: Exclude<Outcome, 'missing'>,
  period: ReportingPeriod,
  random: () => number,
): Figure {
  if (metric.kind === 'deadline') {
    const shift = outcome === 'met' ? -Math.ceil(random() * 20) : outcome === 'near' ? 0 : Math.ceil(random() * 15);
    return { type: 'completion', completedOn: addDays(period.end, shift) };
  }
  if (metric.kind === 'case') return { type: 'cases', cases: demoCases(metric, outcome, period, random) };
  const ruled = { ...metric, frequency: defaultFrequency(metric), tolerance: null };
  const expected = expectedByPeriod(ruled, period);
  const band = Math.max(toleranceBand(ruled), metric.unit === 'percent' ? 0 : 1);
  const gap =
    outcome === 'met'
      ? -random() * band
      : outcome === 'near'
        ? band * (0.2 + 0.7 * random())
        : band * (1.3 + 2 * random());
  const raw = metric.comparator === 'lte' ? expected + gap : expected - gap;
  if (metric.unit !== 'percent')
    return { type: 'value', value: Math.max(0, outcome === 'met' ? Math.ceil(raw) : Math.floor(raw)) };
  const percent = Math.min(100, Math.max(0, outcome === 'met' && metric.comparator === 'eq' ? expected : raw));
  // Rates arrive as numerator and denominator, the way departments count them ("审核 37 件 of 37 件").
  const denominator = 20 + Math.floor(random() * 80);
  const numerator = Math.min(
    denominator,
    Math.max(
      0,
      metric.comparator === 'gte' && outcome === 'met'
        ? Math.ceil((percent / 100) * denominator)
        : Math.round((percent / 100) * denominator),
    ),
  );
  return { type: 'ratio', numerator, denominator };
}

function demoCases(
  metric: MetricDefinition,
  outcome: Exclude<Outcome, 'missing'>,
  period: ReportingPeriod,
  random: () => number,
): CaseRecord[] {
  const count = 1 + Math.floor(random() * 4);
  const target = metric.target ?? 0;
  return Array.from({ length: count }, (_, i) => {
    const bad = outcome === 'missed' && i === 0;
    const reference = `${metric.code}-${period.key}-${String(i + 1).padStart(2, '0')}`;
    if (!isDurationUnit(metric.unit)) {
      const value = bad
        ? Math.max(0, target - 1)
        : metric.comparator === 'gte'
          ? target + Math.floor(random() * 2)
          : target;
      return { reference, startDate: null, completedOn: null, value };
    }
    const startDate = addDays(period.start, Math.floor(random() * 20));
    // Calendar days that land comfortably inside (or, for a bad case, outside) a working-day limit. A minimum
    // in working days needs room for a long holiday (Spring Festival, National Day: up to 8 days off in a row).
    const holidaySlack = metric.unit === 'working-days' ? 10 : 0;
    const inside =
      metric.comparator === 'lte'
        ? Math.max(1, Math.floor(target * (0.5 + 0.4 * random())))
        : Math.ceil(target * 1.6) + holidaySlack + Math.floor(random() * 5);
    const outside = metric.comparator === 'lte' ? Math.ceil(target * 2) + 3 : Math.max(1, Math.floor(target * 0.5));
    return { reference, startDate, completedOn: addDays(startDate, bad ? outside : inside), value: null };
  });
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small seeded PRNG (mulberry32): enough for demo data, and reproducible across platforms. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
