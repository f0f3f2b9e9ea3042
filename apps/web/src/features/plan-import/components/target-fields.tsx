import {
  COMPARATORS,
  METRIC_KINDS,
  METRIC_PERIODS,
  METRIC_UNITS,
  type DepartmentSeed,
  type MetricSeed,
} from '@taizhang/domain';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  legend: string;
  metric: MetricSeed;
  /** Departments a target may be reported by: the ledger's and those already known. */
  departments: DepartmentSeed[];
  onChange: (change: Partial<MetricSeed>) => void;
}

/** Every term of a target: name, kind, comparator, value or deadline, unit, period and who reports it. */
export function TargetFields({ id, legend, metric, departments, onChange }: Props) {
  const { t } = useTranslation();
  const deadline = metric.kind === 'deadline';
  const reporters = metric.reportingDepartments ?? [];
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...reporters, code] : reporters.filter((c) => c !== code);
    // None ticked: the task's lead and responsible departments report it, as the parser proposed.
    onChange({ reportingDepartments: next.length ? next : undefined });
  };
  const kindChange = (kind: MetricSeed['kind']) =>
    onChange(
      kind === 'deadline'
        ? { kind, unit: 'date', comparator: 'lte', target: null }
        : kind === 'case'
          ? { kind, unit: 'working-days', period: 'case', deadline: null }
          : { kind, deadline: null, ...(metric.kind === 'deadline' ? { unit: 'count' as const } : {}) },
    );
  return (
    <fieldset className="import-fields" id={id}>
      <legend>{legend}</legend>
      <label className="field-wide">
        {t('planImport.name')}
        <input
          value={metric.name}
          onChange={(e) =>
            onChange({ name: e.target.value, ...(metric.nameEn === metric.name ? { nameEn: e.target.value } : {}) })
          }
        />
      </label>
      <label>
        {t('planImport.kind')}
        <select value={metric.kind} onChange={(e) => kindChange(e.target.value as MetricSeed['kind'])}>
          {METRIC_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`planImport.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('planImport.comparator')}
        <select
          value={metric.comparator}
          onChange={(e) => onChange({ comparator: e.target.value as MetricSeed['comparator'] })}
        >
          {COMPARATORS.map((c) => (
            <option key={c} value={c}>
              {t(`planImport.comparators.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {deadline ? (
        <label>
          {t('planImport.deadline')}
          <input
            value={metric.deadline ?? ''}
            pattern="\d{2}-\d{2}"
            placeholder="MM-DD"
            onChange={(e) => onChange({ deadline: e.target.value || null })}
          />
        </label>
      ) : (
        <label>
          {t('planImport.value')}
          <input
            type="number"
            step="any"
            min={0}
            value={metric.target ?? ''}
            onChange={(e) => onChange({ target: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </label>
      )}
      <label>
        {t('planImport.unit')}
        <select value={metric.unit} onChange={(e) => onChange({ unit: e.target.value as MetricSeed['unit'] })}>
          {METRIC_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`planImport.units.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('planImport.periodLabel')}
        <select value={metric.period} onChange={(e) => onChange({ period: e.target.value as MetricSeed['period'] })}>
          {METRIC_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`planImport.periods.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="import-departments">
        <legend>{t('planImport.reporters')}</legend>
        {reporters.length === 0 && <p className="hint">{t('planImport.reportersDefault')}</p>}
        {departments.map((d) => (
          <label key={d.code} className="check">
            <input
              type="checkbox"
              checked={reporters.includes(d.code)}
              onChange={(e) => toggle(d.code, e.target.checked)}
            />
            {d.name}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
