import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayRequest, CalendarYearResponse, NoticePreviewResponse } from '@taizhang/contracts';
import { getJson, postJson, putJson } from '../../../lib/api-client';

const yearKey = (year: number) => ['calendar', 'year', year] as const;

/** GET /api/calendar/years/:year: stored (official, package) or computed (provisional). */
export function useCalendarYear(year: number | null) {
  return useQuery({
    queryKey: yearKey(year ?? 0),
    queryFn: () => getJson<CalendarYearResponse>(`/api/calendar/years/${year}`),
    enabled: year !== null,
    retry: false,
  });
}

/** POST /api/calendar/notices/preview: what the pasted notice says; nothing is written. */
export function usePreviewNotice() {
  return useMutation({
    mutationFn: (text: string) => postJson<NoticePreviewResponse>('/api/calendar/notices/preview', { text }),
  });
}

/**
 * A changed year changes the status (the banner) and may change the neighbouring years too (a 元旦 break
 * that began in December), so every calendar answer is read again.
 */
function useCalendarChanged() {
  const client = useQueryClient();
  return (year: CalendarYearResponse) => {
    client.setQueryData(yearKey(year.year), year);
    void client.invalidateQueries({ queryKey: ['calendar'] });
  };
}

/** POST /api/calendar/notices/confirm: stores the notice's year as official. */
export function useConfirmNotice() {
  const changed = useCalendarChanged();
  return useMutation({
    mutationFn: (text: string) => postJson<CalendarYearResponse>('/api/calendar/notices/confirm', { text }),
    onSuccess: changed,
  });
}

/** PUT /api/calendar/days/:date: one day set by hand, with the reason (audited). */
export function useSetDay() {
  const changed = useCalendarChanged();
  return useMutation({
    mutationFn: ({ date, ...body }: CalendarDayRequest & { date: string }) =>
      putJson<CalendarYearResponse>(`/api/calendar/days/${date}`, body),
    onSuccess: changed,
  });
}
