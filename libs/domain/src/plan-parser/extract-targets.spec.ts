import fc from 'fast-check';
import { extractTargets } from './extract-targets';
import { metricTermsOf } from '../metric';

const fields = metricTermsOf;
const only = (text: string) => {
  const { targets } = extractTargets(text);
  expect(targets).toHaveLength(1);
  return targets[0];
};
const none = (text: string) => expect(extractTargets(text).targets).toEqual([]);

describe('extractTargets: comparators', () => {
  it.each([
    ['网上可办率不低于80%', 'gte', 80, '不低于80%'],
    ['审查时间不少于7个工作日', 'gte', 7, '不少于7个工作日'],
    ['满意度达95%以上', 'gte', 95, '达95%以上'],
    ['80%以上实现“一窗”分类受理', 'gte', 80, '80%以上'],
    ['公平竞争审查要达到100%', 'gte', 100, '达到100%'],
    ['安全利用率达到 100%', 'gte', 100, '达到 100%'],
    ['优良天数比例达71%', 'gte', 71, '达71%'],
    ['每年至少举办2次法治专题讲座', 'gte', 2, '每年至少举办2次'],
    ['办理时限不超过5个工作日', 'lte', 5, '不超过5个工作日'],
    ['控制在10%以内', 'lte', 10, '控制在10%以内'],
    ['20个工作日内向社会公布', 'lte', 20, '20个工作日内'],
    ['发生率在5%以下', 'lte', 5, '5%以下'],
    ['最长不超过15个工作日', 'lte', 15, '最长不超过15个工作日'],
    ['有效期一般为5年', 'eq', 5, '一般为5年'],
  ])('%s → %s %d', (text, comparator, target, words) => {
    const t = only(text);
    expect([t.comparator, t.target, t.span.text]).toEqual([comparator, target, words]);
  });

  it('reads "不少于…的5%" across the words that name the base', () => {
    expect(fields(only('负责法制审核的人员不少于本单位执法人员总数的5%'))).toMatchObject({
      comparator: 'gte',
      target: 5,
      unit: 'percent',
    });
  });

  it('reads a bare percentage as a floor, with lower confidence and a note', () => {
    const t = only('对司法建议100%回复');
    expect([t.comparator, t.target, t.confidence]).toEqual(['gte', 100, 0.7]);
    expect(t.notes.join()).toMatch(/floor/);
  });

  it('leaves contradictory comparators unresolved', () => {
    const r = extractTargets('不超过3名以上');
    expect(r.targets).toEqual([]);
    expect(r.unresolved[0].reason).toMatch(/contradictory/);
  });

  it('leaves a duration without a comparator unresolved rather than guessing', () => {
    const r = extractTargets('在7个工作日公开');
    expect(r.targets).toEqual([]);
    expect(r.unresolved.map((u) => u.text)).toEqual(['7个工作日']);
  });
});

