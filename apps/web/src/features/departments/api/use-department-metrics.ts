import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import type { MetricResponse } from '@taizhang/contracts';
import { REFRESH_MS } from '../../../lib/plan-api';

/** The metrics a department reports, each with that department's current evaluation. */
export function useDepartmentMetrics(planId: number | undefined, departmentId: number) {
  return useQuery({
    queryKey: ['department-metrics', planId, departmentId],
    queryFn: () => getJson<MetricResponse[]>(`/api/metrics?planId=${planId}&departmentId=${departmentId}`),
    enabled: planId !== undefined,
    refetchInterval: REFRESH_MS,
  });
}
