import { formatTarget, type DepartmentSeed, type MetricSeed } from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetEntry } from '../api/target-edits';
import { TargetFields } from './target-fields';

// Below this the parser filled in defaults or repaired the reading: worth a second look.
const LOW_CONFIDENCE = 0.7;

interface Props {
  /** The parser's reading; absent for a target the reviewer added from the source text. */
  entry?: TargetEntry;
  /** The metric as edited; null when discarded. */
  metric: MetricSeed | null;
  original: MetricSeed;
  edited: boolean;
  onChange: (change: Partial<MetricSeed>) => void;
  onDiscard: (discard: boolean) => void;
  onLocate: () => void;
  departments: DepartmentSeed[];
}

/** One extracted target: what it says, how sure the parser is, and inline fields to correct it. */
export function TargetItem({ entry, metric, original, edited, onChange, onDiscard, onLocate, departments }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const { code } = original;
  const parsed = entry?.parsed;
  const shown = metric ?? original;
  const low = parsed ? parsed.confidence < LOW_CONFIDENCE : false;
  const reporters = shown.reportingDepartments?.map((c) => departments.find((d) => d.code === c)?.name ?? c) ?? [];
  const fieldsId = `import-fields-${code}`;
  return (
    <li
      className={`import-target accent-card${metric ? '' : ' is-discarded'}`}
      data-testid="import-target"
      data-code={code}
    >
      <div className="import-target-head">
        <span className="import-code">{code}</span>
        <span className="metric-name">{shown.name}</span>
        <span className="import-reading" data-testid="target-reading">
          {formatTarget(shown, lang)} · {t(`planImport.periods.${shown.period}`)} ·{' '}
          {t(`planImport.kinds.${shown.kind}`)}
        </span>
        {parsed ? (
          <span className={low ? 'confidence confidence-low' : 'confidence'}>
            {t('planImport.confidence', { value: Math.round(parsed.confidence * 100) })}
            {low && ` · ${t('planImport.lowConfidence')}`}
          </span>
        ) : (
          <span className="tag tag-added">{t('planImport.addedTag')}</span>
        )}
        {!metric && <span className="tag tag-discarded">{t('planImport.discarded')}</span>}
        {metric && edited && <span className="tag tag-edited">{t('planImport.edited')}</span>}
      </div>
      <p className="import-quote">
        <button type="button" className="link-button" onClick={onLocate} aria-label={t('planImport.locate', { code })}>
          “{parsed?.span.text ?? original.source}”
        </button>
      </p>
      {reporters.length > 0 && (
        <p className="import-reporters" data-testid="target-reporters">
          {t('planImport.reportedBy', { names: reporters.join(t('planImport.compare.separator')) })}
        </p>
      )}
      {parsed && parsed.notes.length > 0 && (
        <ul className="import-notes" aria-label={t('planImport.notes')}>
          {parsed.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="import-actions">
        {metric && (
          <button
            type="button"
            aria-expanded={editing}
            aria-controls={fieldsId}
            onClick={() => setEditing(!editing)}
            aria-label={t(editing ? 'planImport.doneTarget' : 'planImport.editTarget', { code })}
          >
            {editing ? t('planImport.done') : t('planImport.edit')}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            setEditing(false);
            onDiscard(Boolean(metric));
          }}
          aria-label={t(
            !parsed ? 'planImport.removeTarget' : metric ? 'planImport.discardTarget' : 'planImport.restoreTarget',
            { code },
          )}
        >
          {!parsed ? t('planImport.remove') : metric ? t('planImport.discard') : t('planImport.restore')}
        </button>
      </div>
      {metric && editing && (
        <TargetFields
          id={fieldsId}
          legend={t('planImport.editTarget', { code })}
          metric={metric}
          departments={departments}
          onChange={onChange}
        />
      )}
    </li>
  );
}
