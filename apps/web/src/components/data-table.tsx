import type { ReactNode } from 'react';

/**
 * The app's table of records: it scrolls sideways on a narrow screen, heads each column, and holds the rows
 * the caller renders (each screen knows its own cells). An empty heading stands over a column of buttons;
 * a heading given as `false` is left out, for a column that only some readers see.
 */
export function DataTable({
  columns,
  children,
  testId,
  className,
  caption,
  captionClassName,
  label,
  scrollClassName,
}: {
  columns: (ReactNode | false)[];
  children: ReactNode;
  testId?: string;
  /** Added to `data-table`. */
  className?: string;
  caption?: ReactNode;
  captionClassName?: string;
  /** The table's accessible name when it has no caption. */
  label?: string;
  /** Added to `table-scroll`. */
  scrollClassName?: string;
}) {
  return (
    <div className={scrollClassName ? `table-scroll ${scrollClassName}` : 'table-scroll'}>
      <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId} aria-label={label}>
        {caption && <caption className={captionClassName}>{caption}</caption>}
        <thead>
          <tr>
            {columns
              .filter((c) => c !== false)
              .map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
