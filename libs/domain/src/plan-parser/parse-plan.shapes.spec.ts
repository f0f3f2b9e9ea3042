import { parsedTasks, parsePlan } from './parse-plan';

// Invented plans of the shapes other districts publish (issue #18): where the targets stand and what they attach to.
const targetsOf = (text: string) =>
  parsedTasks(parsePlan(text)).map((t) => [t.number, t.targets.map((x) => x.target ?? x.deadline)]);

describe('parsePlan on plans of other shapes', () => {
  it('reads targets in a preamble with no heading at all into a plan-level group', () => {
    const plan = parsePlan('某区今年民生实事安排如下:新建社区食堂8家,改造老旧小区12个。');
    expect(plan.indicators.map((f) => [f.number, f.title])).toEqual([[0, '']]);
    expect(targetsOf('某区今年民生实事安排如下:新建社区食堂8家,改造老旧小区12个。')).toEqual([[1, [8, 12]]]);
  });

  it('attaches a 总体要求 paragraph to its heading and numbers the tasks again in reading order', () => {
    const text = [
      '一、总体要求',
      '到2027年底,服务体系基本建成。',
      '二、重点任务',
      '1.新建驿站6个。',
      '2.培训人员300人次以上。',
    ].join('\n');
    const plan = parsePlan(text);
    expect(plan.indicators[0].title).toBe('总体要求');
    expect(targetsOf(text)).toEqual([
      [1, ['12-31']],
      [2, [6]],
      [3, [300]],
    ]);
  });

  it('reads a list numbered 01–03 with a title line per item', () => {
    const text = [
      '01',
      '托育服务项目',
      '新增托位500个。',
      '02',
      '文化项目',
      '送戏下乡不少于60场次。',
      '03',
      '出行项目',
      '新辟公交线路3条。',
    ].join('\n');
    expect(targetsOf(text)).toEqual([
      [1, [500]],
      [2, [60]],
      [3, [3]],
    ]);
  });

  it('reads prose numbered (1)…(3) inside one paragraph', () => {
    expect(
      targetsOf('县政府将办好以下实事: (1)新建公厕40座。 (2)建成污水处理站3个。 (3)新增停车位200个以上。'),
    ).toEqual([[1, [40, 3, 200]]]);
  });

  it('reads "(牵头单位:…;责任单位:…)" lines as departments, not as targets', () => {
    const text = ['一、优化服务', '1.企业开办时间压缩至2个工作日以内。(牵头单位:区市场监管局;责任单位:区税务局)'].join(
      '\n',
    );
    const tasks = parsedTasks(parsePlan(text));
    expect(tasks.flatMap((t) => t.targets.map((x) => [x.comparator, x.target, x.unit]))).toEqual([
      ['lte', 2, 'working-days'],
    ]);
  });

  it('reads only the task column of a progress table, not the results after the departments', () => {
    const text = [
      '序号 |',
      '主要任务 |',
      '分管领导 |',
      '牵头单位 |',
      '1-9月推进情况 |',
      '7 |',
      '新建口袋公园15个。 |',
      '王某某 |',
      '园林局 |',
      '已完成9个。 |',
      '在5个街道建成6个。 |',
      '8 |',
      '改造雨污管网20条。 |',
      '李某某 |',
      '住建局、各街道 |',
      '完成40%。 |',
    ].join('\n');
    expect(targetsOf(text).flatMap(([, t]) => t)).toEqual([15, 20]);
  });

  it('finds nothing in a notice made of document numbers, dates of issue, ordinals and slogans', () => {
    const text = [
      '文号 | 某政办〔2026〕3号 | 发文日期 | 2026-02-10 10:00 |',
      '2026年是第十五个五年规划的开局之年,各单位要按照“一把手”负总责的要求,推广“365”模式。',
      '一、压实责任。对照第三次全会精神,逐项明确责任人。',
      '某区人民政府办公室',
      '2026年2月9日',
    ].join('\n');
    expect(parsedTasks(parsePlan(text)).flatMap((t) => t.targets)).toEqual([]);
  });
});
