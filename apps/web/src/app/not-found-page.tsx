import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Any address the app does not know: say so, and offer the way home (not silently show the overview). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <section className="panel" aria-labelledby="not-found-title" data-testid="not-found">
      <h2 id="not-found-title">{t('notFound.title')}</h2>
      <p>{t('notFound.text', { path: pathname })}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </section>
  );
}
