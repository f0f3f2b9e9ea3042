import type { ImportComparison } from '@taizhang/contracts';
import type { MetricSeed } from '@taizhang/domain';
import { checkPlanSeed, comparablePlan, comparePlans } from '@taizhang/domain';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumbs } from '../../../components/breadcrumbs';
import { errorMessage } from '../../../lib/api-client';
import { editedSeed, targetEntries, type MetricEdits } from '../api/target-edits';
import { useConfirmImport, usePreviewImport, type ImportRequest } from '../api/use-plan-import';
import '../plan-import.css';
import { ExtractedPlan, UnresolvedList } from './extracted-plan';
import { ImportForm } from './import-form';
import { PlanComparison } from './plan-comparison';
import { markOf, SourceText } from './source-text';

/** /admin/import: ledger file → preview (source text beside the extracted plan) → reviewed edits → plan. */
export function PlanImportPage() {
  const { t, i18n } = useTranslation();
  const preview = usePreviewImport();
  const confirm = useConfirmImport();
  const [edits, setEdits] = useState<MetricEdits>({});
  const data = preview.data;
  const entries = useMemo(() => (data ? targetEntries(data.parsed) : []), [data]);
  const discarded = useMemo(() => new Set(Object.keys(edits).filter((code) => edits[code] === null)), [edits]);
  const seed = useMemo(() => (data ? editedSeed(data.seed, edits) : null), [data, edits]);
  // Problems of the seed as edited, live; plus what only the server knows (a plan code in use).
  const problems = useMemo(() => {
    if (!data || !seed) return [];
    const asRead = new Set(checkPlanSeed(data.seed));
    return [...new Set([...checkPlanSeed(seed), ...data.problems.filter((p) => !asRead.has(p))])];
  }, [data, seed]);
  // Compared again as the reviewer edits or discards targets: what is confirmed is what was compared.
  const comparison = useMemo((): ImportComparison | null => {
    const base = data?.comparison.base;
    return base && seed && data.comparison.basePlan ? { ...data.comparison, ...comparePlans(base, comparablePlan(seed)) } : null;
  }, [data, seed]);

  const read = (request: ImportRequest) => {
    setEdits({});
    confirm.reset();
    preview.mutate(request);
  };
  const change = useCallback((code: string, value: Partial<MetricSeed> | null | undefined) => {
    setEdits((current) => {
      const next = { ...current };
      if (value === undefined) delete next[code];
      else next[code] = value;
      return next;
    });
  }, []);
  const locate = useCallback((code: string) => {
    const mark = markOf(code);
    if (!mark) return;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.focus({ preventScroll: true });
  }, []);

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
              <button type="button" onClick={() => { confirm.reset(); preview.reset(); setEdits({}); }}>{t('planImport.another')}</button>
            </p>
          </div>
        ) : (
          <ImportForm busy={preview.isPending} onSubmit={read} />
        )}
        {preview.error && <p role="alert" className="form-error">{errorMessage(preview.error, i18n.language)}</p>}
      </section>
      {data && seed && !created && (
        <>
          <div className="import-review">
            <SourceText text={data.text} targets={entries} unresolved={data.parsed.unresolved} discarded={discarded} />
            <ExtractedPlan parsed={data.parsed} seed={data.seed} edits={edits} entries={entries} onChange={change} onLocate={locate} />
          </div>
          <UnresolvedList items={data.parsed.unresolved} />
          {comparison && <PlanComparison comparison={comparison} />}
          <section className="panel import-confirm" aria-labelledby="import-confirm-title">
            <h3 id="import-confirm-title">{t('planImport.confirmTitle')}</h3>
            <p>{t('planImport.confirmSummary', { title: seed.plan.title, code: seed.plan.code, metrics: seed.metrics.length })}</p>
            {problems.length > 0 && (
              <div className="import-problems" role="note">
                <p>{t('planImport.problems')}</p>
                <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
              </div>
            )}
            <button type="button" className="primary" disabled={confirm.isPending} onClick={() => confirm.mutate(seed)}>
              {confirm.isPending ? t('planImport.confirming') : t('planImport.confirm')}
            </button>
            {confirm.error && <p role="alert" className="form-error">{errorMessage(confirm.error, i18n.language)}</p>}
          </section>
        </>
      )}
    </>
  );
}
