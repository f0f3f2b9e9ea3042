import type { MetricPreviewResponse, MetricResponse, UpdateMetricRequest } from '@taizhang/contracts';
import type { Comparator, ReportingFrequency, Status } from '@taizhang/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import './metric-rules-editor.css';
import { useAllDepartments, usePreviewRules, useSaveRules } from '../api/use-metric-rules';
import { DepartmentCheckboxes, type DepartmentChoice } from '../../../components/department-checkboxes';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { SelectField } from '../../../components/labelled-field';

interface Draft {
  target: string;
  comparator: Comparator;
  tolerance: string;
  dueWorkingDays: string;
  frequency: ReportingFrequency;
  reporters: number[];
}

const draftOf = (m: MetricResponse): Draft => ({
  target: m.target === null ? '' : String(m.target),
  comparator: m.comparator,
  tolerance: m.tolerance === null ? '' : String(m.tolerance),
  dueWorkingDays: String(m.dueWorkingDays),
  frequency: m.frequency,
  reporters: (m.reportingDepartments ?? []).map((d) => d.id),
});

/** Only what differs from the metric; a blank band is the default (null). Numbers are sent as typed, the API judges them. */
function changesOf(m: MetricResponse, d: Draft): UpdateMetricRequest {
  const body: UpdateMetricRequest = {};
  const deadline = m.kind === 'deadline';
  if (!deadline && d.target.trim() !== '' && Number(d.target) !== m.target) body.target = Number(d.target);
  if (!deadline && d.comparator !== m.comparator) body.comparator = d.comparator;
  const tolerance = d.tolerance.trim() === '' ? null : Number(d.tolerance);
  if (tolerance !== m.tolerance) body.tolerance = tolerance;
  if (d.dueWorkingDays.trim() !== '' && Number(d.dueWorkingDays) !== m.dueWorkingDays)
    body.dueWorkingDays = Number(d.dueWorkingDays);
  if (!deadline && d.frequency !== m.frequency) body.frequency = d.frequency;
  const before = (m.reportingDepartments ?? []).map((r) => r.id).sort((a, b) => a - b);
  const after = [...d.reporters].sort((a, b) => a - b);
  if (before.join(',') !== after.join(',')) body.reportingDepartmentIds = after;
  return body;
}

