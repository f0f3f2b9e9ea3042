import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { usePlanTree } from '../../../lib/plan-api';
import { usePlanMonth } from '../api/use-plan-month';
import { LoadGate } from './load-gate';
import { PlanMonthToolbar } from './plan-month-toolbar';
import { PlanTree } from './plan-tree';

/** The whole plan for the month: first-level → second-level → task → metric, each with its status. */
export function PlanTreePage() {
  const { t } = useTranslation();
  const { plans, plan, choose, period, summary } = usePlanMonth();
  const tree = usePlanTree(plan?.id, period);
  return (
    <LoadGate queries={[plans, summary, tree]}>
      {plan && summary.data && tree.data && (
        <>
          <Breadcrumbs crumbs={[{ label: t('cockpit.treeTitle') }]} />
          <PlanMonthToolbar plans={plans.data ?? []} plan={plan} onChoose={choose} summary={summary.data} />
          <PlanTree indicators={tree.data.indicators} />
        </>
      )}
    </LoadGate>
  );
}
