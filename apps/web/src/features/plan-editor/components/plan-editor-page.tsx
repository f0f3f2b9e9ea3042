import type { PlanOutlineResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PlanPicker } from '../../../components/plan-picker';
import { usePlans } from '../../../lib/plan-api';
import { defaultPlan } from '../../../lib/selected-plan';
import { useAllDepartments, useEditorChange, useOutline } from '../api/use-plan-editor';
import { NextYearPanel } from './next-year-panel';
import { OutlineTree } from './outline-tree';
import type { Apply } from './row-lifecycle';
import '../plan-editor.css';
import { ErrorAlert } from '../../../components/error-alert';

function counts(o: PlanOutlineResponse) {
  const seconds = o.indicators.flatMap((f) => f.children);
  const tasks = seconds.flatMap((s) => s.tasks);
  const metrics = tasks.flatMap((t) => t.metrics);
  return {
    first: o.indicators.length,
    second: seconds.length,
    tasks: tasks.length,
    metrics: metrics.length,
    retired: metrics.filter((m) => m.retiredAt).length,
  };
}

/** The admin's plan editor (/admin/plans/:planId): the plan's structure, every change saved at once and audited. */
export function PlanEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const plans = usePlans();
  const list = plans.data ?? [];
  const plan = list.find((p) => p.id === Number(params.planId)) ?? defaultPlan(list);
  const outline = useOutline(plan?.id);
  const departments = useAllDepartments();
  const change = useEditorChange(plan?.id);
  const apply: Apply = (c, done) => change.mutate(c, { onSuccess: () => done?.() });
  return (
    <>
      <section className="panel plan-editor" aria-labelledby="plan-editor-title">
        <h2 id="plan-editor-title">
          {t('planEditor.title')}
          {plan ? `：${plan.title}` : ''}
        </h2>
        <p className="muted">{t('planEditor.intro')}</p>
        <PlanPicker plans={list} planId={plan?.id} onChoose={(id) => navigate(`/admin/plans/${id}`)} />
        {outline.data && (
          <p className="muted" data-testid="editor-summary">
            {t('planEditor.summary', counts(outline.data))}
          </p>
        )}
        <ErrorAlert error={outline.error} />
      </section>
      {plan && <NextYearPanel key={plan.id} plan={plan} />}
      <section className="panel" aria-label={t('planEditor.outline')}>
        {/* Sticky: the answer to a change made far down the outline stays in sight. */}
        <div className="editor-status">
          <ErrorAlert error={change.error} />
          {change.isPending && (
            <p role="status" className="muted">
              {t('planEditor.saving')}
            </p>
          )}
        </div>
        {outline.data && (
          <OutlineTree
            indicators={outline.data.indicators}
            departments={departments.data ?? []}
            busy={change.isPending}
            apply={apply}
          />
        )}
      </section>
    </>
  );
}
