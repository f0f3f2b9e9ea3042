import { useTranslation } from 'react-i18next';
import { NoticeTable } from '../../../components/notice-table';
import { useNotices } from '../../../lib/notice-api';
import { ErrorAlert } from '../../../components/error-alert';

/** The 督办 notices issued on this metric, open ones first, each linking to its page. */
export function MetricNotices({ metricId }: { metricId: number }) {
  const { t } = useTranslation();
  const notices = useNotices({ metricId });
  return (
    <section className="panel" aria-labelledby="metric-notices-title" data-testid="metric-notices">
      <h2 id="metric-notices-title">{t('notices.ofMetric')}</h2>
      <ErrorAlert error={notices.error} />
      {!notices.data && !notices.error && <p role="status">{t('loading')}</p>}
      {notices.data?.length === 0 && <p>{t('notices.noneForMetric')}</p>}
      {notices.data && notices.data.length > 0 && (
        <NoticeTable notices={notices.data} caption={t('notices.metricCaption')} />
      )}
    </section>
  );
}
