import { findPeriod, isMonthKey, parseMonthKey, type ReportingPeriod, type RuledMetric } from '@taizhang/domain';
import { AppError } from '../common/app-error';
import type { PlanEntity } from './plan.entity';

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

/** A month of the plan's year (YYYY-MM), or PERIOD_OUTSIDE_PLAN: the months a plan's views are shown for. */
export function checkMonthOfPlan(plan: Pick<PlanEntity, 'year'>, period: string): void {
  if (!isMonthKey(period) || parseMonthKey(period).year !== plan.year) {
    throw new AppError(
      'PERIOD_OUTSIDE_PLAN',
      `月份 ${period} 不在 ${plan.year} 年计划内，请填写 ${plan.year}-01 至 ${plan.year}-12`,
      `Month ${period} is not in the ${plan.year} plan; use ${plan.year}-01 to ${plan.year}-12`,
    );
  }
}
