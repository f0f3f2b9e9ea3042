import type { MetricDefinition } from '../metric';
import { withDefaultRules, type MetricRules, type RuledMetric } from '../metric-rules';

// For specs only: not in the public index, not built (tsconfig.lib.json leaves src/testing out).

/** A yearly "at least 80 %" metric as a plan defines it, changed by `over`. */
export function makeMetricDefinition(over: Partial<MetricDefinition> = {}): MetricDefinition {
  return {
    code: 'M',
    name: '测试',
    nameEn: 'Test',
    kind: 'value',
    comparator: 'gte',
    target: 80,
    unit: 'percent',
    period: 'year',
    deadline: null,
    ...over,
  };
}

/** The same metric with the default rules, definition and rules both changed by `over`. */
export function makeMetric(over: Partial<MetricDefinition & MetricRules> = {}): RuledMetric {
  return withDefaultRules({ ...makeMetricDefinition(), ...over }, over);
}
