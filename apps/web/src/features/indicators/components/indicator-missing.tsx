import { useTranslation } from 'react-i18next';
import { PageError } from '../../../components/error-alert';

/** What an indicator page shows in place of its indicator: the error, that it is loading, or that there is none such. */
export function IndicatorMissing({ error, loading }: { error: unknown; loading: boolean }) {
  const { t } = useTranslation();
  if (error) return <PageError error={error} />;
  if (loading) return <p role="status">{t('loading')}</p>;
  return (
    <p role="alert" className="panel error">
      {t('drill.notFound')}
    </p>
  );
}
