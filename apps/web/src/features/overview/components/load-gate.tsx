import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';

interface GatedQuery {
  error: unknown;
  isPending: boolean;
  refetch: () => Promise<unknown>;
}

/** Shows the first failure (with a retry) or "loading" until every query has data; then its children. */
export function LoadGate({ queries, children }: { queries: GatedQuery[]; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const failed = queries.find((q) => q.error);
  if (failed) {
    return (
      <div role="alert" className="panel error">
        {t('loadError', { message: errorMessage(failed.error, i18n.language) })}{' '}
        <button type="button" onClick={() => void Promise.all(queries.map((q) => q.refetch()))}>
          {t('retry')}
        </button>
      </div>
    );
  }
  if (queries.some((q) => q.isPending)) return <p role="status">{t('loading')}</p>;
  return <>{children}</>;
}
