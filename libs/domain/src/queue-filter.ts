import type { QueueState } from './queue-state';
import { addCalendarDays } from './recheck-date';

/**
 * The tabs of a department's "what is due" list. 'due-week': not yet reported and due by the Sunday of this week
 * (a Monday-to-Sunday week, as offices plan theirs); overdue and returned items have tabs of their own.
 */
export const QUEUE_FILTERS = ['all', 'overdue', 'returned', 'due-week', 'submitted'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

export interface FilterableQueueItem {
  state: QueueState;
  dueDate: string;
  metricCode: string;
  metricName: string;
  metricNameEn: string;
}

/** The Sunday ending the Monday-to-Sunday week that holds `today` (YYYY-MM-DD). */
export function endOfWeek(today: string): string {
  const daysToSunday = (7 - new Date(`${today}T00:00:00Z`).getUTCDay()) % 7;
  return addCalendarDays(today, daysToSunday);
}

export function matchesQueueFilter(
  item: Pick<FilterableQueueItem, 'state' | 'dueDate'>,
  filter: QueueFilter,
  today: string,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'overdue':
    case 'returned':
    case 'submitted':
      return item.state === filter;
    case 'due-week':
      return (item.state === 'due' || item.state === 'due-soon') && item.dueDate <= endOfWeek(today);
  }
}

/** Full-width letters and digits as half-width, lower case, no spaces: "Ｔ００７" and "t 007" find T007. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether the words searched for appear in the metric's code, Chinese name or English name; an empty search finds all. */
export function matchesQueueSearch(
  item: Pick<FilterableQueueItem, 'metricCode' | 'metricName' | 'metricNameEn'>,
  q: string | undefined,
): boolean {
  const needle = normalise(q ?? '');
  if (needle === '') return true;
  return [item.metricCode, item.metricName, item.metricNameEn].some((field) => normalise(field).includes(needle));
}

export interface QueueSelection<T> {
  /** How many of the searched items each tab holds. */
  counts: Record<QueueFilter, number>;
  /** The items of the chosen tab (and search). */
  total: number;
  /** The page shown, kept within 1…pages: a page beyond the last shows the last. */
  page: number;
  /** null: every item on one page. */
  pageSize: number | null;
  pages: number;
  items: T[];
}

/**
 * One tab and page of the list: search first (so the counts answer "how many of what I searched for"), then the tab,
 * then the page. `items` must already be in the list's order (compareQueueItems), which every tab keeps.
 */
export function selectQueue<T extends FilterableQueueItem>(
  items: readonly T[],
  query: { filter: QueueFilter; q?: string; page?: number; pageSize?: number | null },
  today: string,
): QueueSelection<T> {
  const searched = items.filter((i) => matchesQueueSearch(i, query.q));
  const counts = Object.fromEntries(
    QUEUE_FILTERS.map((f) => [f, searched.filter((i) => matchesQueueFilter(i, f, today)).length]),
  ) as Record<QueueFilter, number>;
  const chosen = searched.filter((i) => matchesQueueFilter(i, query.filter, today));
  const pageSize = query.pageSize ?? null;
  const pages = pageSize ? Math.max(1, Math.ceil(chosen.length / pageSize)) : 1;
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const shown = pageSize ? chosen.slice((page - 1) * pageSize, page * pageSize) : chosen;
  return { counts, total: chosen.length, page, pageSize, pages, items: shown };
}
