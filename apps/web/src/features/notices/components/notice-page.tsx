import type { NoticeResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MonthLink } from '../../../components/month-link';
import { NoticeLevelBadge, NoticeStateBadge, ReplyDue } from '../../../components/notice-badges';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useNotice } from '../api/use-notice';
import { NoticeActions } from './notice-actions';
import { NoticeHistory } from './notice-history';
import { PageError } from '../../../components/error-alert';

/** /notices/:id — what the notice asks, the department's answer, what can be done next and everything that happened. */
export function NoticePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const id = Number(useParams().noticeId);
  const notice = useNotice(id);
  if (notice.error) return <PageError error={notice.error} />;
  if (!notice.data || !session.data) return <p role="status">{t('loading')}</p>;
  const n = notice.data;
  const english = format.lang === 'en';
  const metricName = english ? n.metric.nameEn : n.metric.name;
  // Departments have no metric page (the route is for readers), so only leaders and admins get the link.
  const metricLink = session.data.role !== 'department';

  return (
    <>
      <p className="back-link">
        <MonthLink to="/notices">{t('notices.back')}</MonthLink>
      </p>
      <section className="panel" aria-labelledby="notice-title" data-testid="notice-page" data-state={n.state}>
        <p className="kicker">
          {t('notices.number', { id: n.id })} · {n.metric.code}
        </p>
        <h2 id="notice-title" className="notice-title">
          <NoticeLevelBadge level={n.level} /> {metricName} <span className="muted">{n.period}</span>
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('notices.state')}</dt>
            <dd data-testid="notice-state">
              <NoticeStateBadge state={n.state} />
              {n.closedReason && <> {t(`notices.closedReasons.${n.closedReason}`)}</>}
            </dd>
          </div>
          <div>
            <dt>{t('notices.department')}</dt>
            <dd>{n.department.name}</dd>
          </div>
          <div>
            <dt>{t('notices.metric')}</dt>
            <dd>{metricLink ? <MonthLink to={`/metrics/${n.metric.id}`}>{metricName}</MonthLink> : metricName}</dd>
          </div>
          <div>
            <dt>{t('notices.issuedAt')}</dt>
            <dd>
              {format.dateTime(n.issuedAt)}{' '}
              <span className="muted">
                {n.issuedAutomatically ? t('notices.issuedAutomatically') : t('notices.issuedByLeader')}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('notices.replyDue')}</dt>
            <dd>
              <ReplyDue date={n.replyDue} overdue={n.replyOverdue} />
            </dd>
          </div>
          {n.escalations > 0 && (
            <div>
              <dt>{t('notices.escalations')}</dt>
              <dd>{t('notices.escalationCount', { n: n.escalations })}</dd>
            </div>
          )}
          {n.closedAt && (
            <div>
              <dt>{t('notices.closedAt')}</dt>
              <dd>{format.dateTime(n.closedAt)}</dd>
            </div>
          )}
        </dl>
        <h3>{t('notices.reason')}</h3>
        <p className="metric-reason">{english ? n.reasonEn : n.reasonZh}</p>
        <h3>{t('notices.expected')}</h3>
        <p>{english ? n.expectedEn : n.expectedZh}</p>
        <ReplySection notice={n} />
        <NoticeActions notice={n} role={session.data.role} />
      </section>
      <NoticeHistory events={n.events ?? []} />
    </>
  );
}

function ReplySection({ notice }: { notice: NoticeResponse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="reply-title" className="notice-reply" data-testid="notice-reply">
      <h3 id="reply-title">{t('notices.reply')}</h3>
      {notice.replyMeasures ? (
        <dl className="facts">
          <div className="facts-wide">
            <dt>{t('notices.measures')}</dt>
            <dd className="pre-wrap">{notice.replyMeasures}</dd>
          </div>
          <div>
            <dt>{t('notices.targetDate')}</dt>
            <dd>{notice.replyTargetDate ?? '—'}</dd>
          </div>
          {notice.attachments && notice.attachments.length > 0 && (
            <div className="facts-wide">
              <dt>{t('notices.attachments')}</dt>
              <dd>
                <ul className="plain-list" data-testid="notice-attachments">
                  {notice.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/notices/${notice.id}/attachments/${a.id}`}>{a.filename}</a>{' '}
                      <span className="muted">({Math.max(1, Math.round(a.size / 1024))} KB)</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="muted">{t('notices.noReply')}</p>
      )}
    </section>
  );
}
