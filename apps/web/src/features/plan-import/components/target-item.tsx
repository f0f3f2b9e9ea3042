import { COMPARATORS, formatTarget, METRIC_PERIODS, METRIC_UNITS, type MetricSeed } from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetEntry } from '../api/target-edits';

// Below this the parser filled in defaults or repaired the reading: worth a second look.
const LOW_CONFIDENCE = 0.7;

interface Props {
  entry: TargetEntry;
  /** The metric as edited; null when discarded. */
  metric: MetricSeed | null;
  original: MetricSeed;
  edited: boolean;
  onChange: (change: Partial<MetricSeed>) => void;
  onDiscard: (discard: boolean) => void;
  onLocate: () => void;
}

/** One extracted target: what it says, how sure the parser is, and inline fields to correct it. */
export function TargetItem({ entry, metric, original, edited, onChange, onDiscard, onLocate }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { code, parsed } = entry;
  const shown = metric ?? original;
  const low = parsed.confidence < LOW_CONFIDENCE;
  const fieldsId = `import-fields-${code}`;
  return (
    <li className={`import-target${metric ? '' : ' is-discarded'}`} data-testid="import-target" data-code={code}>
      <div className="import-target-head">
        <span className="import-code">{code}</span>
        <span className="metric-name">{shown.name}</span>
        <span className="import-reading" data-testid="target-reading">
          {formatTarget(shown, lang)} · {t(`planImport.periods.${shown.period}`)} · {t(`planImport.kinds.${shown.kind}`)}
        </span>
        <span className={low ? 'confidence confidence-low' : 'confidence'}>
          {t('planImport.confidence', { value: Math.round(parsed.confidence * 100) })}{low && ` · ${t('planImport.lowConfidence')}`}
        </span>
        {!metric && <span className="tag tag-discarded">{t('planImport.discarded')}</span>}
        {metric && edited && <span className="tag tag-edited">{t('planImport.edited')}</span>}
      </div>
      <p className="import-quote">
        <button type="button" className="link-button" onClick={onLocate} aria-label={t('planImport.locate', { code })}>“{parsed.span.text}”</button>
      </p>
      {parsed.notes.length > 0 && (
        <ul className="import-notes" aria-label={t('planImport.notes')}>
          {parsed.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      <div className="import-actions">
        {metric && (
          <button type="button" aria-expanded={editing} aria-controls={fieldsId} onClick={() => setEditing(!editing)} aria-label={t(editing ? 'planImport.doneTarget' : 'planImport.editTarget', { code })}>
            {editing ? t('planImport.done') : t('planImport.edit')}
          </button>
        )}
        <button type="button" onClick={() => { setEditing(false); onDiscard(Boolean(metric)); }} aria-label={t(metric ? 'planImport.discardTarget' : 'planImport.restoreTarget', { code })}>
          {metric ? t('planImport.discard') : t('planImport.restore')}
        </button>
      </div>
      {metric && editing && <TargetFields id={fieldsId} metric={metric} onChange={onChange} />}
    </li>
  );
}

function TargetFields({ id, metric, onChange }: { id: string; metric: MetricSeed; onChange: (change: Partial<MetricSeed>) => void }) {
  const { t } = useTranslation();
  const deadline = metric.kind === 'deadline';
  return (
    <fieldset className="import-fields" id={id}>
      <legend>{t('planImport.editTarget', { code: metric.code })}</legend>
      <label>{t('planImport.name')}
        <input value={metric.name} onChange={(e) => onChange({ name: e.target.value, ...(metric.nameEn === metric.name ? { nameEn: e.target.value } : {}) })} />
      </label>
      <label>{t('planImport.comparator')}
        <select value={metric.comparator} onChange={(e) => onChange({ comparator: e.target.value as MetricSeed['comparator'] })}>
          {COMPARATORS.map((c) => <option key={c} value={c}>{t(`planImport.comparators.${c}`)}</option>)}
        </select>
      </label>
      {deadline ? (
        <label>{t('planImport.deadline')}
          <input value={metric.deadline ?? ''} pattern="\d{2}-\d{2}" placeholder="MM-DD" onChange={(e) => onChange({ deadline: e.target.value || null })} />
        </label>
      ) : (
        <label>{t('planImport.value')}
          <input type="number" step="any" value={metric.target ?? ''} onChange={(e) => onChange({ target: e.target.value === '' ? null : Number(e.target.value) })} />
        </label>
      )}
      <label>{t('planImport.unit')}
        <select value={metric.unit} onChange={(e) => onChange({ unit: e.target.value as MetricSeed['unit'] })}>
          {METRIC_UNITS.map((u) => <option key={u} value={u}>{t(`planImport.units.${u}`)}</option>)}
        </select>
      </label>
      <label>{t('planImport.periodLabel')}
        <select value={metric.period} onChange={(e) => onChange({ period: e.target.value as MetricSeed['period'] })}>
          {METRIC_PERIODS.map((p) => <option key={p} value={p}>{t(`planImport.periods.${p}`)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
