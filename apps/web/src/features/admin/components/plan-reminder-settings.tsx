import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanSettingsRequest, PlanSummaryResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patchJson } from '../../../lib/api-client';
import { usePlans } from '../../../lib/plan-api';
import { SaveOutcome } from './save-outcome';
import { DataTable } from '../../../components/data-table';

/** A reminder lead time, 0–30 working days, joined to its row's form by id. */
function WorkingDaysField(props: { form: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <input
      form={props.form}
      type="number"
      min={0}
      max={30}
      step={1}
      required
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

function PlanSettingsRow({ plan }: { plan: PlanSummaryResponse }) {
  const { t } = useTranslation();
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
        <WorkingDaysField
          form={formId}
          label={t('supervisionAdmin.remindBeforeLabel', { plan: plan.title })}
          value={draft.before}
          onChange={(before) => setDraft({ ...draft, before })}
        />
      </td>
      <td>
        <WorkingDaysField
          form={formId}
          label={t('supervisionAdmin.remindOverdueAfterLabel', { plan: plan.title })}
          value={draft.after}
          onChange={(after) => setDraft({ ...draft, after })}
        />
      </td>
      <td>
        <form id={formId} onSubmit={submit}>
          <button type="submit" disabled={save.isPending}>
            {t('supervisionAdmin.save')}
          </button>
        </form>
        <SaveOutcome done={save.isSuccess && t('supervisionAdmin.saved')} error={save.error} />
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
      <DataTable
        columns={[
          t('supervisionAdmin.plan'),
          t('supervisionAdmin.remindBefore'),
          t('supervisionAdmin.remindOverdueAfter'),
          '',
        ]}
      >
        {(plans.data ?? []).map((p) => (
          <PlanSettingsRow key={p.id} plan={p} />
        ))}
      </DataTable>
    </section>
  );
}
