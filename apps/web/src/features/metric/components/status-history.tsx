import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { StatusBadge } from '../../../components/status-badge';
import { useFormat } from '../../../lib/format';
import type { EvaluationResponse } from '@taizhang/contracts';

/** Keeps an evaluation when it is the first of its department or its status differs from the period before. */
function statusChanges(evaluations: EvaluationResponse[]): EvaluationResponse[] {
  const last = new Map<number | null, EvaluationResponse>();
  const changes: EvaluationResponse[] = [];
  for (const e of [...evaluations].sort(
    (a, b) => a.periodEnd.localeCompare(b.periodEnd) || a.evaluatedAt.localeCompare(b.evaluatedAt),
  )) {
    if (last.get(e.departmentId)?.status !== e.status) changes.push(e);
    last.set(e.departmentId, e);
  }
  return changes.reverse();
}

/** The history of status changes with their reasons, newest first. */
export function StatusHistory({
  evaluations,
  departmentName,
}: {
  evaluations: EvaluationResponse[];
  departmentName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const changes = statusChanges(evaluations);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('metricPage.history')}</h2>
      {changes.length === 0 ? (
        <p>{t('metricPage.noHistory')}</p>
      ) : (
        <DataTable
          testId="status-history"
          columns={[
            t('metricPage.period'),
            t('metricPage.department'),
            t('drill.status'),
            t('metricPage.reasonColumn'),
            t('metricPage.evaluatedAt'),
          ]}
        >
          {changes.map((e) => (
            <tr key={`${e.departmentId}-${e.period}-${e.evaluatedAt}`}>
              <th scope="row">{e.period}</th>
              <td>{departmentName(e.departmentId)}</td>
              <td>
                <StatusBadge status={e.status} />
              </td>
              <td>{format.lang === 'en' ? e.reasonEn : e.reasonZh}</td>
              <td>
                {format.dateTime(e.evaluatedAt)}
                {e.supersededAt && <span className="muted"> · {t('metricPage.superseded')}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
