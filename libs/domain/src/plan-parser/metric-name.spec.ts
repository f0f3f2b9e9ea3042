import fc from 'fast-check';
import { metricName } from './metric-name';

describe(metricName.name, () => {
  it('drops list markers and dates before the words that say what is measured', () => {
    expect(metricName('(4)新建公共厕所')).toBe('新建公共厕所');
    expect(metricName('③建成社区食堂')).toBe('建成社区食堂');
    expect(metricName('*改造老旧管网')).toBe('改造老旧管网');
    expect(metricName('07 新建社区卫生服务站')).toBe('新建社区卫生服务站');
    expect(metricName('2025年底前完成危桥加固')).toBe('完成危桥加固');
    expect(metricName('力争于9月底前实现村级服务站')).toBe('实现村级服务站');
  });

  it('drops the verb or particle that leads to the figure', () => {
    expect(metricName('不动产登记办理时间压缩至')).toBe('不动产登记办理时间');
    expect(metricName('群众投诉办结率要')).toBe('群众投诉办结率');
    expect(metricName('信访事项受理告知在')).toBe('信访事项受理告知');
    expect(metricName('农村自来水普及率达到')).toBe('农村自来水普及率');
    expect(metricName('一般性支出控制在')).toBe('一般性支出');
  });

  it('keeps words whose last character is also a particle', () => {
    expect(metricName('查处违法行为')).toBe('查处违法行为');
    expect(metricName('回访满意度')).toBe('回访满意度');
  });

  it('takes the item of a list the figure belongs to', () => {
    expect(metricName('铺设污水管道3公里、新建泵房2座、修缮水闸')).toBe('修缮水闸');
  });

  it('gives a bare verb the object that follows the figure', () => {
    expect(metricName('新增', { after: '托育机构,提供托位300个' })).toBe('新增托育机构');
    expect(metricName('*完成', { after: '座农村桥梁改造' })).toBe('完成农村桥梁改造');
    expect(metricName('开工', { after: '开工项目' })).toBe('开工项目');
  });

  it('falls back to the task when the words before the figure are only a date', () => {
    expect(metricName('2022年', { task: '(五)推进城乡供水一体化。2022年农村供水保证率达到95%' })).toBe(
      '推进城乡供水一体化',
    );
    expect(metricName('于2024年', { after: '', task: '开展河湖清四乱专项行动' })).toBe('开展河湖清四乱专项行动');
    expect(metricName('2020年', { task: '# source: https://example.org/a\n全面完成危房改造' })).toBe(
      '全面完成危房改造',
    );
  });

  it('never gives more than 40 characters, keeping the clause nearest the figure', () => {
    expect(
      metricName(
        '全面贯彻落实上级关于优化营商环境和深化放管服改革的各项决策部署,持续深化行政审批制度改革,一般事项审批时限压缩至',
      ),
    ).toBe('一般事项审批时限');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 40 }),
        fc.string({ maxLength: 80 }),
        (subject, after, task) => {
          expect(metricName(subject, { after, task }).length).toBeLessThanOrEqual(40);
        },
      ),
    );
  });

  it('names read from invented phrases are never only a date or a number', () => {
    const date = fc.constantFrom('2023年', '今年', '年底前', '6月底前', '第一季度', '');
    const words = fc.constantFrom('学校食堂', '公共停车泊位', '养老床位', '政务服务事项网办率', '行政复议纠错率');
    const verb = fc.constantFrom('', '新增', '建成', '');
    const lead = fc.constantFrom('', '达到', '压缩至', '要', '不少于');
    fc.assert(
      fc.property(date, verb, words, lead, (d, v, w, l) => {
        const name = metricName(`${d}${v}${w}${l}`);
        expect(name).toBe(`${v}${w}`);
      }),
    );
  });
});
