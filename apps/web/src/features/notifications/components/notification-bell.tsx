import type { NotificationsResponse } from '@taizhang/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormat } from '../../../lib/format';
import { useMarkRead, useNotifications } from '../api/use-notifications';

type Item = NotificationsResponse['items'][number];

/** The bell in the header: the unread count in words and digits, opening the latest messages. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const notifications = useNotifications(true);
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const unread = notifications.data?.unread ?? 0;

  // Escape or a click elsewhere closes the list, as people expect of a pop-up; focus goes back to the bell.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onClick = (e: MouseEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const follow = async (item: Item) => {
    setOpen(false);
    if (!item.read) await markRead.mutateAsync(item.id).catch(() => undefined);
    if (item.link) void navigate(item.link);
  };

  return (
    <div className="bell" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={t('bell.label', { n: unread })}
        aria-expanded={open}
        aria-controls={listId}
        data-testid="bell"
        data-unread={unread}
        onClick={() => setOpen(!open)}
      >
        <BellIcon /> {t('bell.word')}{' '}
        <span className={unread > 0 ? 'bell-count bell-count-unread' : 'bell-count'}>{unread}</span>
      </button>
      {open && (
        <div className="bell-popup" id={listId} role="region" aria-label={t('bell.title')}>
          <h2 className="bell-title">{t('bell.title')}</h2>
          {!notifications.data?.items.length ? (
            <p className="muted">{t('bell.none')}</p>
          ) : (
            <ul className="bell-list">
              {notifications.data.items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className={item.read ? 'bell-item' : 'bell-item bell-item-unread'}
                    onClick={() => void follow(item)}
                    data-testid="bell-item"
                  >
                    {!item.read && <span className="unread-mark">{t('bell.unread')}</span>}
                    <span className="bell-item-title">{format.lang === 'en' ? item.titleEn : item.titleZh}</span>
                    <span className="muted bell-item-time">{format.dateTime(item.createdAt)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

// Drawn rather than an emoji, which not every government desktop has a font for.
function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 24 24" className="bell-icon">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
