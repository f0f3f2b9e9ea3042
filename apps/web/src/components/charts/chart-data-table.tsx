import { useTranslation } from 'react-i18next';
import { DataTable } from '../data-table';

/** The text alternative of a chart: its figures as a table, folded away until asked for. */
export function ChartDataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: string[][] }) {
  const { t } = useTranslation();
  return (
    <details className="chart-data">
      <summary>{t('chart.showData')}</summary>
      <DataTable caption={caption} columns={columns}>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}
