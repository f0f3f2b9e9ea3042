import { Link, type LinkProps } from 'react-router';
import { useMonthPath } from '../lib/month';

/** A link that keeps the plan and month (统计月份) of the current address: drilling down never loses the month. */
export function MonthLink({ to, ...props }: Omit<LinkProps, 'to'> & { to: string }) {
  const withMonth = useMonthPath();
  return <Link to={withMonth(to)} {...props} />;
}
