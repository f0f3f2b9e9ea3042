import type {
  CreateMetricRequest,
  DepartmentResponse,
  EditorMetric,
  UpdateMetricDefinitionRequest,
} from '@taizhang/contracts';
import {
  COMPARATORS,
  METRIC_KINDS,
  METRIC_PERIODS,
  METRIC_UNITS,
  type Comparator,
  type MetricKind,
  type MetricPeriod,
  type MetricUnit,
} from '@taizhang/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

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
  const id = useId();
  const [draft, setDraft] = useState({
    name: metric?.name ?? '',
    kind: (metric?.kind ?? 'value') as MetricKind,
    comparator: (metric?.comparator ?? 'gte') as Comparator,
    target: metric?.target === null || metric?.target === undefined ? '' : String(metric.target),
    deadline: metric?.deadline ?? '',
    unit: (metric?.unit ?? 'percent') as MetricUnit,
    period: (metric?.period ?? 'year') as MetricPeriod,
    source: metric?.source ?? taskText,
    reporters: metric?.reportingDepartmentIds ?? [],
  });
  const deadline = draft.kind === 'deadline';
  const set = (change: Partial<typeof draft>) => setDraft({ ...draft, ...change });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const terms = deadline ? { deadline: draft.deadline } : { target: Number(draft.target) };
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
      {!metric && (
        <>
          <label>
            {t('planImport.kind')}
            <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as MetricKind })}>
              {METRIC_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`planImport.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          {!deadline && (
            <label>
              {t('planImport.unit')}
              <select value={draft.unit} onChange={(e) => set({ unit: e.target.value as MetricUnit })}>
                {METRIC_UNITS.filter((u) => u !== 'date').map((u) => (
                  <option key={u} value={u}>
                    {t(`planImport.units.${u}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('planImport.periodLabel')}
            <select value={draft.period} onChange={(e) => set({ period: e.target.value as MetricPeriod })}>
              {METRIC_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t(`planImport.periods.${p}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label>
        {t('planImport.comparator')}
        <select value={draft.comparator} onChange={(e) => set({ comparator: e.target.value as Comparator })}>
          {COMPARATORS.map((c) => (
            <option key={c} value={c}>
              {t(`planImport.comparators.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {deadline ? (
        <label>
          {t('planImport.deadline')}{' '}
          <input
            value={draft.deadline}
            pattern="\d{2}-\d{2}"
            placeholder="MM-DD"
            onChange={(e) => set({ deadline: e.target.value })}
            required
          />
        </label>
      ) : (
        <label>
          {t('planImport.value')}{' '}
          <input
            type="number"
            step="any"
            min={0}
            value={draft.target}
            onChange={(e) => set({ target: e.target.value })}
            required
          />
        </label>
      )}
      <label className="field-wide">
        {t('planEditor.source')}{' '}
        <textarea rows={2} value={draft.source} onChange={(e) => set({ source: e.target.value })} required />
      </label>
      <fieldset className="field-wide editor-departments">
        <legend>{t('planEditor.reporters')}</legend>
        <p className="muted editor-hint">{t('planEditor.reportersDefault')}</p>
        {departments
          .filter((d) => !d.isGroup)
          .map((d) => (
            <label key={d.id} htmlFor={`${id}-${d.id}`}>
              <input
                id={`${id}-${d.id}`}
                type="checkbox"
                checked={draft.reporters.includes(d.id)}
                onChange={(e) =>
                  set({
                    reporters: e.target.checked
                      ? [...draft.reporters, d.id].sort((a, b) => a - b)
                      : draft.reporters.filter((x) => x !== d.id),
                  })
                }
              />{' '}
              {d.name}
            </label>
          ))}
      </fieldset>
      <span className="editor-form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {t('planEditor.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('planEditor.cancel')}
        </button>
      </span>
    </form>
  );
}
