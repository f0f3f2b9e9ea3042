import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MonthLink } from '../../../components/month-link';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';
import { useIndicatorTree } from '../api/use-indicator';
import { DataTable } from '../../../components/data-table';
import { PageError } from '../../../components/error-alert';

/** /indicators/:firstId — a first-level indicator and its second-level indicators with status and counts. */
export function FirstLevelPage() {
  const { t } = useTranslation();
  const { firstId } = useParams();
  const { tree, error } = useIndicatorTree();
  if (error) return <PageError error={error} />;
  if (!tree.data) return <p role="status">{t('loading')}</p>;
  const first = tree.data.indicators.find((f) => String(f.id) === firstId);
  if (!first)
    return (
      <p role="alert" className="panel error">
        {t('drill.notFound')}
      </p>
    );
  return (
    <>
      <Breadcrumbs crumbs={[{ label: `${first.number}. ${first.title}` }]} />
      <section className="panel" aria-labelledby="first-title">
        <p className="kicker">
          {t('firstLevel')} ·{' '}
          <span data-testid="month-shown">{t('monthShown', { month: tree.data.period ?? '—' })}</span>
        </p>
        <h2 id="first-title">
          {first.number}. {first.title}
        </h2>
        <p>
          <NodeStatusBadge node={first} /> <StatusCounts counts={first.counts} />
        </p>
        <DataTable
          caption={t('drill.secondLevels')}
          captionClassName="muted"
          columns={[t('secondLevel'), t('drill.status'), t('drill.counts'), t('lead')]}
        >
          {first.children.map((second) => (
            <tr key={second.id} data-testid="second-level-row">
              <th scope="row">
                <MonthLink to={`/indicators/${first.id}/${second.id}`}>
                  {second.number}. {second.title}
                </MonthLink>
              </th>
              <td>
                <NodeStatusBadge node={second} />
              </td>
              <td>
                <StatusCounts counts={second.counts} />
              </td>
              <td>{second.leadDepartments.map((d) => d.name).join('、')}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </>
  );
}
