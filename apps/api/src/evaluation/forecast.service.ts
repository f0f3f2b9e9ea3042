import { Injectable } from '@nestjs/common';
import type { FirstLevelNode } from '@taizhang/contracts';
import { forecastYearEnd, isForecastable, type Forecast, type ForecastPoint } from '@taizhang/domain';
import { groupBy } from '../common/group-by';
import type { MetricEntity } from '../metrics/metric.entity';
import type { EvaluationEntity } from './evaluation.entity';
import { EvaluationRepository } from './evaluation.repository';
import { toRuledMetric } from '../metrics/ruled-metric';
import type { LoadedPlan } from '../plans/plan-tree.service';

export type ForecastRow = Pick<EvaluationEntity, 'metricId' | 'departmentId' | 'periodKey' | 'periodEnd' | 'value'>;

/** Where each metric's year will end, from the overall year-to-date figures up to the period a page shows. */
@Injectable()
export class ForecastService {
  constructor(private readonly evaluations: EvaluationRepository) {}

  /**
   * The forecast of every forecastable metric as of the period it shows (`shown`: metric id → period key, null or
   * absent when it shows none), from the current evaluations `rows`; metrics that have no forecast are left out.
   */
  async forecasts(
    metrics: MetricEntity[],
    year: number,
    rows: ForecastRow[],
    shown: Map<number, string | null>,
  ): Promise<Map<number, Forecast>> {
    const forecastable = metrics.filter((m) => isForecastable(toRuledMetric(m)));
    const overall = groupBy(
      rows.filter((r) => r.departmentId === null),
      (r) => r.metricId,
    );
    const pointsOf = new Map(
      forecastable.map((m) => [m.id, pointsUpTo(overall.get(m.id) ?? [], shown.get(m.id) ?? null)]),
    );
    const pooled = await this.pooledRates(
      forecastable.filter((m) => m.unit === 'percent'),
      pointsOf,
    );
    return new Map(
      forecastable.map((m) => [
        m.id,
        forecastYearEnd(toRuledMetric(m), year, pointsOf.get(m.id)!, { denominatorsKnown: pooled.has(m.id) })!,
      ]),
    );
  }

  /** The forecasts of a plan's metrics as a month's tree shows them (each as of the period it shows). */
  ofTree(loaded: LoadedPlan, tree: FirstLevelNode[]): Promise<Map<number, Forecast>> {
    const shown = new Map(
      tree.flatMap((f) =>
        f.children.flatMap((s) => s.tasks.flatMap((t) => t.metrics.map((m) => [m.id, m.periodKey] as const))),
      ),
    );
    return this.forecasts(loaded.structure.metrics, loaded.plan.year, loaded.rows, shown);
  }

  /** One metric's forecast as of the period it shows; null when it has none (a deadline, a case metric, a quarterly target…). */
  async ofMetric(
    metric: MetricEntity,
    year: number,
    rows: ForecastRow[],
    shownPeriod: string | null,
  ): Promise<Forecast | null> {
    return (await this.forecasts([metric], year, rows, new Map([[metric.id, shownPeriod]]))).get(metric.id) ?? null;
  }

  /** Rate metrics whose latest figure was reported by every department as a numerator and a denominator. */
  private async pooledRates(metrics: MetricEntity[], pointsOf: Map<number, ForecastPoint[]>): Promise<Set<number>> {
    const latestKey = new Map(
      metrics.flatMap((m) => {
        const latest = pointsOf.get(m.id)?.at(-1);
        return latest ? [[m.id, latest.periodKey] as const] : [];
      }),
    );
    if (latestKey.size === 0) return new Set();
    const { figures } = await this.evaluations.loadFigures([...latestKey.keys()], [...new Set(latestKey.values())]);
    const ratios = new Map<number, boolean>();
    for (const [key, figure] of figures) {
      const [metricId, , periodKey] = key.split(':');
      const id = Number(metricId);
      if (latestKey.get(id) !== periodKey) continue;
      ratios.set(id, (ratios.get(id) ?? true) && figure.type === 'ratio');
    }
    return new Set([...ratios].filter(([, all]) => all).map(([id]) => id));
  }
}

/** The figures of the periods that ended by the shown one's end, oldest first. */
function pointsUpTo(rows: ForecastRow[], shownPeriod: string | null): ForecastPoint[] {
  const until = rows.find((r) => r.periodKey === shownPeriod)?.periodEnd;
  if (!until) return [];
  return rows
    .filter((r) => r.periodEnd <= until && r.value !== null)
    .map((r) => ({ periodKey: r.periodKey, periodEnd: r.periodEnd, value: r.value! }))
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}
