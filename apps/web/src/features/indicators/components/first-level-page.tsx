import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { DataTable } from '../../../components/data-table';
import { MonthLink } from '../../../components/month-link';
import { NodeStatusBadge } from '../../../components/node-status-badge';
import { StatusCounts } from '../../../components/status-counts';
import { useIndicatorPath } from '../api/use-indicator';
import { IndicatorHeading } from './indicator-heading';
import { IndicatorMissing } from './indicator-missing';

/** /indicators/:firstId — a first-level indicator and its second-level indicators with status and counts. */
export function FirstLevelPage() {
  const { t } = useTranslation();
  const { first, period, loading, error } = useIndicatorPath();
  if (!first) return <IndicatorMissing error={error} loading={loading} />;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: `${first.number}. ${first.title}` }]} />
      <section className="panel" aria-labelledby="first-title">
        <IndicatorHeading level={t('firstLevel')} period={period} node={first} titleId="first-title" />
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
