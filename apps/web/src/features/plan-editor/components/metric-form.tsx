import type {
  CreateMetricRequest,
  DepartmentResponse,
  EditorMetric,
  UpdateMetricDefinitionRequest,
} from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentCheckboxes } from '../../../components/department-checkboxes';
import { MetricTermsFields, type MetricTerms } from '../../../components/metric-terms-fields';
import { EditorFormButtons } from './editor-form-buttons';

interface Props {
  /** The metric edited; absent: a new metric under the task whose words prefill the source. */
  metric?: EditorMetric;
  taskText: string;
  departments: DepartmentResponse[];
  busy: boolean;
  onSave: (body: CreateMetricRequest | UpdateMetricDefinitionRequest) => void;
  onCancel: () => void;
}

/** A metric's terms. Kind, unit and period are set when it is created: its figures are of that kind. */
export function MetricForm({ metric, taskText, departments, busy, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<MetricTerms & { name: string; source: string; reporters: number[] }>({
    name: metric?.name ?? '',
    kind: metric?.kind ?? 'value',
    comparator: metric?.comparator ?? 'gte',
    target: metric?.target ?? null,
    deadline: metric?.deadline ?? null,
    unit: metric?.unit ?? 'percent',
    period: metric?.period ?? 'year',
    source: metric?.source ?? taskText,
    reporters: metric?.reportingDepartmentIds ?? [],
  });
  const deadline = draft.kind === 'deadline';
  const set = (change: Partial<typeof draft>) => setDraft({ ...draft, ...change });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The fields are required: the form is not submitted without them.
    const terms = deadline ? { deadline: draft.deadline ?? '' } : { target: draft.target ?? 0 };
    const reporters = draft.reporters.length ? { reportingDepartmentIds: draft.reporters } : {};
    if (metric) {
      const sameReporters = draft.reporters.join() === metric.reportingDepartmentIds.join();
      onSave({
        name: draft.name,
        comparator: draft.comparator,
        source: draft.source,
        ...terms,
        ...(sameReporters ? {} : reporters),
      });
    } else {
      onSave({
        name: draft.name,
        kind: draft.kind,
        comparator: draft.comparator,
        unit: deadline ? 'date' : draft.unit,
        period: draft.period,
        source: draft.source,
        target: null,
        deadline: null,
        ...terms,
        ...reporters,
      } as CreateMetricRequest);
    }
  };
  return (
    <form
      className="editor-form metric-form"
      onSubmit={submit}
      aria-label={metric ? t('planEditor.editMetric', { code: metric.code }) : t('planEditor.newMetric')}
    >
      <label className="field-wide">
        {t('planImport.name')} <input value={draft.name} onChange={(e) => set({ name: e.target.value })} required />
      </label>
      <MetricTermsFields terms={draft} onChange={set} fixed={Boolean(metric)} required />
      <label className="field-wide">
        {t('planEditor.source')}{' '}
        <textarea rows={2} value={draft.source} onChange={(e) => set({ source: e.target.value })} required />
      </label>
      <fieldset className="field-wide editor-departments">
        <legend>{t('planEditor.reporters')}</legend>
        <p className="muted editor-hint">{t('planEditor.reportersDefault')}</p>
        <DepartmentCheckboxes
          departments={departments.filter((d) => !d.isGroup)}
          chosen={draft.reporters}
          // Kept in id order, so that ticking a box and unticking it again leaves the list as it was.
          onChange={(ids) => set({ reporters: [...ids].sort((a, b) => a - b) })}
        />
      </fieldset>
      <EditorFormButtons submitLabel={t('planEditor.save')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
