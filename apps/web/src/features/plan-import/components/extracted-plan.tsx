import type { MetricSeed, ParsedPlan, PlanSeed, UnresolvedItem } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { editedMetric, metricCode, type MetricEdits, type TargetEntry } from '../api/target-edits';
import { TargetItem } from './target-item';

interface Props {
  parsed: ParsedPlan;
  seed: PlanSeed;
  edits: MetricEdits;
  entries: TargetEntry[];
  /** A change of fields, null to discard, undefined to restore the target as read. */
  onChange: (code: string, change: Partial<MetricSeed> | null | undefined) => void;
  onLocate: (code: string) => void;
}

const isEdited = (original: MetricSeed, change: Partial<MetricSeed> | null | undefined) =>
  Boolean(change) && Object.entries(change!).some(([k, v]) => original[k as keyof MetricSeed] !== v);
const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Indicators → tasks → targets as the parser read them, every target editable or discardable. */
export function ExtractedPlan({ parsed, seed, edits, entries, onChange, onLocate }: Props) {
  const { t } = useTranslation();
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const originals = new Map(seed.metrics.map((m) => [m.code, m]));
  const kept = entries.filter((e) => edits[e.code] !== null).length;
  const seconds = parsed.indicators.flatMap((f) => f.children);
  return (
    <section className="panel import-extracted" aria-labelledby="import-extracted-title">
      <h3 id="import-extracted-title">{t('planImport.extracted')}</h3>
      <p data-testid="import-summary">
        {t('planImport.summary', { first: parsed.indicators.length, second: seconds.length, tasks: seconds.flatMap((s) => s.tasks).length, targets: entries.length, kept })}
      </p>
      <ol className="import-tree">
        {parsed.indicators.map((first) => (
          <li key={first.number}>
            <h4>{t('planImport.firstLevel', { number: first.number, title: first.title })}</h4>
            <ol>
              {first.children.map((second) => (
                <li key={second.number}>
                  <h5>{second.number}. {second.title}</h5>
                  <ol className="import-tasks">
                    {second.tasks.map((task) => (
                      <li key={task.number}>
                        <p className="import-task"><span className="task-number">{t('task', { number: task.number })}</span> <span title={task.text}>{clip(task.text)}</span></p>
                        {task.targets.length === 0 ? (
                          <p className="muted import-none">{t('planImport.noTargets')}</p>
                        ) : (
                          <ul className="import-targets">
                            {task.targets.map((_, i) => {
                              const code = metricCode(task.number, i);
                              const entry = byCode.get(code);
                              const original = originals.get(code);
                              if (!entry || !original) return null;
                              return (
                                <TargetItem key={code} entry={entry} original={original} metric={editedMetric(seed, edits, code)} edited={isEdited(original, edits[code])}
                                  onChange={(change) => onChange(code, { ...edits[code], ...change })} onDiscard={(discard) => onChange(code, discard ? null : undefined)} onLocate={() => onLocate(code)} />
                              );
                            })}
                          </ul>
                        )}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What the parser saw but could not decide: for a person to add by hand after the import, or to ignore. */
export function UnresolvedList({ items }: { items: UnresolvedItem[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="import-unresolved-title">
      <h3 id="import-unresolved-title">{t('planImport.unresolved', { count: items.length })}</h3>
      {items.length === 0 ? (
        <p>{t('planImport.unresolvedNone')}</p>
      ) : (
        <ul className="import-unresolved" data-testid="import-unresolved">
          {items.map((u) => <li key={`${u.start}-${u.end}`}><q>{u.text}</q> — {u.reason}</li>)}
        </ul>
      )}
    </section>
  );
}
