import { QUEUE_FILTERS, type QueueFilter } from '@taizhang/domain';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, type To } from 'react-router';
import type { QueueView } from '../api/use-queue';

/** The tabs with their counts (links: each is a place in the history) and the search by metric name or code. */
export function QueueFilters({
  view,
  counts,
  linkTo,
  onSearch,
}: {
  view: QueueView;
  counts: Record<QueueFilter, number>;
  linkTo: (change: Partial<QueueView>) => To;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const [text, setText] = useState(view.q);
  // Back and forward change the search in the URL: the box follows.
  useEffect(() => setText(view.q), [view.q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <div className="queue-filters">
      <nav aria-label={t('queue.tabsLabel')}>
        <ul className="queue-tabs">
          {QUEUE_FILTERS.map((f) => (
            <li key={f}>
              <Link
                to={linkTo({ state: f, page: 1 })}
                aria-current={view.state === f ? 'page' : undefined}
                className={`queue-tab queue-tab-${f}`}
                data-testid={`queue-tab-${f}`}
                data-count={counts[f]}
              >
                {t(`queue.tabs.${f}`)} <span className="queue-tab-count">{counts[f]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form role="search" className="queue-search" onSubmit={submit}>
        <input
          id={searchId}
          aria-label={t('queue.search')}
          type="search"
          name="q"
          maxLength={100}
          placeholder={t('queue.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('queue.searchButton')}</button>
        {view.q && (
          <button
            type="button"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            {t('queue.clearSearch')}
          </button>
        )}
      </form>
    </div>
  );
}
