import type { PlanSummaryResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';

/** Chooses which plan the page shows; hidden while there is only one. */
export function PlanPicker({ plans, planId, onChoose }: { plans: PlanSummaryResponse[]; planId: number | undefined; onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  if (plans.length < 2) return null;
  return (
    <label className="plan-picker">
      {t('planPicker')}{' '}
      <select value={planId ?? ''} onChange={(e) => onChoose(Number(e.target.value))}>
        {plans.map((p) => <option key={p.id} value={p.id}>{p.title} · {p.code}</option>)}
      </select>
    </label>
  );
}
