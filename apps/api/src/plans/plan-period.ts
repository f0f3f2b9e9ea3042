import { findPeriod, type ReportingPeriod, type RuledMetric } from '@taizhang/domain';
import { AppError } from '../common/app-error';

/** The metric's reporting period with that key in its plan's year, or PERIOD_OUTSIDE_PLAN showing how its periods are written. */
export function periodOfPlan(metric: RuledMetric, planYear: number, key: string): ReportingPeriod {
  const period = findPeriod(metric, key);
  if (period && Number(key.slice(0, 4)) === planYear) return period;
  const example =
    metric.frequency === 'quarterly'
      ? `${planYear}-Q1`
      : metric.frequency === 'annual'
        ? String(planYear)
        : `${planYear}-03`;
  throw new AppError(
    'PERIOD_OUTSIDE_PLAN',
    `报送期 ${key} 不是该指标在 ${planYear} 年的报送期，应写作 ${example} 这样的形式`,
    `${key} is not a reporting period of this metric in ${planYear}; write it like ${example}`,
  );
}
