import type { PlanSummaryResponse } from '@taizhang/contracts';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { usePlans } from './plan-api';

const STORAGE_KEY = 'taizhang.plan';

/** Without a choice: the demo plan where there is one (it has data), else the newest plan. */
export const defaultPlan = (plans: PlanSummaryResponse[]): PlanSummaryResponse | undefined =>
  plans.find((p) => p.demo) ?? plans[0];

const remembered = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(STORAGE_KEY));

/** On sign-out: the next person starts from the default plan, not the one the last chose. */
export const forgetSelectedPlan = () => sessionStorage.removeItem(STORAGE_KEY);

/**
 * The plan the pages show: `?plan=<id>` in the address, else the one last chosen in this tab (so links
 * without the parameter — header, drill-down — stay on it), else the default. Shared by overview, queue,
 * reports and drill-down pages, so it lives here.
 */
export function useSelectedPlan() {
  const [params, setParams] = useSearchParams();
  const plans = usePlans();
  const fromAddress = params.get('plan');
  const wanted = Number(fromAddress ?? remembered() ?? NaN);
  const list = plans.data ?? [];
  const plan = list.find((p) => p.id === wanted) ?? defaultPlan(list);
  useEffect(() => {
    if (fromAddress) sessionStorage.setItem(STORAGE_KEY, fromAddress);
  }, [fromAddress]);
  /** Switches plan; the month in the address belonged to the other plan, so it goes. */
  const choose = (id: number) => {
    sessionStorage.setItem(STORAGE_KEY, String(id));
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('plan', String(id));
      next.delete('period');
      return next;
    });
  };
  return { plans, plan, choose };
}
