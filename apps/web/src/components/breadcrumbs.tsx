import { useTranslation } from 'react-i18next';
import { MonthLink } from './month-link';

export interface Crumb {
  label: string;
  to?: string;
}

/** Where a drill-down page sits in the plan; the last crumb is the current page and is not a link. */
export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }) {
  const { t } = useTranslation();
  const all: Crumb[] = [{ label: t('drill.overview'), to: '/' }, ...crumbs];
  return (
    <nav aria-label={t('drill.breadcrumbs')} className="breadcrumbs">
      <ol>
        {all.map((crumb, i) => (
          <li key={`${i}-${crumb.label}`}>
            {crumb.to && i < all.length - 1 ? (
              <MonthLink to={crumb.to}>{crumb.label}</MonthLink>
            ) : (
              <span aria-current="page">{crumb.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
