import type { MetricSeriesResponse } from '@taizhang/contracts';
import type { ChartData, ChartDataset, ChartOptions } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { SERIES_COLOURS, STATUS_CHART_COLOURS } from './chart-setup';
import { ChartDataTable } from './chart-data-table';

type LineSet = ChartDataset<'line', Array<number | null>> & { id: string };

/** A projected course to year-end, drawn dashed from the latest figure (periods after the series are added). */
export interface Projection {
  label: string;
  points: Array<{ period: string; value: number }>;
}

/**
 * A metric's value per period: overall and per department, with the target line and the amber band
 * shaded between the target and target ∓ band on the failing side (below for ≥, above for ≤), and the projection to year-end.
 */
export function MetricSeriesChart({
  series,
  title,
  formatValue,
  projection,
}: {
  series: MetricSeriesResponse;
  title: string;
  formatValue: (v: number | null) => string;
  projection?: Projection;
}) {
  const { t } = useTranslation();
  const seen = new Set(series.overall.map((p) => p.period));
  const periods = [...seen, ...(projection?.points.map((p) => p.period).filter((p) => !seen.has(p)) ?? [])];
  const targets = periods.map((_, i) => series.overall[i]?.target ?? series.target);
  const sets: LineSet[] = [];
  if (targets.some((v) => v !== null)) {
    sets.push({
      id: 'target',
      label: t('chart.target'),
      data: targets,
      borderColor: '#1f2933',
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 0,
      fill: false,
    });
    const band = series.band;
    const sides = series.comparator === 'gte' ? [-1] : series.comparator === 'lte' ? [1] : [-1, 1];
    if (band) {
      for (const side of sides) {
        sets.push({
          id: `band${side}`,
          label: t('chart.band'),
          data: targets.map((v) => (v === null ? null : v + side * band)),
          // Fill towards the target dataset (index 0): the shaded strip is the amber zone.
          fill: 0,
          backgroundColor: 'rgba(178, 106, 0, 0.18)',
          borderColor: 'rgba(178, 106, 0, 0.5)',
          borderWidth: 1,
          pointRadius: 0,
        });
      }
    }
  }
  sets.push(line('overall', t('chart.overall'), series.overall, '#1a4f8b', 3));
  series.departments.forEach((d, i) =>
    sets.push(line(`department-${d.id}`, d.name, d.points, SERIES_COLOURS[i % SERIES_COLOURS.length], 1.5, [2, 2])),
  );
  if (projection && projection.points.length > 1) {
    const projected = new Map(projection.points.map((p) => [p.period, p.value]));
    const end = projection.points.at(-1)!.period;
    // Its own colour (not the overall line's, which goes on past the month shown) and a mark at year-end.
    sets.push({
      id: 'projection',
      label: projection.label,
      data: periods.map((p) => projected.get(p) ?? null),
      borderColor: '#7b1fa2',
      backgroundColor: '#7b1fa2',
      borderWidth: 2,
      borderDash: [8, 5],
      fill: false,
      pointStyle: 'rectRot',
      pointRadius: periods.map((p) => (p === end ? 5 : 0)),
    });
  }

  const data: ChartData<'line', Array<number | null>> = { labels: periods, datasets: sets };
  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    spanGaps: false,
    scales: { y: { beginAtZero: series.unit !== 'percent' } },
    plugins: {
      // The second band strip (for "=" targets) repeats the first; one legend entry is enough.
      legend: {
        position: 'bottom',
        labels: {
          filter: (item, chart) =>
            (chart.datasets[item.datasetIndex ?? 0] as LineSet).id !== 'band1' || !sets.some((s) => s.id === 'band-1'),
        },
      },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${formatValue(ctx.parsed.y)}` } },
    },
  };
  const summary = t('chart.seriesSummary', { count: periods.length, departments: series.departments.length });
  const tableSets = sets.filter((s) => s.id !== 'band1' || !sets.some((x) => x.id === 'band-1'));
  return (
    <figure className="chart chart-tall" data-datasets={sets.map((s) => s.id).join(' ')}>
      <div className="chart-canvas">
        <Line data={data} options={options} aria-label={`${title}. ${summary}`} />
      </div>
      <ChartDataTable
        caption={title}
        columns={[t('chart.period'), ...tableSets.map((s) => s.label ?? s.id)]}
        rows={periods.map((p, i) => [p, ...tableSets.map((s) => formatValue(s.data[i] ?? null))])}
      />
    </figure>
  );
}

function line(
  id: string,
  label: string,
  points: MetricSeriesResponse['overall'],
  colour: string,
  width: number,
  dash: number[] = [],
): LineSet {
  return {
    id,
    label,
    data: points.map((p) => p.value),
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: width,
    borderDash: dash,
    fill: false,
    // Each point is drawn in its status colour; the status is also in the table and on the page in words.
    pointBackgroundColor: points.map((p) => STATUS_CHART_COLOURS[p.status]),
    pointRadius: 3,
  };
}
