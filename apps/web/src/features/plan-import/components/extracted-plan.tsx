import type { DepartmentSeed, MetricSeed, PlanSeed, UnresolvedItem } from '@taizhang/domain';
import { useTranslation } from 'react-i18next';
import { editedMetric, type MetricEdits, type TargetEntry } from '../api/target-edits';
import { TargetItem } from './target-item';

interface Props {
  /** The seed as read: its indicators and tasks, numbered 1…n. */
  seed: PlanSeed;
  edits: MetricEdits;
  entries: TargetEntry[];
  /** Targets the reviewer added from the source text. */
  added: MetricSeed[];
  departments: DepartmentSeed[];
  /** A change of fields, null to discard (or remove an added target), undefined to restore the target as read. */
  onChange: (code: string, change: Partial<MetricSeed> | null | undefined) => void;
  onLocate: (code: string) => void;
}

const isEdited = (original: MetricSeed, change: Partial<MetricSeed> | null | undefined) =>
  Boolean(change) && Object.entries(change!).some(([k, v]) => original[k as keyof MetricSeed] !== v);
const clip = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Indicators → tasks → targets as the plan will have them, every target editable or discardable, added ones removable. */
export function ExtractedPlan({ seed, edits, entries, added, departments, onChange, onLocate }: Props) {
  const { t } = useTranslation();
  const byTask = new Map<number, TargetEntry[]>();
  for (const e of entries) byTask.set(e.taskNumber, [...(byTask.get(e.taskNumber) ?? []), e]);
  const originals = new Map(seed.metrics.map((m) => [m.code, m]));
  const kept = entries.filter((e) => edits[e.code] !== null).length + added.length;
  const seconds = seed.indicators.flatMap((f) => f.children);
  return (
    <section className="panel import-extracted" aria-labelledby="import-extracted-title">
      <h3 id="import-extracted-title">{t('planImport.extracted')}</h3>
      <p data-testid="import-summary">
        {t('planImport.summary', {
          first: seed.indicators.length,
          second: seconds.length,
          tasks: seconds.flatMap((s) => s.tasks).length,
          targets: entries.length + added.length,
          kept,
        })}
      </p>
      <ol className="import-tree">
        {seed.indicators.map((first) => (
          <li key={first.number}>
            <h4>{t('planImport.firstLevel', { number: first.number, title: first.title })}</h4>
            <ol>
              {first.children.map((second) => (
                <li key={second.number}>
                  {/* A ledger with one level of headings: the second level repeats the first, said once. */}
                  {(second.title !== first.title || first.children.length > 1) && (
                    <h5>
                      {second.number}. {second.title}
                    </h5>
                  )}
                  <ol className="import-tasks">
                    {second.tasks.map((task) => {
                      const read = byTask.get(task.number) ?? [];
                      const mine = added.filter((m) => m.taskNumber === task.number);
                      return (
                        <li key={task.number} data-testid="import-task" data-task={task.number}>
                          <p className="import-task">
                            <span className="task-number">{t('task', { number: task.number })}</span>{' '}
                            <span title={task.text}>{clip(task.text)}</span>
                          </p>
                          {read.length + mine.length === 0 ? (
                            <p className="muted import-none">{t('planImport.noTargets')}</p>
                          ) : (
                            <ul className="import-targets">
                              {read.map((entry) => {
                                const original = originals.get(entry.code);
                                if (!original) return null;
                                return (
                                  <TargetItem
                                    key={entry.code}
                                    entry={entry}
                                    original={original}
                                    metric={editedMetric(seed, edits, entry.code)}
                                    edited={isEdited(original, edits[entry.code])}
                                    departments={departments}
                                    onChange={(change) => onChange(entry.code, { ...edits[entry.code], ...change })}
                                    onDiscard={(discard) => onChange(entry.code, discard ? null : undefined)}
                                    onLocate={() => onLocate(entry.code)}
                                  />
                                );
                              })}
                              {mine.map((m) => (
                                <TargetItem
                                  key={m.code}
                                  original={m}
                                  metric={{ ...m, ...edits[m.code] }}
                                  edited={false}
                                  departments={departments}
                                  onChange={(change) => onChange(m.code, { ...edits[m.code], ...change })}
                                  onDiscard={() => onChange(m.code, null)}
                                  onLocate={() => onLocate(m.code)}
                                />
                              ))}
                            </ul>
                          )}
                        </li>
                      );
                    })}
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
          {items.map((u) => (
            <li key={`${u.start}-${u.end}`}>
              <q>{u.text}</q> — {u.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
