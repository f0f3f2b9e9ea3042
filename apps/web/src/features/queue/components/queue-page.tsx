import type { CreateSubmissionResponse, QueueItem } from '@taizhang/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useSession } from '../../../lib/session';
import { QUEUE_PAGE_SIZE, useQueue, useReturnSubmission } from '../api/use-queue';
import { useQueueView } from '../api/use-queue-view';
import '../queue.css';
import { BulkUpload } from './bulk-upload';
import { EntryForm, SavedFigure } from './entry-form';
import { QueueFilters } from './queue-filters';
import { ErrorAlert, PageError } from '../../../components/error-alert';

/**
 * What is due for a department, most urgent first (overdue, then returned), one tab, search and page at a time; the
 * URL carries them, so back and forward work. A department user enters figures here; a leader (at /departments/:id)
 * reads the same list and may return a submission for correction.
 */
const sameItem = (a: QueueItem, b: QueueItem) => a.metricId === b.metricId && a.period === b.period;

export function QueuePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const params = useParams();
  const { plan } = useSelectedPlan();
  const departmentId = params.departmentId ? Number(params.departmentId) : undefined;
  const [view, setView, linkTo] = useQueueView();
  const queue = useQueue(plan?.id, departmentId, view);
  // The last figure saved here: a saved item may leave the tab (a corrected one leaves 被退回), and its confirmation
  // must not leave with it.
  const [lastSaved, setLastSaved] = useState<{ item: QueueItem; saved: CreateSubmissionResponse } | null>(null);
  const shownPage = queue.data?.page;
  // A page beyond the last (after figures left the tab) shows the last: the URL follows, without a new history entry.
  useEffect(() => {
    if (shownPage !== undefined && !queue.isPlaceholderData && shownPage !== view.page)
      setView({ page: shownPage }, { replace: true });
  }, [shownPage, queue.isPlaceholderData, view.page, setView]);
  if (queue.error) return <PageError error={queue.error} />;
  if (!queue.data || !session.data) return <p role="status">{t('loading')}</p>;
  const data = queue.data;
  const canSubmit = session.data.role === 'department';
  const from = data.total === 0 ? 0 : (data.page - 1) * QUEUE_PAGE_SIZE + 1;
  const to = Math.min(data.total, data.page * QUEUE_PAGE_SIZE);
  return (
    <section className="panel" aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title', { department: data.departmentName })}</h2>
      <p className="muted">{t('queue.today', { today: data.today })}</p>
      {canSubmit && <BulkUpload planId={data.planId} />}
      <QueueFilters view={view} counts={data.counts} linkTo={linkTo} onSearch={(q) => setView({ q, page: 1 })} />
      <p className="muted queue-summary" role="status" data-testid="queue-summary">
        {data.total === 0
          ? data.q
            ? t('queue.emptySearch', { q: data.q })
            : t('queue.empty')
          : t(data.q ? 'queue.showingSearch' : 'queue.showing', { q: data.q, total: data.total, from, to })}
      </p>
      {lastSaved && !data.items.some((i) => sameItem(i, lastSaved.item)) && (
        <p role="status" className="entry-result" data-testid="queue-saved">
          {t('queue.savedElsewhere', {
            metric: i18n.language === 'en' ? lastSaved.item.metricNameEn : lastSaved.item.metricName,
            period: lastSaved.item.period,
          })}{' '}
          <SavedFigure saved={lastSaved.saved} />
        </p>
      )}
      <ul className="queue" aria-busy={queue.isPlaceholderData}>
        {data.items.map((item) => (
          <QueueRow
            key={`${item.metricId}-${item.period}`}
            item={item}
            today={data.today}
            departmentId={data.departmentId}
            canSubmit={canSubmit}
            canReturn={session.data?.role === 'leader'}
            onSaved={(saved) => setLastSaved({ item, saved })}
          />
        ))}
      </ul>
      {data.pages > 1 && (
        <nav className="queue-pages" aria-label={t('queue.pages')}>
          {data.page > 1 ? (
            <Link to={linkTo({ page: data.page - 1 })} rel="prev">
              {t('queue.previous')}
            </Link>
          ) : (
            <span aria-disabled="true" className="muted">
              {t('queue.previous')}
            </span>
          )}
          <span aria-current="page">{t('queue.page', { page: data.page, pages: data.pages })}</span>
          {data.page < data.pages ? (
            <Link to={linkTo({ page: data.page + 1 })} rel="next">
              {t('queue.next')}
            </Link>
          ) : (
            <span aria-disabled="true" className="muted">
              {t('queue.next')}
            </span>
          )}
        </nav>
      )}
    </section>
  );
}

function QueueRow({
  item,
  today,
  departmentId,
  canSubmit,
  canReturn,
  onSaved,
}: {
  item: QueueItem;
  today: string;
  departmentId: number;
  canSubmit: boolean;
  canReturn: boolean;
  onSaved: (saved: CreateSubmissionResponse) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const english = i18n.language === 'en';
  return (
    <li
      className={`queue-item queue-${item.state}`}
      data-testid="queue-item"
      data-metric={item.metricCode}
      data-period={item.period}
      data-state={item.state}
    >
      <div className="queue-head">
        <span className={`state state-${item.state}`}>{t(`queue.states.${item.state}`)}</span>
        {/* To the metric page as of the month the period ends: its status, chart and the period's comments. */}
        <strong>
          <Link to={`/metrics/${item.metricId}?period=${item.periodEnd.slice(0, 7)}`}>
            {english ? item.metricNameEn : item.metricName}
          </Link>
        </strong>
        <span>{item.period}</span>
        <span className="muted">
          {t(item.dueDateProvisional ? 'queue.dueProvisional' : 'queue.due', { date: item.dueDate })}
        </span>
        <span className="muted">
          {t('target')} {english ? item.targetLabelEn : item.targetLabelZh}
        </span>
        {item.evaluation && <StatusBadge status={item.evaluation.status} />}
        {canSubmit && (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {item.latestRevision ? t('queue.revise') : t('queue.enter')}
          </button>
        )}
      </div>
      {item.evaluation && (
        <p className="metric-reason">{english ? item.evaluation.reasonEn : item.evaluation.reasonZh}</p>
      )}
      {item.returnComment && (
        <p className="return-comment" role="note">
          {t('queue.returned', { comment: item.returnComment })}
        </p>
      )}
      {canReturn && item.latestRevision && !item.returnComment && <ReturnForm submissionId={item.latestRevision.id} />}
      {open && canSubmit && <EntryForm item={item} today={today} departmentId={departmentId} onSaved={onSaved} />}
    </li>
  );
}

function ReturnForm({ submissionId }: { submissionId: number }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const send = useReturnSubmission();
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        send.mutate({ submissionId, comment });
      }}
    >
      <label>
        {t('queue.returnComment')}{' '}
        <input name="comment" required value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" disabled={send.isPending}>
        {t('queue.return')}
      </button>
      <ErrorAlert error={send.error} inline />
    </form>
  );
}
