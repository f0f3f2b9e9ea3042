import type { DashboardSummaryResponse } from '@taizhang/contracts';
import { useTranslation } from 'react-i18next';
import { MonthLink } from '../../../components/month-link';

/**
 * 未达标，按责任单位: the cockpit's second read after the headline — which unit carries how much red, worst first,
 * each red metric with when its figure was due and, if still missing, for how many days.
 */
// A unit's first few red metrics keep the cockpit on one screen; the rest are on the unit's own page, a click away.
const SHOWN_PER_UNIT = 4;

export function RedByDepartment({
  summary,
}: {
  summary: Pick<DashboardSummaryResponse, 'redByDepartment' | 'asOf' | 'period'>;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const groups = summary.redByDepartment;
  return (
    <section aria-labelledby="red-by-unit-title" className="panel red-by-unit" data-testid="red-by-department">
      <h2 id="red-by-unit-title">{t('cockpit.redByUnit')}</h2>
      {groups.length === 0 ? (
        <p>{t('cockpit.redByUnitNone')}</p>
      ) : (
        <>
          <p className="muted red-by-unit-note">
            {t('cockpit.redByUnitNote', { units: groups.length, date: summary.asOf })}
          </p>
          <ol className="red-units">
            {groups.map((group) => (
              <li
                key={group.department?.id ?? 'none'}
                className="red-unit"
                data-testid="red-unit"
                data-department-id={group.department?.id ?? ''}
              >
                <h3 className="red-unit-head">
                  {group.department ? (
                    <MonthLink to={`/departments/${group.department.id}`}>{group.department.name}</MonthLink>
                  ) : (
                    <span>{t('cockpit.noDepartment')}</span>
                  )}
                  <span className="red-unit-count" data-testid="red-unit-count">
                    {t('cockpit.unitCount', { count: group.items.length })}
                  </span>
                  {group.mostDaysOverdue !== null && (
                    <span className="red-unit-wait">{t('cockpit.mostOverdue', { days: group.mostDaysOverdue })}</span>
                  )}
                </h3>
                <ul className="red-unit-items">
                  {(group.department ? group.items.slice(0, SHOWN_PER_UNIT) : group.items).map((item) => (
                    <li
                      key={`${item.metricId}:${item.periodKey}`}
                      data-testid="red-unit-item"
                      data-metric-id={item.metricId}
                      title={english ? item.reasonEn : item.reasonZh}
                    >
                      <MonthLink to={`/metrics/${item.metricId}`}>{english ? item.nameEn : item.name}</MonthLink>
                      <span className="red-item-when">
                        {/* The period only when it is not the month shown (a year's or a quarter's figure). */}
                        {item.periodKey && item.periodKey !== summary.period && <span>{item.periodKey}</span>}
                        {item.daysOverdue !== null ? (
                          <strong
                            className="red-item-overdue"
                            data-testid="days-overdue"
                            title={item.dueDate ? t('cockpit.due', { date: item.dueDate }) : undefined}
                          >
                            {t('cockpit.overdue', { days: item.daysOverdue })}
                          </strong>
                        ) : (
                          item.dueDate && <span data-testid="due-date">{t('cockpit.due', { date: item.dueDate })}</span>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
                {group.department && group.items.length > SHOWN_PER_UNIT && (
                  <MonthLink to={`/departments/${group.department.id}`} className="red-unit-rest">
                    {t('cockpit.rest', { count: group.items.length - SHOWN_PER_UNIT })}
                  </MonthLink>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
