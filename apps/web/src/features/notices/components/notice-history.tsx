import type { NoticeResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

type NoticeEvent = NonNullable<NoticeResponse['events']>[number];

/** Every step of the notice, oldest first: who (or the system), when, what, and any detail they gave. */
export function NoticeHistory({ events }: { events: NoticeEvent[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t('notices.history')}</h2>
      {events.length === 0 ? (
        <p>{t('notices.noHistory')}</p>
      ) : (
        <ol className="notice-history" data-testid="notice-history">
          {events.map((e, i) => (
            <li key={`${i}-${e.at}`} data-action={e.action}>
              <span className="history-when">{format.dateTime(e.at)}</span>{' '}
              <strong>{t(`notices.actions.${e.action}`, { defaultValue: e.action })}</strong>{' '}
              <span className="muted">{e.actor ?? t('notices.system')}</span>
              {e.detail && <p className="history-detail pre-wrap">{e.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
