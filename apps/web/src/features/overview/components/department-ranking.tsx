import type { DepartmentComparisonResponse } from '@taizhang/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { useFormat } from '../../../lib/format';

type Row = DepartmentComparisonResponse['departments'][number];
type SortKey = 'rank' | 'name' | 'metricCount' | 'red' | 'amber' | 'green' | 'compliance' | 'onTimeRate';
interface Sort {
  key: SortKey;
  ascending: boolean;
}

const VALUE: Record<SortKey, (row: Row) => number | string | null> = {
  rank: (r) => r.rank,
  name: (r) => r.name,
  metricCount: (r) => r.metricCount,
  red: (r) => r.counts.red,
  amber: (r) => r.counts.amber,
  green: (r) => r.counts.green,
  compliance: (r) => r.compliance,
  onTimeRate: (r) => r.onTimeRate,
};

function compare(a: Row, b: Row, sort: Sort): number {
  const x = VALUE[sort.key](a);
  const y = VALUE[sort.key](b);
  // Departments without a figure go last whichever way the column is sorted.
  if (x === null || y === null) return x === y ? a.rank - b.rank : x === null ? 1 : -1;
  const order = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
  // Equal red counts: the one with more at risk is the worse.
  const then = sort.key === 'red' ? a.counts.amber - b.counts.amber : 0;
  return (sort.ascending ? order : -order) || (sort.ascending ? then : -then) || a.rank - b.rank;
}

/** 横向排名: each department's red, amber and green counts, compliance and timeliness; worst first, sortable by any column. */
export function DepartmentRanking({ comparison }: { comparison: DepartmentComparisonResponse }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [sort, setSort] = useState<Sort>({ key: 'red', ascending: false });
  const rows = [...comparison.departments].sort((a, b) => compare(a, b, sort));
  const columns: Array<{ key: SortKey; label: string; numeric: boolean }> = [
    { key: 'rank', label: t('ranking.rank'), numeric: true },
    { key: 'name', label: t('ranking.department'), numeric: false },
    { key: 'metricCount', label: t('ranking.metricCount'), numeric: true },
    { key: 'red', label: t('status.red'), numeric: true },
    { key: 'amber', label: t('status.amber'), numeric: true },
    { key: 'green', label: t('status.green'), numeric: true },
    { key: 'compliance', label: t('ranking.compliance'), numeric: true },
    { key: 'onTimeRate', label: t('ranking.timeliness'), numeric: true },
  ];
  // Numbers read best largest-first on the first click; rank and names ascending.
  const toggle = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, ascending: !s.ascending } : { key, ascending: key === 'rank' || key === 'name' },
    );
  return (
    <section aria-labelledby="ranking-title" className="panel">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      <div className="table-scroll">
        <table className="data-table ranking" data-testid="department-ranking">
          <caption className="muted">
            {t('ranking.caption')} · {t('ranking.worstFirst')}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : undefined}
                  className={c.numeric ? 'num' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)} data-sort={c.key}>
                    {c.label}
                    <span aria-hidden="true" className="sort-mark">
                      {sort.key === c.key ? (sort.ascending ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="ranking-row" data-department-id={row.id}>
                <td className="num">{row.rank}</td>
                <th scope="row">
                  <MonthLink to={`/departments/${row.id}`}>{row.name}</MonthLink>
                </th>
                <td className="num">{row.metricCount}</td>
                <td className="num">{row.counts.red}</td>
                <td className="num">{row.counts.amber}</td>
                <td className="num">{row.counts.green}</td>
                <td className="num">{format.percent(row.compliance)}</td>
                <td className="num">{format.percent(row.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
