import type { DepartmentSeed, MetricSeed } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { MetricTermsFields } from '../../../components/metric-terms-fields';

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
      <MetricTermsFields
        terms={metric}
        onChange={(change) => (change.kind ? kindChange(change.kind) : onChange(change))}
      />
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
