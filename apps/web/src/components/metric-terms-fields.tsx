import { COMPARATORS, METRIC_KINDS, METRIC_PERIODS, METRIC_UNITS, type MetricTerms } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { SelectField } from './labelled-field';

/** The terms a metric is judged by (the domain's MetricTerms), as the plan import and the plan editor both edit them. */
export type { MetricTerms };

interface Props {
  terms: MetricTerms;
  onChange: (change: Partial<MetricTerms>) => void;
  /** Kind, unit and period cannot change once a metric exists (its figures are of them): not offered. */
  fixed?: boolean;
  required?: boolean;
}

// A deadline's unit is the date; the other kinds count in any other unit.
const UNITS = METRIC_UNITS.filter((u) => u !== 'date');

/** Kind, comparator, target value or deadline, unit and period: labelled fields for a form or fieldset. */
export function MetricTermsFields({ terms, onChange, fixed = false, required = false }: Props) {
  const { t } = useTranslation();
  const deadline = terms.kind === 'deadline';
  return (
    <>
      {!fixed && (
        <TermSelect
          label={t('planImport.kind')}
          value={terms.kind}
          options={METRIC_KINDS}
          optionLabel={(k) => t(`planImport.kinds.${k}`)}
          onChange={(kind) => onChange({ kind })}
        />
      )}
      <TermSelect
        label={t('planImport.comparator')}
        value={terms.comparator}
        options={COMPARATORS}
        optionLabel={(c) => t(`planImport.comparators.${c}`)}
        onChange={(comparator) => onChange({ comparator })}
      />
      {deadline ? (
        <label>
          {t('planImport.deadline')}
          <input
            value={terms.deadline ?? ''}
            pattern="\d{2}-\d{2}"
            placeholder="MM-DD"
            onChange={(e) => onChange({ deadline: e.target.value || null })}
            required={required}
          />
        </label>
      ) : (
        <label>
          {t('planImport.value')}
          <input
            type="number"
            step="any"
            min={0}
            value={terms.target ?? ''}
            onChange={(e) => onChange({ target: e.target.value === '' ? null : Number(e.target.value) })}
            required={required}
          />
        </label>
      )}
      {!fixed && !deadline && (
        <TermSelect
          label={t('planImport.unit')}
          value={terms.unit}
          options={UNITS}
          optionLabel={(u) => t(`planImport.units.${u}`)}
          onChange={(unit) => onChange({ unit })}
        />
      )}
      {!fixed && (
        <TermSelect
          label={t('planImport.periodLabel')}
          value={terms.period}
          options={METRIC_PERIODS}
          optionLabel={(p) => t(`planImport.periods.${p}`)}
          onChange={(period) => onChange({ period })}
        />
      )}
    </>
  );
}

function TermSelect<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  optionLabel: (option: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <SelectField label={props.label} value={props.value} onChange={(v) => props.onChange(v as T)}>
      {props.options.map((o) => (
        <option key={o} value={o}>
          {props.optionLabel(o)}
        </option>
      ))}
    </SelectField>
  );
}
