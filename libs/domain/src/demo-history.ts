import type { MetricDefinition } from './metric';
import { reportingPeriods } from './period';

export interface DemoSubmission {
  metricCode: string;
  departmentCode: string;
  periodKey: string;
  periodEnd: string;
  value: number | null;
  completedOn: string | null;
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
      // Each department has a temper for each metric, so its months tell a consistent story.
      const temper = random();
      for (const period of reportingPeriods(metric, year)) {
        const outcome = drawOutcome(random(), temper);
        if (outcome === 'missing') continue;
        out.push({
          metricCode: metric.code,
          departmentCode,
          periodKey: period.key,
          periodEnd: period.end,
          ...demoFigure(metric, outcome, period.end, random),
        });
      }
    }
  }
  return out;
}

function drawOutcome(r: number, temper: number): Outcome {
  const missedShare = temper > 0.85 ? 0.3 : 0.06;
  if (r < 0.04) return 'missing';
  if (r < 0.04 + missedShare) return 'missed';
  if (r < 0.14 + missedShare) return 'near';
  return 'met';
}

function demoFigure(metric: MetricDefinition, outcome: Exclude<Outcome, 'missing'>, periodEnd: string, random: () => number) {
  if (metric.kind === 'deadline') {
    const due = new Date(`${periodEnd}T00:00:00Z`);
    const shiftDays = outcome === 'met' ? -Math.ceil(random() * 20) : outcome === 'near' ? 0 : Math.ceil(random() * 15);
    due.setUTCDate(due.getUTCDate() + shiftDays);
    return { value: null, completedOn: due.toISOString().slice(0, 10) };
  }
  const target = metric.target ?? 0;
  const month = Number(periodEnd.slice(5, 7));
  const expected = metric.kind === 'annual-count' && metric.period === 'year' ? (target * month) / 12 : target;
  const band = metric.unit === 'percent' ? 5 : Math.max(Math.abs(target) * 0.1, 0.5);
  // How far the figure falls short of the target, in the direction that counts as missing it.
  const shortfall = outcome === 'met' ? -random() * band : outcome === 'near' ? band * (0.2 + 0.7 * random()) : band * (1.3 + 2 * random());
  let value = metric.comparator === 'lte' ? expected + shortfall : expected - shortfall;
  if (metric.comparator === 'eq' && outcome === 'met') value = expected;
  if (metric.unit === 'percent') value = Math.min(100, Math.max(0, Math.round(value * 10) / 10));
  else value = Math.max(0, metric.kind === 'annual-count' && outcome === 'met' ? Math.ceil(value) : Math.round(value));
  return { value, completedOn: null };
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
