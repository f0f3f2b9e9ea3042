import type { MetricDefinition } from '../metric';
import { withDefaultRules, type MetricRules, type RuledMetric } from '../metric-rules';

/** For specs only (not in the public index, not built): a yearly "at least 80 %" metric with the default rules, changed by `over`. */
export function makeMetric(over: Partial<MetricDefinition & MetricRules> = {}): RuledMetric {
  const def: MetricDefinition = {
    code: 'M',
    name: '测试',
    nameEn: 'Test',
    kind: 'value',
    comparator: 'gte',
    target: 80,
    unit: 'percent',
    period: 'year',
    deadline: null,
  };
  return withDefaultRules({ ...def, ...over }, over);
}
