import type { ImportComparison } from '@taizhang/contracts';
import {
  formatTarget,
  METRIC_CHANGES,
  type ComparableMetric,
  type MetricChange,
  type MetricComparison,
} from '@taizhang/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Filter = MetricChange | 'all';

interface Props {
  /** The comparison as the seed now stands (recomputed as the reviewer edits); basePlan is not null. */
  comparison: ImportComparison;
}

/** Next year's ledger against the earlier plan: counts per class and each metric before → after, before the confirm button. */
export function PlanComparison({ comparison }: Props) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const base = comparison.basePlan!;
  const shown = filter === 'all' ? comparison.items : comparison.items.filter((x) => x.change === filter);
  const reading = (m: ComparableMetric | null) =>
    m ? `${formatTarget(m, lang)} · ${t(`planImport.periods.${m.period}`)}` : t('planImport.compare.none');
  const label = (x: MetricComparison) =>
    x.change === 'target-changed'
      ? t('planImport.compare.changedFields', {
          label: t('planImport.compare.classes.target-changed'),
          fields: x.changedFields
            .map((f) => t(`planImport.compare.fields.${f}`))
            .join(t('planImport.compare.separator')),
        })
      : t(`planImport.compare.classes.${x.change}`);

  return (
    <section
      className="panel import-comparison"
      aria-labelledby="import-comparison-title"
      data-testid="import-comparison"
    >
      <h3 id="import-comparison-title">{t('planImport.compare.title')}</h3>
      <p>{t('planImport.compare.summary', { title: base.title, year: base.year, code: base.code })}</p>
      <p className="import-frozen">{t('planImport.compare.frozen', { year: base.year })}</p>
      <ul
        className="comparison-counts"
        data-testid="comparison-counts"
        aria-label={t('planImport.compare.countsLabel')}
      >
        {METRIC_CHANGES.map((c) => (
          <li key={c} className={`change-${c}`} data-change={c}>
            {t(`planImport.compare.classes.${c}`)} <strong>{comparison.counts[c]}</strong>
          </li>
        ))}
      </ul>
      <p data-testid="comparison-tasks">{t('planImport.compare.tasks', { ...comparison.tasks })}</p>
      <fieldset className="comparison-filter">
        <legend>{t('planImport.compare.filter')}</legend>
        {(['all', ...METRIC_CHANGES] as Filter[]).map((f) => (
          <label key={f}>
            <input
              type="radio"
              name="comparison-filter"
              value={f}
              checked={filter === f}
              onChange={() => setFilter(f)}
            />
            {f === 'all' ? t('planImport.compare.all') : t(`planImport.compare.classes.${f}`)}
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="muted">{t('planImport.compare.noneShown')}</p>
      ) : (
        <div className="comparison-table-wrap" tabIndex={0} role="region" aria-labelledby="import-comparison-caption">
          <table className="comparison-table">
            <caption id="import-comparison-caption">
              {t('planImport.compare.caption', { shown: shown.length, total: comparison.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('planImport.compare.metric')}</th>
                <th scope="col">{t('planImport.compare.change')}</th>
                <th scope="col">{t('planImport.compare.before', { year: base.year })}</th>
                <th scope="col">{t('planImport.compare.after')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((x) => (
                <tr
                  key={`${x.before?.code ?? ''}>${x.after?.code ?? ''}`}
                  data-testid="comparison-row"
                  data-change={x.change}
                >
                  <th scope="row">
                    <span className="metric-name">{(x.after ?? x.before)!.name}</span>{' '}
                    <span className="import-code">{[x.before?.code, x.after?.code].filter(Boolean).join(' → ')}</span>
                    {x.before && x.after && x.before.name !== x.after.name && (
                      <span className="muted comparison-former">
                        {t('planImport.compare.formerName', { name: x.before.name })}
                      </span>
                    )}
                  </th>
                  <td>
                    <span className={`tag change-${x.change}`}>{label(x)}</span>
                  </td>
                  <td data-testid="comparison-before">{reading(x.before)}</td>
                  <td data-testid="comparison-after">{reading(x.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
