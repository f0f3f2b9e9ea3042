import {
  FIGURE_MAX,
  acceptedFigureTypes,
  isDurationUnit,
  validateFigure,
  type CaseRecord,
  type Figure,
} from './figure';
import type { MetricKind, MetricUnit } from './metric';

const rate = { kind: 'value' as MetricKind, unit: 'percent' as MetricUnit };
const count = { kind: 'value' as MetricKind, unit: 'count' as MetricUnit };
const yearly = { kind: 'annual-count' as MetricKind, unit: 'count' as MetricUnit };
const deadline = { kind: 'deadline' as MetricKind, unit: 'date' as MetricUnit };
const workingDays = { kind: 'case' as MetricKind, unit: 'working-days' as MetricUnit };
const calendarDays = { kind: 'case' as MetricKind, unit: 'days' as MetricUnit };
const persons = { kind: 'case' as MetricKind, unit: 'persons' as MetricUnit };

const c = (
  reference: string,
  startDate: string | null,
  completedOn: string | null,
  value: number | null = null,
): CaseRecord => ({ reference, startDate, completedOn, value });
const cases = (...list: CaseRecord[]): Figure => ({ type: 'cases', cases: list });
const fields = (m: Parameters<typeof validateFigure>[0], f: Figure) => validateFigure(m, f).map((p) => p.field);

describe(acceptedFigureTypes.name, () => {
  it('takes a value or a ratio for a rate, a value for other figures and counts, a date for a deadline, cases for a case metric', () => {
    expect(acceptedFigureTypes(rate)).toEqual(['value', 'ratio']);
    expect(acceptedFigureTypes(count)).toEqual(['value']);
    expect(acceptedFigureTypes(yearly)).toEqual(['value']);
    expect(acceptedFigureTypes(deadline)).toEqual(['completion']);
    expect(acceptedFigureTypes(workingDays)).toEqual(['cases']);
  });

  it('counts working days and calendar days as durations, nothing else', () => {
    expect(['working-days', 'days'].every(isDurationUnit)).toBe(true);
    expect(['percent', 'count', 'persons', 'hours', 'years', 'date'].some(isDurationUnit)).toBe(false);
  });
});

