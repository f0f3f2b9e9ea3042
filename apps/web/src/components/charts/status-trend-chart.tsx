import { STATUSES, type StatusCounts } from '@taizhang/domain';
import type { ChartData, ChartOptions } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { STATUS_CHART_COLOURS } from './chart-setup';
import { ChartDataTable } from './chart-data-table';

export interface TrendMonth {
  period: string;
  counts: StatusCounts;
}

/** Metrics by status month by month, stacked; the same figures as a table for screen readers and print. */
export function StatusTrendChart({ months, title }: { months: TrendMonth[]; title: string }) {
  const { t } = useTranslation();
  const data: ChartData<'bar'> = {
    labels: months.map((m) => m.period),
    datasets: STATUSES.map((status) => ({
      label: t(`status.${status}`),
      data: months.map((m) => m.counts[status]),
      backgroundColor: STATUS_CHART_COLOURS[status],
      stack: 'status',
    })),
  };
  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    plugins: { legend: { position: 'bottom' } },
  };
  const summary =
    months.length === 0
      ? t('chart.empty')
      : t('chart.trendSummary', {
          first: months[0].period,
          last: months[months.length - 1].period,
          ...months[months.length - 1].counts,
        });
  return (
    <figure className="chart" data-datasets={STATUSES.join(' ')}>
      <div className="chart-canvas">
        <Bar data={data} options={options} aria-label={`${title}. ${summary}`} />
      </div>
      <ChartDataTable
        caption={title}
        columns={[t('chart.period'), ...STATUSES.map((s) => t(`status.${s}`))]}
        rows={months.map((m) => [m.period, ...STATUSES.map((s) => String(m.counts[s]))])}
      />
    </figure>
  );
}
