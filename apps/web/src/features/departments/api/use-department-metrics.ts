import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import type { MetricResponse } from '@taizhang/contracts';
import { REFRESH_MS } from '../../../lib/plan-api';

/** The metrics a department reports, each with that department's evaluation as the chosen month shows it (or today's). */
export function useDepartmentMetrics(planId: number | undefined, departmentId: number, month: string | undefined) {
  return useQuery({
    queryKey: ['department-metrics', planId, departmentId, month ?? 'today'],
    queryFn: () =>
      getJson<MetricResponse[]>(
        `/api/metrics?planId=${planId}&departmentId=${departmentId}${month ? `&period=${month}` : ''}`,
      ),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}
