import type { DashboardSummaryResponse, PlanSummaryResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PlanPicker } from '../../../components/plan-picker';
import { useFormat } from '../../../lib/format';

/** The plan, its 统计月份 (kept in the address) and when the engine last looked: atop the cockpit and its drill-down lists. */
export function PlanMonthToolbar({
  plans,
  plan,
  onChoose,
  summary,
}: {
  plans: PlanSummaryResponse[];
  plan: PlanSummaryResponse;
  onChoose: (id: number) => void;
  summary: DashboardSummaryResponse;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, setParams] = useSearchParams();
  return (
    <>
      {plan.demo && (
        <p className="demo-banner" role="note">
          {t('demoBanner')}
        </p>
      )}
      <div className="toolbar">
        <h2 className="plan-title">{plan.title}</h2>
        <PlanPicker plans={plans} planId={plan.id} onChoose={onChoose} />
        <label className="period-picker">
          {t('period')}{' '}
          <select
            value={summary.period ?? ''}
            onChange={(e) => setParams({ plan: String(plan.id), period: e.target.value })}
            disabled={summary.periods.length === 0}
          >
            {summary.periods.length === 0 && <option value="">{t('periodNone')}</option>}
            {summary.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <span className="print-only">
          {t('period')} {summary.period ?? '—'}
        </span>
        <span className="muted" data-testid="evaluated-at">
          {t('evaluatedAt', { time: format.dateTime(summary.evaluatedAt) })}
        </span>
      </div>
    </>
  );
}
