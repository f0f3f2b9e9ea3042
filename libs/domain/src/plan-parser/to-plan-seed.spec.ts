import fc from 'fast-check';
import { freeMetricCode, metricCode, metricCodePrefix } from './to-plan-seed';

describe('metric codes', () => {
  it('numbers a task’s metrics T007-1, T007-2… under the prefix T007-', () => {
    expect(metricCode(7, 0)).toBe('T007-1');
    expect(metricCode(94, 2)).toBe('T094-3');
    expect(metricCodePrefix(7)).toBe('T007-');
  });

  it('gives a metric added by hand the first code its task has free', () => {
    expect(freeMetricCode(4, [])).toBe('T004-1');
    expect(freeMetricCode(4, ['T004-1', 'T004-2'])).toBe('T004-3');
    expect(freeMetricCode(4, ['T004-1', 'T004-3', 'T005-2'])).toBe('T004-2');
  });

  it('never gives a taken code, and none below it is free', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.uniqueArray(fc.integer({ min: 0, max: 20 })), (task, used) => {
        const taken = used.map((i) => metricCode(task, i));
        const code = freeMetricCode(task, taken);
        expect(taken).not.toContain(code);
        expect(code.startsWith(metricCodePrefix(task))).toBe(true);
        const n = Number(code.slice(metricCodePrefix(task).length));
        for (let i = 0; i < n - 1; i++) expect(taken).toContain(metricCode(task, i));
      }),
    );
  });
});
