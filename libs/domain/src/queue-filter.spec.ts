import fc from 'fast-check';
import {
  endOfWeek,
  matchesQueueFilter,
  matchesQueueSearch,
  QUEUE_FILTERS,
  selectQueue,
  type FilterableQueueItem,
} from './queue-filter';
import { compareQueueItems, QUEUE_STATES } from './queue-state';

const item = (over: Partial<FilterableQueueItem> = {}): FilterableQueueItem => ({
  state: 'due',
  dueDate: '2020-10-14',
  metricCode: 'T007-1',
  metricName: '区政务服务事项网上可办率',
  metricNameEn: 'Online-processable rate',
  ...over,
});

describe(endOfWeek.name, () => {
  it('gives the Sunday of a Monday-to-Sunday week', () => {
    expect(endOfWeek('2020-10-12')).toBe('2020-10-18'); // a Monday
    expect(endOfWeek('2020-10-16')).toBe('2020-10-18'); // a Friday
    expect(endOfWeek('2020-10-18')).toBe('2020-10-18'); // the Sunday itself
    expect(endOfWeek('2020-12-28')).toBe('2021-01-03'); // across the year
  });
});

describe(matchesQueueFilter.name, () => {
  const today = '2020-10-14'; // a Wednesday
  it('puts an unreported item due by Sunday under due-week, and one due next Monday not', () => {
    expect(matchesQueueFilter(item({ state: 'due-soon', dueDate: '2020-10-16' }), 'due-week', today)).toBe(true);
    expect(matchesQueueFilter(item({ state: 'due', dueDate: '2020-10-18' }), 'due-week', today)).toBe(true);
    expect(matchesQueueFilter(item({ state: 'due-soon', dueDate: '2020-10-19' }), 'due-week', today)).toBe(false);
  });
  it('keeps overdue, returned and submitted items out of due-week even when their due date is this week', () => {
    for (const state of ['overdue', 'returned', 'submitted'] as const)
      expect(matchesQueueFilter(item({ state, dueDate: '2020-10-13' }), 'due-week', today)).toBe(false);
  });
  it('matches the state tabs by state alone', () => {
    expect(matchesQueueFilter(item({ state: 'overdue' }), 'overdue', today)).toBe(true);
    expect(matchesQueueFilter(item({ state: 'returned' }), 'overdue', today)).toBe(false);
    expect(matchesQueueFilter(item({ state: 'returned' }), 'returned', today)).toBe(true);
    expect(matchesQueueFilter(item({ state: 'submitted' }), 'submitted', today)).toBe(true);
  });
});

describe(matchesQueueSearch.name, () => {
  it('finds by code, Chinese name or English name, ignoring case, spaces and full-width letters', () => {
    expect(matchesQueueSearch(item(), 't007')).toBe(true);
    expect(matchesQueueSearch(item(), 'Ｔ００７')).toBe(true);
    expect(matchesQueueSearch(item(), ' 网上 可办 ')).toBe(true);
    expect(matchesQueueSearch(item(), 'online')).toBe(true);
    expect(matchesQueueSearch(item(), '满意度')).toBe(false);
  });
  it('finds everything with an empty or blank search', () => {
    expect(matchesQueueSearch(item(), '')).toBe(true);
    expect(matchesQueueSearch(item(), '   ')).toBe(true);
    expect(matchesQueueSearch(item(), undefined)).toBe(true);
  });
});

describe(selectQueue.name, () => {
  const today = '2020-10-14';
  const list = [
    item({ state: 'overdue', dueDate: '2020-10-01', metricCode: 'A' }),
    item({ state: 'returned', dueDate: '2020-10-02', metricCode: 'B', metricName: '法律顾问覆盖率' }),
    item({ state: 'due-soon', dueDate: '2020-10-15', metricCode: 'C' }),
    item({ state: 'due', dueDate: '2020-11-15', metricCode: 'D' }),
    item({ state: 'submitted', dueDate: '2020-09-15', metricCode: 'E' }),
  ];

  it('counts every tab and gives the chosen tab', () => {
    const s = selectQueue(list, { filter: 'overdue' }, today);
    expect(s.counts).toEqual({ all: 5, overdue: 1, returned: 1, 'due-week': 1, submitted: 1 });
    expect(s.items.map((i) => i.metricCode)).toEqual(['A']);
    expect(s).toMatchObject({ total: 1, page: 1, pages: 1, pageSize: null });
  });

  it('counts what the search found', () => {
    const s = selectQueue(list, { filter: 'all', q: '法律顾问' }, today);
    expect(s.counts).toEqual({ all: 1, overdue: 0, returned: 1, 'due-week': 0, submitted: 0 });
    expect(s.items.map((i) => i.metricCode)).toEqual(['B']);
  });

  it('pages, and shows the last page for a page beyond it', () => {
    expect(selectQueue(list, { filter: 'all', page: 2, pageSize: 2 }, today).items.map((i) => i.metricCode)).toEqual([
      'C',
      'D',
    ]);
    const beyond = selectQueue(list, { filter: 'all', page: 9, pageSize: 2 }, today);
    expect(beyond).toMatchObject({ page: 3, pages: 3, total: 5 });
    expect(beyond.items.map((i) => i.metricCode)).toEqual(['E']);
    expect(selectQueue(list, { filter: 'returned', q: 'nothing', page: 4, pageSize: 2 }, today)).toMatchObject({
      page: 1,
      pages: 1,
      total: 0,
      items: [],
    });
  });

  it('keeps the list order, loses no item across pages, and each tab count is the size of its tab', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((n) => new Date(Date.UTC(2020, 9, 1 + n)).toISOString().slice(0, 10));
    const arb = fc.array(
      fc.record({
        state: fc.constantFrom(...QUEUE_STATES),
        dueDate: day,
        metricCode: fc.constantFrom('A', 'B', 'C'),
        metricName: fc.constant('指标'),
        metricNameEn: fc.constant('metric'),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom(...QUEUE_FILTERS),
        fc.integer({ min: 1, max: 7 }),
        day,
        (raw, filter, pageSize, today) => {
          const sorted = [...raw].sort(compareQueueItems);
          const first = selectQueue(sorted, { filter, pageSize }, today);
          const all = Array.from(
            { length: first.pages },
            (_, p) => selectQueue(sorted, { filter, page: p + 1, pageSize }, today).items,
          ).flat();
          expect(all).toEqual(sorted.filter((i) => matchesQueueFilter(i, filter, today)));
          expect(all.length).toBe(first.counts[filter]);
          expect(first.counts.all).toBe(sorted.length);
          expect(
            first.counts.overdue + first.counts.returned + first.counts.submitted + first.counts['due-week'],
          ).toBeLessThanOrEqual(sorted.length);
        },
      ),
    );
  });
});
