import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { usePlanMonth } from '../api/use-plan-month';
import { AttentionList } from './attention-list';
import { LoadGate } from './load-gate';
import { PlanMonthToolbar } from './plan-month-toolbar';

/** 需关注 in full: every red metric, then every amber one, then every green one forecast to miss the year. */
export function AttentionPage() {
  const { t } = useTranslation();
  const { plans, plan, choose, summary } = usePlanMonth();
  return (
    <LoadGate queries={[plans, summary]}>
      {plan && summary.data && (
        <>
          <Breadcrumbs crumbs={[{ label: t('cockpit.attentionTitle') }]} />
          <PlanMonthToolbar plans={plans.data ?? []} plan={plan} onChoose={choose} summary={summary.data} />
          <AttentionList items={summary.data.attention} />
        </>
      )}
    </LoadGate>
  );
}
