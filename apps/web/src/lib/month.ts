import { useSearchParams } from 'react-router';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// The month belongs to a plan (a 2020 month means nothing in a 2021 plan), so the plan travels with it.
const CARRIED = ['plan', 'period'] as const;

/**
 * The month the pages show (统计月份): `?period=YYYY-MM` in the address, chosen on the overview and carried by
 * every link, so that a page drilled into says what the overview said; undefined for the latest. Shared by the
 * overview, drill-down, metric and department pages, so it lives here.
 */
export function useMonth(): string | undefined {
  const [params] = useSearchParams();
  const period = params.get('period');
  return period && MONTH.test(period) ? period : undefined;
}

/** Makes an in-app path keep the plan and month of the current address (parameters the path sets itself win). */
export function useMonthPath(): (to: string) => string {
  const [params] = useSearchParams();
  return (to) => {
    const [path, query = ''] = to.split('?');
    const merged = new URLSearchParams(query);
    for (const key of CARRIED) {
      const value = params.get(key);
      if (value && !merged.has(key)) merged.set(key, value);
    }
    const search = merged.toString();
    return search ? `${path}?${search}` : path;
  };
}
