import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DepartmentOptions } from '../components/department-options';
import { LanguageSwitch } from '../components/language-switch';
import { MonthLink } from '../components/month-link';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { useMonthPath } from '../lib/month';
import { useLogout, useSession } from '../lib/session';
import { usePlanDepartments } from '../lib/plan-api';
import { useSelectedPlan } from '../lib/selected-plan';

export function AppHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const withMonth = useMonthPath();
  const reader = session.data && session.data.role !== 'department';
  const { plan } = useSelectedPlan();
  const departments = usePlanDepartments(plan?.id, Boolean(reader));
  return (
    <header className="app-header">
      <div>
        <h1>
          <MonthLink to="/" className="home-link">
            {t('appTitle')}
          </MonthLink>
        </h1>
        <p className="subtitle">{t('appSubtitle')}</p>
      </div>
      <nav className="header-tools" aria-label={t('nav.label')}>
        {reader && departments.data && (
          <label className="department-picker">
            {t('nav.department')}{' '}
            <select
              defaultValue=""
              onChange={(e) => e.target.value && navigate(withMonth(`/departments/${e.target.value}`))}
            >
              <DepartmentOptions departments={departments.data} />
            </select>
          </label>
        )}
        {(session.data?.role === 'leader' || session.data?.role === 'department') && (
          <MonthLink to="/notices" className="header-link">
            {t('nav.notices')}
          </MonthLink>
        )}
        {reader && (
          <MonthLink to="/flagged" className="header-link">
            {t('nav.flagged')}
          </MonthLink>
        )}
        {session.data && (
          <MonthLink to="/reports" className="header-link">
            {t('nav.reports')}
          </MonthLink>
        )}
        {session.data?.role === 'admin' && (
          <Link to="/admin" className="header-link">
            {t('nav.admin')}
          </Link>
        )}
        {session.data && (
          <>
            <NotificationBell />
            <span className="whoami">
              {t('nav.signedInAs', { username: session.data.username, role: t(`roles.${session.data.role}`) })}
            </span>
            <button type="button" onClick={() => logout.mutate()}>
              {t('nav.logout')}
            </button>
          </>
        )}
        <LanguageSwitch />
      </nav>
    </header>
  );
}
