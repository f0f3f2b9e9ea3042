import type { PlanTreeResponse } from '@taizhang/contracts';
import { formatTarget, formatValue } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Breadcrumbs, type Crumb } from '../../../components/breadcrumbs';
import { MetricSeriesChart } from '../../../components/charts/metric-series-chart';
import { StatusBadge } from '../../../components/status-badge';
import { useFormat } from '../../../lib/format';
import { useMonth } from '../../../lib/month';
import { usePlanDepartments, usePlanTree } from '../../../lib/plan-api';
import { useMetric, useMetricHistory, useMetricRevisions, useMetricSeries } from '../api/use-metric';
import { useSession } from '../../../lib/session';
import { IssueNoticeForm } from './issue-notice-form';
import { MetricComments } from './metric-comments';
import { MetricForecast } from './metric-forecast';
import { MetricNotices } from './metric-notices';
import { MetricRulesEditor } from './metric-rules-editor';
import { StatusHistory } from './status-history';
import { SubmissionsTable } from './submissions-table';
import { PageError } from '../../../components/error-alert';

/** Where the metric sits in the plan, for the breadcrumbs. */
function crumbsFor(tree: PlanTreeResponse | undefined, metricId: number): Crumb[] {
  for (const first of tree?.indicators ?? []) {
    for (const second of first.children) {
      const task = second.tasks.find((tk) => tk.metrics.some((m) => m.id === metricId));
      if (task)
        return [
          { label: `${first.number}. ${first.title}`, to: `/indicators/${first.id}` },
          { label: `${second.number}. ${second.title}`, to: `/indicators/${first.id}/${second.id}` },
        ];
    }
  }
  return [];
}

/** /metrics/:metricId — definition, current status and reason, the chart, submissions and status history. */
export function MetricPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const metricId = Number(useParams().metricId);
  const month = useMonth();
  const metric = useMetric(metricId, month);
  const series = useMetricSeries(metricId);
  const history = useMetricHistory(metricId);
  const revisions = useMetricRevisions(metricId);
  const departments = usePlanDepartments(metric.data?.planId);
  const tree = usePlanTree(metric.data?.planId, month);
  const session = useSession();

  const error = metric.error ?? series.error;
  if (error) return <PageError error={error} />;
  if (!metric.data) return <p role="status">{t('loading')}</p>;
  const m = metric.data;
  const english = format.lang === 'en';
  const name = english ? m.nameEn : m.name;
  const departmentName = (id: number | null) =>
    id === null ? t('chart.overall') : (departments.data?.find((d) => d.id === id)?.name ?? `#${id}`);
  const valueText = (v: number | null) =>
    v === null ? '—' : formatValue(v, m.unit === 'date' ? 'count' : m.unit, format.lang);
  const task = tree.data?.indicators
    .flatMap((f) => f.children.flatMap((s) => s.tasks))
    .find((tk) => tk.id === m.taskId);

  return (
    <>
      <Breadcrumbs crumbs={[...crumbsFor(tree.data, m.id), { label: name }]} />
      <section className="panel" aria-labelledby="metric-title" data-testid="metric-page">
        <p className="kicker">
          {m.code}
          {task && ` · ${t('task', { number: task.number })}`} ·{' '}
          <span data-testid="month-shown">{month ? t('monthShown', { month }) : t('monthToday')}</span>
        </p>
        <h2 id="metric-title">{name}</h2>
        {task && <p className="muted">{task.text}</p>}
        <dl className="facts">
          <div>
            <dt>{t('target')}</dt>
            <dd>{formatTarget(m, format.lang)}</dd>
          </div>
          <div>
            <dt>{t('metricPage.frequency')}</dt>
            <dd>{t(`metricPage.frequencies.${m.frequency}`, { defaultValue: m.frequency })}</dd>
          </div>
          <div>
            <dt>{t('metricPage.source')}</dt>
            <dd>{m.source}</dd>
          </div>
          <div>
            <dt>{t('metricPage.due')}</dt>
            <dd>{t('metricPage.dueDays', { days: m.dueWorkingDays })}</dd>
          </div>
        </dl>
        <div className="current" data-testid="current-status">
          <h3>{t('metricPage.current', { period: m.current?.period ?? '—' })}</h3>
          {m.current ? (
            <>
              <p>
                <StatusBadge status={m.current.status} />{' '}
                <span className="muted">{t('evaluatedAt', { time: format.dateTime(m.current.evaluatedAt) })}</span>
              </p>
              <p className="metric-reason" data-testid="metric-reason">
                {english ? m.current.reasonEn : m.current.reasonZh}
              </p>
            </>
          ) : (
            <p>{t('metricPage.notStarted')}</p>
          )}
          {m.departments.length > 0 && (
            <ul className="plain-list">
              {m.departments.map((d) => (
                <li key={d.departmentId}>
                  {departmentName(d.departmentId)}
                  {t('colon')}
                  <StatusBadge status={d.status} /> {english ? d.reasonEn : d.reasonZh}
                </li>
              ))}
            </ul>
          )}
          {m.forecast && <MetricForecast forecast={m.forecast} />}
          {m.current && (
            <MetricComments
              metricId={m.id}
              period={m.current.period}
              canWrite={session.data?.role === 'leader' || session.data?.role === 'department'}
            />
          )}
        </div>
      </section>
      <section className="panel" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('metricPage.chart')}</h2>
        {series.data ? (
          <MetricSeriesChart
            series={series.data}
            title={t('metricPage.chartTitle', { name })}
            formatValue={valueText}
            projection={m.forecast?.status ? { label: t('forecast.chartLabel'), points: m.forecast.path } : undefined}
          />
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </section>
      {session.data?.role === 'admin' && <MetricRulesEditor metric={m} />}
      <MetricNotices metricId={m.id} />
      {session.data?.role === 'leader' && (
        <IssueNoticeForm
          metricId={m.id}
          departments={[
            ...new Set(m.departments.flatMap((d) => (d.departmentId === null ? [] : [d.departmentId]))),
          ].map((id) => ({ id, name: departmentName(id) }))}
          defaultPeriod={m.current?.period ?? ''}
        />
      )}
      {revisions.data && <SubmissionsTable revisions={revisions.data} unit={m.unit} departmentName={departmentName} />}
      {history.data && <StatusHistory evaluations={history.data} departmentName={departmentName} />}
    </>
  );
}
