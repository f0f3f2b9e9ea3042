import { attentionRank, formatTarget } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { StatusBadge } from '../../../components/status-badge';
import { useFormat } from '../../../lib/format';
import { useMonth } from '../../../lib/month';
import { usePlanDepartments } from '../../../lib/plan-api';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useDepartmentMetrics } from '../api/use-department-metrics';
import { DataTable } from '../../../components/data-table';
import { PageError } from '../../../components/error-alert';

/** A department's metrics with its current status for each, worst first; shown to leaders above its queue. */
export function DepartmentMetrics({ departmentId }: { departmentId: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { plan } = useSelectedPlan();
  const departments = usePlanDepartments(plan?.id);
  const month = useMonth();
  const metrics = useDepartmentMetrics(plan?.id, departmentId, month);
  const name = departments.data?.find((d) => d.id === departmentId)?.name ?? '';
  if (metrics.error) return <PageError error={metrics.error} />;
  if (!metrics.data) return <p role="status">{t('loading')}</p>;
  const rows = [...metrics.data].sort(
    (a, b) => attentionRank(a.current?.status) - attentionRank(b.current?.status) || a.code.localeCompare(b.code),
  );
  return (
    <>
      <Breadcrumbs crumbs={[{ label: name || t('nav.department') }]} />
      <section className="panel" aria-labelledby="department-metrics-title">
        <p className="kicker" data-testid="month-shown">
          {month ? t('monthShown', { month }) : t('monthToday')}
        </p>
        <h2 id="department-metrics-title">{t('departmentPage.title', { department: name })}</h2>
        {rows.length === 0 ? (
          <p>{t('departmentPage.none')}</p>
        ) : (
          <DataTable
            testId="department-metrics"
            columns={[t('departmentPage.metric'), t('target'), t('drill.status'), t('metricPage.reasonColumn')]}
          >
            {rows.map((m) => (
              <tr key={m.id} data-testid="department-metric" data-status={m.current?.status ?? 'none'}>
                <th scope="row">
                  <MonthLink to={`/metrics/${m.id}`}>{format.lang === 'en' ? m.nameEn : m.name}</MonthLink>
                </th>
                <td>{formatTarget(m, format.lang)}</td>
                <td>
                  {m.current ? <StatusBadge status={m.current.status} /> : '—'}
                  {m.current && <span className="muted"> {m.current.period}</span>}
                </td>
                <td>
                  {m.current
                    ? format.lang === 'en'
                      ? m.current.reasonEn
                      : m.current.reasonZh
                    : t('metricPage.notStarted')}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </>
  );
}
