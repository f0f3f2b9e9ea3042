import type { PlanSummaryResponse } from '@taizhang/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Chooses which plan the page shows; hidden while there is only one. */
export function PlanPicker({
  plans,
  planId,
  onChoose,
}: {
  plans: PlanSummaryResponse[];
  planId: number | undefined;
  onChoose: (id: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  if (plans.length < 2) return null;
  return (
    <span className="plan-picker">
      <label htmlFor={id}>{t('planPicker')}</label>{' '}
      <select id={id} value={planId ?? ''} onChange={(e) => onChoose(Number(e.target.value))}>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} · {p.code}
          </option>
        ))}
      </select>
    </span>
  );
}