describe('extractTargets: units, kinds and periods', () => {
  it.each([
    [
      '网上可办率不低于80%',
      { kind: 'value', comparator: 'gte', target: 80, unit: 'percent', period: 'year', deadline: null },
    ],
    [
      '7个工作日之内公开',
      { kind: 'case', comparator: 'lte', target: 7, unit: 'working-days', period: 'case', deadline: null },
    ],
    [
      '每年至少安排4次以上',
      { kind: 'annual-count', comparator: 'gte', target: 4, unit: 'count', period: 'year', deadline: null },
    ],
    ['不少于30日', { kind: 'case', comparator: 'gte', target: 30, unit: 'days', period: 'case', deadline: null }],
    ['处理时限不超过3天', { kind: 'case', comparator: 'lte', target: 3, unit: 'days', period: 'case', deadline: null }],
    [
      '每年专题培训不少于40学时',
      { kind: 'annual-count', comparator: 'gte', target: 40, unit: 'hours', period: 'year', deadline: null },
    ],
    [
      '调解委员会有3名以上专职人民调解员',
      { kind: 'value', comparator: 'gte', target: 3, unit: 'persons', period: 'year', deadline: null },
    ],
    [
      '审查案件由2名以上人员参加',
      { kind: 'case', comparator: 'gte', target: 2, unit: 'persons', period: 'case', deadline: null },
    ],
    ['配备不少于5人', { kind: 'value', comparator: 'gte', target: 5, unit: 'persons', period: 'year', deadline: null }],
    [
      '至少建成一个法治文化公园',
      { kind: 'value', comparator: 'gte', target: 1, unit: 'count', period: 'year', deadline: null },
    ],
    [
      '原则上每季度推动一次动态调整',
      { kind: 'annual-count', comparator: 'gte', target: 1, unit: 'count', period: 'quarter', deadline: null },
    ],
    [
      '每月至少通报1次',
      { kind: 'annual-count', comparator: 'gte', target: 1, unit: 'count', period: 'month', deadline: null },
    ],
    ['有效期一般为5年', { kind: 'case', comparator: 'eq', target: 5, unit: 'years', period: 'case', deadline: null }],
    [
      '区100个高频事项实现“最多跑一次”',
      { kind: 'value', comparator: 'gte', target: 100, unit: 'count', period: 'year', deadline: null },
    ],
    [
      '覆盖率不低于百分之九十',
      { kind: 'value', comparator: 'gte', target: 90, unit: 'percent', period: 'year', deadline: null },
    ],
    [
      '网上可办率不低于８０％',
      { kind: 'value', comparator: 'gte', target: 80, unit: 'percent', period: 'year', deadline: null },
    ],
  ])('%s', (text, expected) => {
    expect(fields(only(text))).toEqual(expected);
  });

  it('notes soft qualifiers (一般, 原则上) without dropping the target', () => {
    expect(only('征求意见期限一般不少于30日').notes.join()).toMatch(/一般/);
  });

  it('takes 每年 from earlier in the sentence for a second count', () => {
    const { targets } = extractTargets('每年领导班子至少安排4次以上法治专题学习,至少组织开展1次旁听庭审活动。');
    expect(targets.map((t) => [t.kind, t.target, t.period])).toEqual([
      ['annual-count', 4, 'year'],
      ['annual-count', 1, 'year'],
    ]);
  });

  it('reports a unit that is not a metric unit (months)', () => {
    expect(extractTargets('不超过3个月').unresolved[0].reason).toMatch(/not a metric unit/);
  });
});

describe('extractTargets: deadlines', () => {
  it.each([
    ['每年1月31日前公开', '01-31', '每年1月31日前'],
    ['于每年131日前公开本机关上年度情况', '01-31', '每年131日前'],
    ['每年第一季度报告上一年度情况', '03-31', '每年第一季度'],
    ['第三季度', '09-30', '第三季度'],
    ['6月底前完成', '06-30', '6月底前'],
    ['2020年6月30日前完成', '06-30', '6月30日前'],
    ['年底前完成', '12-31', '年底前'],
  ])('%s → %s', (text, deadline, words) => {
    const t = only(text);
    expect([t.kind, t.comparator, t.unit, t.period, t.deadline, t.target, t.span.text]).toEqual([
      'deadline',
      'lte',
      'date',
      'year',
      deadline,
      null,
      words,
    ]);
  });

  it('marks a repaired date with lower confidence', () => {
    const t = only('每年131日前');
    expect(t.confidence).toBeLessThanOrEqual(0.6);
    expect(t.notes.join()).toMatch(/lost 月/);
  });

  it('leaves an ambiguous lost-character date unresolved (115 = 1月15日 or 11月5日)', () => {
    const r = extractTargets('每年115日前报送');
    expect(r.targets).toEqual([]);
    expect(r.unresolved).toHaveLength(1);
  });

  it('leaves a monthly deadline unresolved: MM-DD cannot say it', () => {
    const r = extractTargets('每月月底前报送');
    expect(r.targets).toEqual([]);
    expect(r.unresolved[0].text).toBe('每月月底前');
  });

  it('does not read a date of issue or an event as a deadline', () => {
    none('2020年12月4日印发');
    none('发布时间:2020-12-04 17:10');
  });
});

