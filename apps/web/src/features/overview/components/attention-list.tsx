import type { AttentionItem } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';
import { LeadAndResponsible } from '../../../components/department-line';
import { NoticeLevelBadge, NoticeStateBadge } from '../../../components/notice-badges';
import { StatusBadge } from '../../../components/status-badge';

/** 需关注: every red metric with its reason, task and departments, then every amber one; each failing department with its own figure and 督办单. */
export function AttentionList({ items }: { items: AttentionItem[] }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <section aria-labelledby="attention-title" className="panel">
      <h2 id="attention-title">{t('dashboard.attention')}</h2>
      {items.length === 0 ? (
        <p>{t('dashboard.attentionNone')}</p>
      ) : (
        <ol className="attention">
          {items.map((item) => (
            <li
              key={item.metricId}
              className={`attention-item metric-${item.status}`}
              data-testid="attention-item"
              data-metric-id={item.metricId}
              data-status={item.status}
            >
              <p className="attention-head">
                <StatusBadge status={item.status} />
                <MonthLink to={`/metrics/${item.metricId}`} className="metric-name">
                  {english ? item.nameEn : item.name}
                </MonthLink>
                {item.periodKey && (
                  <span className="metric-period">{t('reportingPeriod', { period: item.periodKey })}</span>
                )}
              </p>
              <p className="metric-reason" data-testid="attention-reason">
                {english ? item.reasonEn : item.reasonZh}
              </p>
              {item.status === 'green' && item.forecast?.status && (
                <p className="metric-reason" data-testid="attention-forecast">
                  <StatusBadge status={item.forecast.status} label={t(`forecast.statuses.${item.forecast.status}`)} />{' '}
                  {t('forecast.attention')}
                  {english ? item.forecast.reasonEn : item.forecast.reasonZh}
                </p>
              )}
              <p className="attention-where muted">
                <MonthLink to={`/indicators/${item.firstLevel.id}/${item.secondLevel.id}`}>
                  {item.firstLevel.number}.{item.secondLevel.number} {item.secondLevel.title}
                </MonthLink>
                {' · '}
                {t('task', { number: item.task.number })}
              </p>
              {item.failingDepartments.length > 0 && (
                <ul className="failing-departments" aria-label={t('cockpit.failingDepartments')}>
                  {item.failingDepartments.map((d) => (
                    <li key={d.id} data-testid="failing-department" data-department-id={d.id} data-status={d.status}>
                      <StatusBadge status={d.status} />
                      <MonthLink to={`/departments/${d.id}`}>{d.name}</MonthLink>
                      <span className="failing-reason">{english ? d.reasonEn : d.reasonZh}</span>
                      {d.notice && (
                        <MonthLink to={`/notices/${d.notice.id}`} className="failing-notice">
                          <NoticeLevelBadge level={d.notice.level} /> <NoticeStateBadge state={d.notice.state} />
                        </MonthLink>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <LeadAndResponsible node={item} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
