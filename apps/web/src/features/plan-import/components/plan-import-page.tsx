import type { ImportComparison } from '@taizhang/contracts';
import type { DepartmentSeed, MetricSeed, ParsedTarget, SeedProblem } from '@taizhang/domain';
import { comparablePlan, comparePlans, planSeedProblems } from '@taizhang/domain';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { editedSeed, targetEntries, type MetricEdits, type TargetEntry } from '../api/target-edits';
import { useConfirmImport, useKnownDepartments, usePreviewImport, type ImportRequest } from '../api/use-plan-import';
import '../plan-import.css';
import { AddTarget } from './add-target';
import { ExtractedPlan, UnresolvedList } from './extracted-plan';
import { ImportForm } from './import-form';
import { PlanComparison } from './plan-comparison';
import { markOf, SourceText } from './source-text';
import { ErrorAlert } from '../../../components/error-alert';

/** A target the reviewer added, with the words of the source text it was made from. */
interface Added {
  metric: MetricSeed;
  start: number;
  end: number;
}

/** /admin/import: ledger file → preview (source text beside the extracted plan) → reviewed edits and added targets → plan. */
export function PlanImportPage() {
  const { t, i18n } = useTranslation();
  const preview = usePreviewImport();
  const confirm = useConfirmImport();
  const known = useKnownDepartments();
  const [edits, setEdits] = useState<MetricEdits>({});
  const [added, setAdded] = useState<Added[]>([]);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const data = preview.data;
  const entries = useMemo(() => (data ? targetEntries(data.parsed) : []), [data]);
  const addedMetrics = useMemo(() => added.map((a) => a.metric), [added]);
  // Marked in the source text like the targets read, so that the reviewer sees what the plan takes from where.
  const marked = useMemo(
    (): TargetEntry[] => [
      ...entries,
      ...added.map((a) => ({
        code: a.metric.code,
        taskNumber: a.metric.taskNumber,
        parsed: { span: { start: a.start, end: a.end, text: a.metric.source } } as ParsedTarget,
      })),
    ],
    [entries, added],
  );
  const discarded = useMemo(() => new Set(Object.keys(edits).filter((code) => edits[code] === null)), [edits]);
  const departments = useMemo((): DepartmentSeed[] => {
    const ledger = data?.seed.departments ?? [];
    const codes = new Set(ledger.map((d) => d.code));
    return [...ledger, ...(known.data ?? []).filter((d) => !codes.has(d.code))];
  }, [data, known.data]);
  const seed = useMemo(
    () => (data ? editedSeed(data.seed, edits, addedMetrics, departments) : null),
    [data, edits, addedMetrics, departments],
  );
  // Problems of the seed as edited, live; plus what only the server knows (a plan code in use). Confirming waits until none stands.
  const problems = useMemo((): SeedProblem[] => {
    if (!data || !seed) return [];
    const asRead = new Set(planSeedProblems(data.seed).map((p) => p.en));
    return [...planSeedProblems(seed), ...data.problems.filter((p) => !asRead.has(p.en))];
  }, [data, seed]);
  // Compared again as the reviewer edits or discards targets: what is confirmed is what was compared.
  const comparison = useMemo((): ImportComparison | null => {
    const base = data?.comparison.base;
    return base && seed && data.comparison.basePlan
      ? { ...data.comparison, ...comparePlans(base, comparablePlan(seed)) }
      : null;
  }, [data, seed]);

  const read = (request: ImportRequest) => {
    setEdits({});
    setAdded([]);
    setSelection(null);
    confirm.reset();
    preview.mutate(request);
  };
  const change = useCallback((code: string, value: Partial<MetricSeed> | null | undefined) => {
    if (value === null) setAdded((current) => current.filter((a) => a.metric.code !== code));
    setEdits((current) => {
      const next = { ...current };
      if (value === undefined) delete next[code];
      else next[code] = value;
      return next;
    });
  }, []);
  const add = (metric: MetricSeed) => {
    if (!selection) return;
    setEdits((current) => {
      const next = { ...current };
      delete next[metric.code];
      return next;
    });
    setAdded((current) => [...current, { metric, ...selection }]);
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  };
  const locate = useCallback((code: string) => {
    const mark = markOf(code);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
  }, []);
  const say = (p: SeedProblem) => (i18n.language === 'en' ? p.en : p.zh);

  const created = confirm.data;
  return (
    <>
      <Breadcrumbs crumbs={[{ label: t('nav.admin'), to: '/admin' }, { label: t('planImport.title') }]} />
      <section className="panel" aria-labelledby="import-title">
        <h2 id="import-title">{t('planImport.title')}</h2>
        <p className="muted">{t('planImport.intro')}</p>
        {created ? (
          <div role="status" className="import-created">
            <p>{t('planImport.created', { title: seed?.plan.title ?? '' })}</p>
            <p>
              <Link to={`/?plan=${created.planId}`}>{t('planImport.openPlan')}</Link>{' '}
              <button
                type="button"
                onClick={() => {
                  confirm.reset();
                  preview.reset();
                  setEdits({});
                  setAdded([]);
                }}
              >
                {t('planImport.another')}
              </button>
            </p>
          </div>
        ) : (
          <ImportForm busy={preview.isPending} onSubmit={read} />
        )}
        <ErrorAlert error={preview.error} />
      </section>
      {data && seed && !created && (
        <>
          <div className="import-review two-columns">
            <div className={selection ? 'import-source-column is-adding' : 'import-source-column'}>
              <SourceText
                text={data.text}
                targets={marked}
                unresolved={data.parsed.unresolved}
                discarded={discarded}
                onSelect={setSelection}
              />
              {selection && (
                <AddTarget
                  text={data.text}
                  selection={selection}
                  parsed={data.parsed}
                  seed={data.seed}
                  taken={seed.metrics.map((m) => m.code)}
                  departments={departments}
                  onAdd={add}
                  onCancel={() => setSelection(null)}
                />
              )}
            </div>
            <ExtractedPlan
              seed={data.seed}
              edits={edits}
              entries={entries}
              added={addedMetrics}
              departments={departments}
              onChange={change}
              onLocate={locate}
            />
          </div>
          <UnresolvedList items={data.parsed.unresolved} />
          {comparison && <PlanComparison comparison={comparison} />}
          <section className="panel import-confirm" aria-labelledby="import-confirm-title">
            <h3 id="import-confirm-title">{t('planImport.confirmTitle')}</h3>
            <p>
              {t('planImport.confirmSummary', {
                title: seed.plan.title,
                code: seed.plan.code,
                metrics: seed.metrics.length,
              })}
            </p>
            {problems.length > 0 && (
              <div className="import-problems" role="note" data-testid="import-problems" id="import-problems">
                <p>{t('planImport.problems', { count: problems.length })}</p>
                <ul>
                  {problems.map((p) => (
                    <li key={p.en}>{say(p)}</li>
                  ))}
                </ul>
              </div>
            )}
            <button
              type="button"
              className="primary"
              disabled={confirm.isPending || problems.length > 0}
              aria-describedby={problems.length ? 'import-problems' : undefined}
              onClick={() => confirm.mutate(seed)}
            >
              {confirm.isPending ? t('planImport.confirming') : t('planImport.confirm')}
            </button>
            <ErrorAlert error={confirm.error} />
          </section>
        </>
      )}
    </>
  );
}