function StatusCell({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  return status ? <StatusBadge status={status} /> : <span className="muted">{t('rulesEditor.none')}</span>;
}

function PreviewTable({ preview }: { preview: MetricPreviewResponse }) {
  const { t, i18n } = useTranslation();
  if (preview.changes.length === 0)
    return (
      <p role="status" data-testid="rules-preview">
        {t('rulesEditor.noChange', { unchanged: preview.unchanged })}
      </p>
    );
  return (
    <div data-testid="rules-preview">
      <p role="status">{t('rulesEditor.changes', { count: preview.changes.length, unchanged: preview.unchanged })}</p>
      <DataTable
        label={t('rulesEditor.caption')}
        scrollClassName="preview-scroll"
        columns={[
          t('metricPage.period'),
          t('metricPage.department'),
          t('rulesEditor.before'),
          t('rulesEditor.after'),
          t('metricPage.reasonColumn'),
        ]}
      >
        {preview.changes.map((c) => (
          <tr key={`${c.period}:${c.departmentId ?? '*'}`} data-testid="rules-change">
            <td>{c.period}</td>
            <td>{c.departmentName ?? t('chart.overall')}</td>
            <td>
              <StatusCell status={c.before} />
            </td>
            <td>
              <StatusCell status={c.after} />
            </td>
            <td>{i18n.language === 'en' ? c.reasonEn : c.reasonZh}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function ReporterPicker({ departments, chosen, onChange }: DepartmentChoice) {
  const { t } = useTranslation();
  const groups = departments.filter((d) => d.isGroup);
  return (
    <fieldset className="reporter-picker">
      <legend>{t('rulesEditor.reporters')}</legend>
      <DepartmentCheckboxes departments={departments.filter((d) => !d.isGroup)} chosen={chosen} onChange={onChange} />
      {groups.length > 0 && (
        <p className="muted">{t('rulesEditor.groupsNote', { names: groups.map((g) => g.name).join('、') })}</p>
      )}
    </fieldset>
  );
}

/** Admins change a metric's thresholds: they see which statuses change before saving, and save only what they previewed. */
export function MetricRulesEditor({ metric }: { metric: MetricResponse }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => draftOf(metric));
  const departments = useAllDepartments(true);
  const preview = usePreviewRules(metric.id);
  const save = useSaveRules(metric.id);
  const body = changesOf(metric, draft);
  const pending = JSON.stringify(body);
  const previewed = preview.data && preview.variables && JSON.stringify(preview.variables) === pending;
  const nothing = Object.keys(body).length === 0;
  const deadline = metric.kind === 'deadline';
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    preview.mutate(body);
  };
  // The draft starts again from what was saved (the answer carries the reporters too).
  const confirm = () =>
    save.mutate(body, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        preview.reset();
      },
    });
  const error = preview.error ?? save.error;
  return (
    <section className="panel" aria-labelledby="rules-title" data-testid="rules-editor">
      <h2 id="rules-title">{t('rulesEditor.title')}</h2>
      <p className="muted">{t('rulesEditor.intro')}</p>
      <form onSubmit={submit} aria-label={t('rulesEditor.title')}>
        <div className="inline">
          {!deadline && (
            <>
              <SelectField
                label={t('rulesEditor.comparator')}
                value={draft.comparator}
                onChange={(comparator) => set({ comparator: comparator as Comparator })}
              >
                {(['gte', 'lte', 'eq'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`planImport.comparators.${c}`)}
                  </option>
                ))}
              </SelectField>
              <label>
                {t('rulesEditor.target')}
                {metric.unit === 'percent' ? '（%）' : ''}
                <input
                  type="number"
                  step="any"
                  min={0}
                  max={metric.unit === 'percent' ? 100 : undefined}
                  value={draft.target}
                  onChange={(e) => set({ target: e.target.value })}
                  required
                />
              </label>
            </>
          )}
          <label>
            {t('rulesEditor.tolerance')}
            <input
              type="number"
              step="any"
              min={0}
              value={draft.tolerance}
              placeholder={t('rulesEditor.toleranceDefault')}
              onChange={(e) => set({ tolerance: e.target.value })}
            />
          </label>
          <label>
            {t('rulesEditor.dueWorkingDays')}
            <input
              type="number"
              step={1}
              min={0}
              max={60}
              value={draft.dueWorkingDays}
              onChange={(e) => set({ dueWorkingDays: e.target.value })}
              required
            />
          </label>
          {!deadline && (
            <SelectField
              label={t('metricPage.frequency')}
              value={draft.frequency}
              onChange={(frequency) => set({ frequency: frequency as ReportingFrequency })}
            >
              {(['monthly', 'quarterly', 'annual'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`metricPage.frequencies.${f}`)}
                </option>
              ))}
            </SelectField>
          )}
        </div>
        {departments.data && (
          <ReporterPicker
            departments={departments.data}
            chosen={draft.reporters}
            onChange={(reporters) => set({ reporters })}
          />
        )}
        <div className="inline">
          <button type="submit" disabled={nothing || preview.isPending}>
            {t('rulesEditor.preview')}
          </button>
          <button type="button" className="primary" onClick={confirm} disabled={!previewed || save.isPending}>
            {t('rulesEditor.save')}
          </button>
          {nothing && !save.isSuccess && <span className="muted">{t('rulesEditor.unchanged')}</span>}
          {!nothing && !previewed && <span className="muted">{t('rulesEditor.previewFirst')}</span>}
          {save.isSuccess && <span role="status">{t('rulesEditor.saved')}</span>}
        </div>
        <ErrorAlert error={error} />
      </form>
      {previewed && preview.data && <PreviewTable preview={preview.data} />}
    </section>
  );
}
