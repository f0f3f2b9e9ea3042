import type { MetricForecast as Forecast } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';

/** Where the year will end, in words: the forecast's status, its reason (method, projection, pace still needed) and the method. */
export function MetricForecast({ forecast }: { forecast: Forecast }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <div className="metric-forecast" data-testid="metric-forecast" data-status={forecast.status ?? 'none'}>
      <h3>{t('forecast.title', { end: forecast.endPeriod })}</h3>
      <p>
        {forecast.status && (
          <>
            <StatusBadge status={forecast.status} label={t(`forecast.statuses.${forecast.status}`)} />{' '}
          </>
        )}
        <span data-testid="forecast-reason">{english ? forecast.reasonEn : forecast.reasonZh}</span>
      </p>
      <p className="muted">{t('forecast.method', { method: english ? forecast.methodEn : forecast.methodZh })}</p>
    </div>
  );
}