describe('extractTargets: several targets in one sentence', () => {
  it('splits one figure shared by several subjects', () => {
    const { targets } = extractTargets('报备率、报备及时率、规范率均达100%');
    expect(targets.map((t) => [t.subject, t.target, t.span.text])).toEqual([
      ['报备率', 100, '报备率、报备及时率、规范率均达100%'],
      ['报备及时率', 100, '报备率、报备及时率、规范率均达100%'],
      ['规范率', 100, '报备率、报备及时率、规范率均达100%'],
    ]);
  });

  it('reads a floor and a ceiling of the same subject as two targets', () => {
    const { targets } = extractTargets('审核时间一般不少于5个工作日,最长不超过15个工作日');
    expect(targets.map((t) => [t.comparator, t.target, t.subject])).toEqual([
      ['gte', 5, '审核时间'],
      ['lte', 15, '审核时间'],
    ]);
  });

  it('reads four staffing floors in one sentence', () => {
    const text =
      '行业性调解委员会有3名以上专职调解员,街道调解委员会有2名以上专职调解员,居委会调解委员会有1名以上专职调解员,调解工作室有2名以上专职调解员。';
    expect(extractTargets(text).targets.map((t) => t.target)).toEqual([3, 2, 1, 2]);
  });
});

describe('extractTargets: numerals that are not targets', () => {
  it.each([
    '12345热线',
    '发挥政务服务热线8890的功能',
    '(红桥政办发〔2019〕11号)',
    '(津党编发【2020】6号)',
    '(红桥政办发[2019]11号)',
    '津党编发【20206号',
    '七五普法',
    '按要求完成“七五”普法考核验收工作',
    '三统一',
    '落实“三统一”',
    '“1+1+1”组合模式',
    '1+1+1组合模式',
    '一网一门一次',
    '基本实现“一网、一门、一次”',
    '双随机一公开',
    '做到“一处违法、处处受限”',
    '一处违法处处受限',
    '严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》',
    '《红桥区打好污染防治攻坚战2020年工作计划》',
    '2020年,全区',
    '开展“12.4”国家宪法日活动',
    '一类事项由一个部门统筹,一件事情由一个部门负责',
    '报告上一年度法治政府建设情况',
    '天津市',
    '全区优良天数比例',
    '明显未达到预期效果',
    '在出台前向区人大报告',
    '标准之一',
    '收支两条线',
  ])('%s → none', (text) => none(text));
});

describe('extractTargets: properties', () => {
  const chinese = fc.string({
    unit: fc.constantFrom(
      ...'不低于少超过以上下内之达到均至每年季度月日前第一二三四五六七八九十个工作次名人学时%0123456789.、,。;“”《》【】〔〕()号热线率'.split(
        '',
      ),
    ),
    maxLength: 60,
  });
  const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), chinese);

  it('gives spans that are the input at their offsets, and confidences in 0..1', () => {
    fc.assert(
      fc.property(texts, fc.nat(1000), (text, offset) => {
        const padded = ' '.repeat(offset) + text;
        const { targets, unresolved } = extractTargets(text, offset);
        for (const s of [...targets.map((t) => t.span), ...unresolved]) {
          expect(padded.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeLessThanOrEqual(s.end);
        }
        for (const t of targets) expect(t.confidence >= 0 && t.confidence <= 1).toBe(true);
      }),
    );
  });

  it('is deterministic and never throws', () => {
    fc.assert(fc.property(texts, (text) => expect(extractTargets(text)).toEqual(extractTargets(text))));
  });
});
