import type { FlaggedSubmission } from '@taizhang/contracts';
import { formatValue, type MetricUnit } from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useMonth, useMonthPath } from '../../../lib/month';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useSession } from '../../../lib/session';
import { useFlagDecision, useFlagged } from '../api/use-flagged';
import { ErrorAlert } from '../../../components/error-alert';

/**
 * /flagged — the leaders' list of figures that tripped a soft rule, with the department's explanation: awaiting review
 * first. Leaders accept or return each; admins read. The month of the address (统计月份) narrows it.
 */
export function FlaggedPage() {
  const { t } = useTranslation();
  const { plan } = useSelectedPlan();
  const month = useMonth();
  const flagged = useFlagged(plan?.id, month);
  const session = useSession();
  const items = flagged.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="flagged-title">
      <h2 id="flagged-title">{t('flagged.title')}</h2>
      <p className="muted">{t('flagged.intro')}</p>
      <p className="muted">{month ? t('flagged.month', { month }) : t('flagged.allMonths')}</p>
      <ErrorAlert error={flagged.error} />
      {!flagged.data && !flagged.error && <p role="status">{t('loading')}</p>}
      {flagged.data && (
        <p role="status" data-testid="flagged-count">
          {t('flagged.count', { pending: items.filter((i) => i.state === 'pending').length, total: items.length })}
        </p>
      )}
      {flagged.data && items.length === 0 && <p>{t('flagged.none')}</p>}
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="flagged-table">
            <thead>
              <tr>
                {(
                  [
                    'metric',
                    'department',
                    'period',
                    'figure',
                    'rules',
                    'explanation',
                    'evidence',
                    'submitted',
                    'state',
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col">
                    {t(`flagged.${c}`)}
                  </th>
                ))}
                {session.data?.role === 'leader' && <th scope="col">{t('flagged.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <FlaggedRow key={item.submissionId} item={item} canDecide={session.data?.role === 'leader'} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function FlaggedRow({ item, canDecide }: { item: FlaggedSubmission; canDecide: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const withMonth = useMonthPath();
  const english = format.lang === 'en';
  return (
    <tr data-testid="flagged-item" data-metric={item.metricCode} data-period={item.period} data-state={item.state}>
      <th scope="row">
        <Link to={withMonth(`/metrics/${item.metricId}`)}>{english ? item.metricNameEn : item.metricName}</Link>
      </th>
      <td>{item.departmentName}</td>
      <td>
        {item.period}
        <br />
        <span className="muted">{t('flagged.revision', { revision: item.revision })}</span>
      </td>
      <td>{figureText(item, format.lang)}</td>
      <td>
        <ul className="soft-rules">
          {item.flags.map((f) => (
            <li key={f.rule} data-rule={f.rule}>
              {english ? f.messageEn : f.messageZh}
            </li>
          ))}
        </ul>
      </td>
      <td>{item.explanation ?? <span className="muted">{t('flagged.noExplanation')}</span>}</td>
      <td>
        {item.evidenceCount ? t('flagged.evidenceCount', { count: item.evidenceCount }) : t('flagged.noEvidence')}
      </td>
      <td>{t('flagged.by', { by: item.submittedBy ?? '—', time: format.dateTime(item.createdAt) })}</td>
      <td>
        <span className={`flag-state flag-${item.state}`}>{t(`flagged.states.${item.state}`)}</span>
        {item.acceptance && (
          <>
            <br />
            <span className="muted">
              {t('flagged.acceptedBy', { by: item.acceptance.by ?? '—', time: format.dateTime(item.acceptance.at) })}
            </span>
          </>
        )}
        {item.returnComment && (
          <>
            <br />
            <span className="muted">{t('flagged.returnedWith', { comment: item.returnComment })}</span>
          </>
        )}
      </td>
      {canDecide && <td>{item.state === 'pending' && <Decision item={item} />}</td>}
    </tr>
  );
}

function Decision({ item }: { item: FlaggedSubmission }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const decide = useFlagDecision();
  const send = (decision: 'accept' | 'return') => {
    if (decision === 'return' && !comment.trim()) return setMissing(true);
    setMissing(false);
    decide.mutate({ submissionId: item.submissionId, decision, comment });
  };
  return (
    <div className="flag-decision">
      <input
        name="comment"
        placeholder={t('flagged.comment')}
        aria-label={t('flagged.commentLabel', { metric: item.metricName, period: item.period })}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="button" disabled={decide.isPending} onClick={() => send('accept')}>
        {t('flagged.accept')}
      </button>
      <button type="button" disabled={decide.isPending} onClick={() => send('return')}>
        {t('flagged.return')}
      </button>
      {missing && (
        <span role="alert" className="form-error">
          {t('flagged.returnNeedsComment')}
        </span>
      )}
      <ErrorAlert error={decide.error} inline />
    </div>
  );
}

function figureText(item: FlaggedSubmission, lang: 'zh' | 'en'): string {
  const f = item.figure;
  if (f.type === 'value') return formatValue(f.value, item.unit as MetricUnit, lang);
  if (f.type === 'ratio') {
    if (f.denominator === 0) return `${f.numerator}/${f.denominator}`;
    const rate = formatValue((f.numerator / f.denominator) * 100, 'percent', lang);
    return lang === 'zh' ? `${f.numerator}/${f.denominator}（${rate}）` : `${f.numerator}/${f.denominator} (${rate})`;
  }
  if (f.type === 'completion') return f.completedOn ?? '—';
  return '—';
}
