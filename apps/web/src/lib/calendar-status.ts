import { useQuery } from '@tanstack/react-query';
import type { CalendarStatusResponse } from '@taizhang/contracts';
import { getJson } from './api-client';

/**
 * Whether next year's working-day calendar is still provisional. Shared because the admin banner (on every
 * admin screen) and the calendar page (its default year) both read it.
 */
export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: () => getJson<CalendarStatusResponse>('/api/calendar/status'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** From 1 November the year to look at is next year (its notice is due); before that, this year. */
export function defaultCalendarYear(status: CalendarStatusResponse): number {
  return status.today.slice(5) >= '11-01' ? status.nextYear : status.nextYear - 1;
}
