import type { RevisionResponse } from '@taizhang/contracts';
import { formatValue, type Figure, type MetricUnit } from '@taizhang/domain';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat, type Lang } from '../../../lib/format';
import { DataTable } from '../../../components/data-table';

/** Every revision of every submission, newest first, with its notes, reasons, returns and evidence. */
export function SubmissionsTable({
  revisions,
  unit,
  departmentName,
}: {
  revisions: RevisionResponse[];
  unit: MetricUnit;
  departmentName: (id: number | null) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="submissions-title">
      <h2 id="submissions-title">{t('metricPage.submissions')}</h2>
      {revisions.length === 0 ? (
        <p>{t('metricPage.noSubmissions')}</p>
      ) : (
        <DataTable
          testId="submissions"
          columns={[
            t('metricPage.period'),
            t('metricPage.department'),
            t('metricPage.revision'),
            t('metricPage.figure'),
            t('metricPage.notes'),
            t('metricPage.evidence'),
            t('metricPage.submittedAt'),
          ]}
        >
          {revisions.map((r) => (
            <tr key={r.id} data-testid="revision">
              <th scope="row">{r.period}</th>
              <td>{departmentName(r.departmentId)}</td>
              <td className="num">{r.revision}</td>
              <td>{describeFigure(r.figure, unit, format.lang, t)}</td>
              <td>
                {r.note && <p>{t('metricPage.note', { text: r.note })}</p>}
                {r.reason && <p>{t('metricPage.reason', { text: r.reason })}</p>}
                {r.flags.length > 0 && (
                  <p className="flag-note">
                    {t('metricPage.flagged', {
                      rules: r.flags
                        .map((f) => (format.lang === 'en' ? f.messageEn : f.messageZh))
                        .join(format.lang === 'en' ? '; ' : '；'),
                      text: r.explanation ?? '—',
                    })}
                  </p>
                )}
                {r.returns.map((ret) => (
                  <p key={ret.at} className="return-comment">
                    {t('metricPage.returned', {
                      comment: ret.comment,
                      by: ret.by ?? '—',
                      time: format.dateTime(ret.at),
                    })}
                  </p>
                ))}
              </td>
              <td>
                {r.evidence.length === 0 ? (
                  '—'
                ) : (
                  <ul className="plain-list">
                    {r.evidence.map((e) => (
                      <li key={e.id}>
                        <a href={`/api/evidence/${e.id}`}>{e.filename}</a>{' '}
                        <span className="muted">({format.number(e.size / 1024)} KB)</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {format.dateTime(r.createdAt)}
                {r.submittedBy && <span className="muted"> · {r.submittedBy}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function describeFigure(figure: Figure, unit: MetricUnit, lang: Lang, t: TFunction): string {
  switch (figure.type) {
    case 'value':
      return formatValue(figure.value, unit, lang);
    case 'ratio':
      return `${figure.numerator}/${figure.denominator}`;
    case 'cases':
      return t('metricPage.cases', { count: figure.cases.length });
    case 'completion':
      return figure.completedOn
        ? t('metricPage.completedOn', { date: figure.completedOn })
        : t('metricPage.notCompleted');
  }
}
