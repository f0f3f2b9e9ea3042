import { QUEUE_FILTERS, type QueueFilter } from '@taizhang/domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams, type To } from 'react-router';
import type { QueueView } from './use-queue';

/**
 * The queue's tab, search and page, kept in the URL (?state=&q=&page=) so that back and forward, reload and a link in
 * the bell (/?state=returned&q=T021-2) all land on the same view. Other parameters (the plan's month) are kept.
 */
export function useQueueView(): [
  QueueView,
  (change: Partial<QueueView>, options?: { replace?: boolean }) => void,
  (change: Partial<QueueView>) => To,
] {
  const [params, setParams] = useSearchParams();
  const view = useMemo<QueueView>(() => {
    const state = params.get('state');
    const page = Number(params.get('page'));
    return {
      state: QUEUE_FILTERS.includes(state as QueueFilter) ? (state as QueueFilter) : 'all',
      q: (params.get('q') ?? '').trim(),
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
  }, [params]);
  const search = useCallback(
    (change: Partial<QueueView>) => {
      const next = new URLSearchParams(params);
      const merged = { ...view, ...change };
      const set = (key: string, value: string, fallback: string) =>
        value === fallback ? next.delete(key) : next.set(key, value);
      set('state', merged.state, 'all');
      set('q', merged.q, '');
      set('page', String(merged.page), '1');
      return next;
    },
    [params, view],
  );
  const setView = useCallback(
    (change: Partial<QueueView>, options?: { replace?: boolean }) =>
      setParams(search(change), { replace: options?.replace }),
    [search, setParams],
  );
  const linkTo = useCallback((change: Partial<QueueView>): To => ({ search: `?${search(change)}` }), [search]);
  return [view, setView, linkTo];
}