describe(validateFigure.name, () => {
  it('accepts sound figures with no problems', () => {
    expect(validateFigure(rate, { type: 'value', value: 0 })).toEqual([]);
    expect(validateFigure(rate, { type: 'value', value: 100 })).toEqual([]);
    expect(validateFigure(rate, { type: 'ratio', numerator: 37, denominator: 37 })).toEqual([]);
    expect(validateFigure(rate, { type: 'ratio', numerator: 0, denominator: 0 })).toEqual([]);
    expect(validateFigure(count, { type: 'value', value: 250 })).toEqual([]);
    expect(validateFigure(deadline, { type: 'completion', completedOn: '2020-02-29' })).toEqual([]);
    expect(validateFigure(deadline, { type: 'completion', completedOn: null })).toEqual([]);
    expect(
      validateFigure(
        workingDays,
        cases(c('A-1', '2020-09-25', '2020-10-12'), c('A-2', '2020-10-01', null), c('A-3', '2020-10-05', '2020-10-05')),
      ),
    ).toEqual([]);
    expect(validateFigure(persons, cases(c('P-1', null, null, 3)))).toEqual([]);
    expect(validateFigure(workingDays, cases())).toEqual([]);
  });

  it('rejects a numerator over the denominator, naming both numbers in Chinese and English', () => {
    expect(validateFigure(rate, { type: 'ratio', numerator: 38, denominator: 37 })).toEqual([
      {
        field: 'numerator',
        messageZh: '分子 38 不能大于分母 37',
        messageEn: 'The numerator 38 cannot exceed the denominator 37',
      },
    ]);
  });

  it('rejects negative or fractional counts in a ratio', () => {
    expect(fields(rate, { type: 'ratio', numerator: -1, denominator: 5 })).toEqual(['numerator']);
    expect(fields(rate, { type: 'ratio', numerator: 1, denominator: -5 })).toEqual(['denominator', 'numerator']);
    expect(fields(rate, { type: 'ratio', numerator: 1.5, denominator: 5 })).toEqual(['numerator']);
    expect(validateFigure(rate, { type: 'ratio', numerator: 2, denominator: 2.5 })[0].messageZh).toBe(
      '分母应为不小于 0 的整数',
    );
  });

  it('rejects negative and non-finite values', () => {
    for (const bad of [-1, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(validateFigure(count, { type: 'value', value: bad })).toEqual([
        { field: 'value', messageZh: '数值应为不小于 0 的数字', messageEn: 'The figure must be a number of 0 or more' },
      ]);
    }
  });

  it('rejects figures beyond 10^12, which would pool to Infinity or lose whole numbers, and accepts 10^12 itself', () => {
    expect(validateFigure(count, { type: 'value', value: 1.7e308 })).toEqual([
      {
        field: 'value',
        messageZh: '数值不能超过 1 万亿（10^12）',
        messageEn: 'The figure cannot exceed one trillion (10^12)',
      },
    ]);
    expect(validateFigure(yearly, { type: 'value', value: FIGURE_MAX })).toEqual([]);
    expect(fields(rate, { type: 'ratio', numerator: 1e13, denominator: 1e13 })).toEqual(['numerator', 'denominator']);
    expect(validateFigure(rate, { type: 'ratio', numerator: 1, denominator: 1e15 })[0].messageEn).toBe(
      'The denominator cannot exceed one trillion (10^12)',
    );
    expect(validateFigure(persons, cases(c('P-9', null, null, 1e300)))).toEqual([
      {
        field: 'cases[0].value',
        messageZh: 'P-9：数值不能超过 1 万亿（10^12）',
        messageEn: 'P-9: the figure cannot exceed one trillion (10^12)',
      },
    ]);
  });

  it('rejects a percentage over 100, but not a count over 100', () => {
    expect(validateFigure(rate, { type: 'value', value: 100.1 })).toEqual([
      { field: 'value', messageZh: '百分比不能超过 100', messageEn: 'A percentage cannot exceed 100' },
    ]);
    expect(validateFigure(count, { type: 'value', value: 100.1 })).toEqual([]);
  });

  it('rejects the wrong kind of figure, saying what the metric takes', () => {
    expect(validateFigure(rate, { type: 'completion', completedOn: '2020-01-01' })).toEqual([
      {
        field: 'type',
        messageZh: '该指标应报送：数值或分子和分母',
        messageEn: 'This metric takes a figure or a numerator and denominator',
      },
    ]);
    expect(validateFigure(count, { type: 'ratio', numerator: 1, denominator: 2 })[0].messageEn).toBe(
      'This metric takes a figure',
    );
    expect(validateFigure(deadline, { type: 'value', value: 1 })[0]).toMatchObject({
      field: 'type',
      messageZh: '该指标应报送：完成日期',
      messageEn: 'This metric takes a completion date',
    });
    expect(validateFigure(workingDays, { type: 'value', value: 3 })[0]).toMatchObject({
      messageZh: '该指标应报送：案件记录',
      messageEn: 'This metric takes case records',
    });
    expect(validateFigure(yearly, cases())).toHaveLength(1);
  });

  it('rejects a completion date that is not a real date', () => {
    for (const bad of ['2020-02-30', '2021-02-29', '2020-13-01', '2020-1-5', '20200105', '']) {
      expect(validateFigure(deadline, { type: 'completion', completedOn: bad })).toEqual([
        {
          field: 'completedOn',
          messageZh: '完成日期应为有效日期 YYYY-MM-DD',
          messageEn: 'The completion date must be a real date, YYYY-MM-DD',
        },
      ]);
    }
  });

  describe('case records', () => {
    it('need a reference, numbered from 1 in the message', () => {
      expect(validateFigure(workingDays, cases(c('A-1', '2020-03-02', null), c('  ', '2020-03-02', null)))).toEqual([
        { field: 'cases[1].reference', messageZh: '第 2 件缺少编号', messageEn: 'Case 2 has no reference' },
      ]);
    });

    it('need distinct references (spaces ignored)', () => {
      expect(validateFigure(workingDays, cases(c('A-1', '2020-03-02', null), c(' A-1 ', '2020-03-03', null)))).toEqual([
        { field: 'cases[1].reference', messageZh: '案件编号 A-1 重复', messageEn: 'Case reference A-1 appears twice' },
      ]);
    });

    it('cannot be completed before they start', () => {
      expect(validateFigure(calendarDays, cases(c('B-7', '2020-03-10', '2020-03-09')))).toEqual([
        {
          field: 'cases[0].completedOn',
          messageZh: 'B-7：完成日期早于开始日期',
          messageEn: 'B-7: completed before it started',
        },
      ]);
    });

    it('need real start and completion dates for a duration', () => {
      expect(validateFigure(workingDays, cases(c('B-1', '2020-02-30', null)))).toEqual([
        {
          field: 'cases[0].startDate',
          messageZh: 'B-1：开始日期应为有效日期 YYYY-MM-DD',
          messageEn: 'B-1: the start date must be a real date, YYYY-MM-DD',
        },
      ]);
      expect(fields(workingDays, cases(c('B-2', null, '2020-03-01')))).toEqual(['cases[0].startDate']);
      expect(validateFigure(workingDays, cases(c('B-3', '2020-02-01', '2020-02-30')))[0]).toMatchObject({
        field: 'cases[0].completedOn',
        messageZh: 'B-3：完成日期应为有效日期 YYYY-MM-DD',
      });
    });

    it('need a figure of 0 or more where the unit is not a duration, and no dates', () => {
      expect(validateFigure(persons, cases(c('P-1', null, null, null)))).toEqual([
        {
          field: 'cases[0].value',
          messageZh: 'P-1：应填写不小于 0 的数值',
          messageEn: 'P-1: give a figure of 0 or more',
        },
      ]);
      expect(fields(persons, cases(c('P-1', null, null, -2), c('P-2', null, null, Number.NaN)))).toEqual([
        'cases[0].value',
        'cases[1].value',
      ]);
      expect(validateFigure({ kind: 'case', unit: 'years' }, cases(c('Y-1', null, null, 5)))).toEqual([]);
    });

    it('need real dates where a case of another unit gives them', () => {
      for (const bad of ['2020-02-30', '2020-13-45', '0000-00-00']) {
        expect(fields(persons, cases(c('P-1', bad, null, 3)))).toEqual(['cases[0].startDate']);
        expect(validateFigure({ kind: 'case', unit: 'years' }, cases(c('Y-1', '2020-03-01', bad, 5)))).toEqual([
          {
            field: 'cases[0].completedOn',
            messageZh: 'Y-1：完成日期应为有效日期 YYYY-MM-DD',
            messageEn: 'Y-1: the completion date must be a real date, YYYY-MM-DD',
          },
        ]);
      }
      expect(validateFigure(persons, cases(c('P-2', '2020-03-01', '2020-03-09', 3)))).toEqual([]);
    });

    it('report every problem of every case, each against its own case', () => {
      const problems = validateFigure(
        workingDays,
        cases(c('', '2020-02-30', null), c('D', '2020-03-05', '2020-03-01'), c('D', '2020-03-01', null)),
      );
      expect(problems.map((p) => p.field)).toEqual([
        'cases[0].reference',
        'cases[0].startDate',
        'cases[1].completedOn',
        'cases[2].reference',
      ]);
      expect(problems[1].messageZh).toBe('1：开始日期应为有效日期 YYYY-MM-DD');
    });
  });
});
