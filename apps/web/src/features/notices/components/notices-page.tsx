import type { NoticeLevel } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NoticeTable } from '../../../components/notice-table';
import { useNotices, type NoticeStateFilter } from '../../../lib/notice-api';
import { useSession } from '../../../lib/session';
import { ErrorAlert } from '../../../components/error-alert';

const FILTERS: NoticeStateFilter[] = ['open', 'issued', 'acknowledged', 'replied', 'closed', ''];
const LEVELS: NoticeLevel[] = ['listed', 'supervise', 'remind'];

/**
 * /notices — for leaders the supervision page (every department), for a department its inbox (the API
 * returns only its own). The state filter lives in the URL so a filtered view can be bookmarked or shared.
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  const state: NoticeStateFilter = raw === null ? 'open' : (FILTERS.find((f) => f === raw) ?? 'open');
  const notices = useNotices({ state });
  const inbox = session.data?.role === 'department';
  const title = inbox ? t('notices.inboxTitle') : t('notices.title');

  return (
    <section className="panel" aria-labelledby="notices-title">
      <h2 id="notices-title">{title}</h2>
      <p className="muted">{inbox ? t('notices.inboxIntro') : t('notices.intro')}</p>
      <div className="toolbar">
        <label>
          {t('notices.filter')}{' '}
          <select value={state} onChange={(e) => setParams(e.target.value === 'open' ? {} : { state: e.target.value })}>
            {FILTERS.map((f) => (
              <option key={f || 'all'} value={f}>
                {t(`notices.filters.${f || 'all'}`)}
              </option>
            ))}
          </select>
        </label>
        {notices.data && (
          <p className="notice-counts" role="status" data-testid="notice-counts">
            {t('notices.counts', {
              total: notices.data.length,
              overdue: notices.data.filter((n) => n.replyOverdue).length,
            })}
            {LEVELS.map((l) => (
              <span key={l}>
                {' · '}
                {t(`notices.levels.${l}`)} {notices.data.filter((n) => n.level === l).length}
              </span>
            ))}
          </p>
        )}
      </div>
      <ErrorAlert error={notices.error} />
      {!notices.data && !notices.error && <p role="status">{t('loading')}</p>}
      {notices.data && notices.data.length === 0 && <p>{t('notices.none')}</p>}
      {notices.data && notices.data.length > 0 && (
        <NoticeTable notices={notices.data} caption={t('notices.caption')} showDepartment={!inbox} />
      )}
    </section>
  );
}
