import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanSettingsRequest, PlanSummaryResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, patchJson } from '../../../lib/api-client';
import { usePlans } from '../../../lib/plan-api';

function PlanSettingsRow({ plan }: { plan: PlanSummaryResponse }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [draft, setDraft] = useState({
    before: String(plan.remindBeforeWorkingDays),
    after: String(plan.remindOverdueAfterWorkingDays),
  });
  const save = useMutation({
    mutationFn: (body: PlanSettingsRequest) => patchJson<PlanSummaryResponse>(`/api/plans/${plan.id}/settings`, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Numbers as typed: the API answers out-of-range values with its own bilingual message.
    save.mutate({ remindBeforeWorkingDays: Number(draft.before), remindOverdueAfterWorkingDays: Number(draft.after) });
  };
  const formId = `plan-settings-${plan.id}`;
  return (
    <tr data-testid="plan-settings-row" data-plan={plan.id}>
      <td>{plan.title}</td>
      <td>
        <input
          form={formId}
          type="number"
          min={0}
          max={30}
          step={1}
          required
          aria-label={t('supervisionAdmin.remindBeforeLabel', { plan: plan.title })}
          value={draft.before}
          onChange={(e) => setDraft({ ...draft, before: e.target.value })}
        />
      </td>
      <td>
        <input
          form={formId}
          type="number"
          min={0}
          max={30}
          step={1}
          required
          aria-label={t('supervisionAdmin.remindOverdueAfterLabel', { plan: plan.title })}
          value={draft.after}
          onChange={(e) => setDraft({ ...draft, after: e.target.value })}
        />
      </td>
      <td>
        <form id={formId} onSubmit={submit}>
          <button type="submit" disabled={save.isPending}>
            {t('supervisionAdmin.save')}
          </button>
        </form>
        {save.isSuccess && (
          <span role="status" className="muted">
            {' '}
            {t('supervisionAdmin.saved')}
          </span>
        )}
        {save.error && (
          <span role="alert" className="form-error">
            {' '}
            {errorMessage(save.error, i18n.language)}
          </span>
        )}
      </td>
    </tr>
  );
}

/** Each plan's reminder lead times, in working days; the supervision loop reads them on its next cycle. */
export function PlanReminderSettings() {
  const { t } = useTranslation();
  const plans = usePlans();
  return (
    <section className="panel" aria-labelledby="plan-reminders-title">
      <h2 id="plan-reminders-title">{t('supervisionAdmin.reminders')}</h2>
      <p className="muted">{t('supervisionAdmin.remindersIntro')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('supervisionAdmin.plan')}</th>
              <th>{t('supervisionAdmin.remindBefore')}</th>
              <th>{t('supervisionAdmin.remindOverdueAfter')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(plans.data ?? []).map((p) => (
              <PlanSettingsRow key={p.id} plan={p} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
