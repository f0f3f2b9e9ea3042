import fc from 'fast-check';
import { evaluateLatest } from './evaluate-latest';
import { evaluateMetric, type DepartmentObservation } from './evaluate-metric';
import type { MetricDefinition } from './metric';
import { worstStatus } from './status';

const rate: MetricDefinition = { code: 'T007-1', name: '网上可办率', nameEn: 'Online availability', kind: 'value', comparator: 'gte', target: 80, unit: 'percent', period: 'year', deadline: null };
const dept = (code: string, name: string, value: number | null | undefined): DepartmentObservation => ({
  department: { code, name },
  latest: value === undefined ? undefined : { value, completedOn: null, periodEnd: '2020-06-30' },
});
const justice = (v: number | null | undefined) => dept('justice-bureau', '区司法局', v);
const office = (v: number | null | undefined) => dept('gov-office', '区政府办', v);
const services = (v: number | null | undefined) => dept('gov-services-office', '区政务服务办', v);

describe(evaluateMetric.name, () => {
  it('gives grey, with no department named, when no department reports the metric', () => {
    const e = evaluateMetric(rate, []);
    expect(e.status).toBe('grey');
    expect(e.reasonZh).toBe('尚无报送数据');
    expect(e.departments).toEqual([]);
  });

  it('takes the single department\'s evaluation without naming it', () => {
    const e = evaluateMetric(rate, [justice(77)]);
    expect(e.status).toBe('amber');
    expect(e.reasonZh).toBe('77% 未达目标 ≥ 80%，在 5 个百分点预警带内');
    expect(e.reasonZh).not.toContain('区司法局');
  });

  it('takes the worst status across departments and names the department behind it', () => {
    const e = evaluateMetric(rate, [justice(90), office(60), services(78)]);
    expect(e.status).toBe('red');
    expect(e.reasonZh).toBe('区政府办：60% 未达目标 ≥ 80%，超出 5 个百分点预警带');
    expect(e.reasonEn).toBe('区政府办: 60% misses the target ≥ 80%, beyond the 5-point amber band');
  });

  it('names the first department with the worst status when several share it', () => {
    const e = evaluateMetric(rate, [justice(90), office(70), services(50)]);
    expect(e.status).toBe('red');
    expect(e.reasonZh.startsWith('区政府办：')).toBe(true);
  });

  it('reads green when every department meets the target', () => {
    const e = evaluateMetric(rate, [justice(90), office(80)]);
    expect(e.status).toBe('green');
    expect(e.reasonZh).toMatch(/^区司法局：90% 达到目标/);
  });

  it('reads green, not grey, when one department meets it and another has not reported', () => {
    const e = evaluateMetric(rate, [justice(undefined), office(85)]);
    expect(e.status).toBe('green');
    expect(e.reasonZh).toContain('区政府办');
  });

  it('reads grey, naming a department, when nobody has reported', () => {
    const e = evaluateMetric(rate, [justice(undefined), office(null)]);
    expect(e.status).toBe('grey');
    expect(e.reasonZh).toBe('区司法局：尚无报送数据');
  });

  it('keeps each department\'s own evaluation, in the order given', () => {
    const e = evaluateMetric(rate, [justice(90), office(77), services(undefined)]);
    expect(e.departments.map((d) => [d.department.code, d.status])).toEqual([
      ['justice-bureau', 'green'],
      ['gov-office', 'amber'],
      ['gov-services-office', 'grey'],
    ]);
    expect(e.departments[1].reasonZh).toBe('77% 未达目标 ≥ 80%，在 5 个百分点预警带内');
  });

  it('names a late department on a deadline metric', () => {
    const deadline: MetricDefinition = { ...rate, code: 'T087-2', kind: 'deadline', comparator: 'lte', target: null, unit: 'date', deadline: '03-31' };
    const done = (code: string, name: string, completedOn: string | null): DepartmentObservation => ({ department: { code, name }, latest: { value: null, completedOn, periodEnd: '2020-03-31' } });
    const e = evaluateMetric(deadline, [done('justice-bureau', '区司法局', '2020-03-20'), done('audit-bureau', '区审计局', '2020-04-02')]);
    expect(e.status).toBe('red');
    expect(e.reasonZh).toBe('区审计局：于 2020-04-02 完成，晚于期限 2020-03-31');
  });

  describe('properties', () => {
    const observation = fc.record({
      code: fc.constantFrom('a', 'b', 'c', 'd'),
      name: fc.constantFrom('区司法局', '区政府办', '区审计局', '区财政局'),
      value: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
    }).map(({ code, name, value }) => dept(code, name, value));

    it('is the worst of the department statuses and its reason is that of a department with it', () => {
      fc.assert(
        fc.property(fc.array(observation, { minLength: 1, maxLength: 8 }), (obs) => {
          const e = evaluateMetric(rate, obs);
          const statuses = obs.map((o) => evaluateLatest(rate, o.latest).status);
          expect(e.status).toBe(worstStatus(statuses));
          expect(e.departments).toHaveLength(obs.length);
          const setter = e.departments.find((d) => d.status === e.status)!;
          expect(e.reasonZh).toBe(obs.length > 1 ? `${setter.department.name}：${setter.reasonZh}` : setter.reasonZh);
        }),
      );
    });

    it('does not depend on the order of departments for its status', () => {
      fc.assert(
        fc.property(fc.array(observation, { maxLength: 8 }), (obs) => {
          expect(evaluateMetric(rate, [...obs].reverse()).status).toBe(evaluateMetric(rate, obs).status);
        }),
      );
    });
  });
});
