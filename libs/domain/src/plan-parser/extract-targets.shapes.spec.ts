import fc from 'fast-check';
import { extractTargets } from './extract-targets';

// Invented sentences, one rule each: the shapes of plans other than a 台账 table (issue #18).
const read = (text: string) => extractTargets(text).targets.map((t) => [t.comparator, t.target ?? t.deadline, t.unit]);

describe('extractTargets: planned amounts without a comparator word', () => {
  it.each([
    ['新建口袋公园6个', [['eq', 6, 'count']]],
    [
      '改造农贸市场3家,新增停车泊位450个',
      [
        ['eq', 3, 'count'],
        ['eq', 450, 'count'],
      ],
    ],
    ['城镇新增就业8000人', [['eq', 8000, 'persons']]],
    ['社会消费品零售总额增长7.5%', [['eq', 7.5, 'percent']]],
    ['实名回访率100%', [['gte', 100, 'percent']]],
    ['全市60个事项实现“一次办好”', [['gte', 60, 'count']]],
  ])('%s → %j', (text, expected) => expect(read(text)).toEqual(expected));

  it('reads the counters of works and places: 所 处 座 条 台 户 场次 株 册 层', () => {
    expect(
      read('建成学校2所、驿站4处、桥梁3座、道路5条、设备9台、安置60户、演出12场次、植树300株、图书800册、主体8层以上'),
    ).toEqual([
      ['eq', 2, 'count'],
      ['eq', 4, 'count'],
      ['eq', 3, 'count'],
      ['eq', 5, 'count'],
      ['eq', 9, 'count'],
      ['eq', 60, 'count'],
      ['eq', 12, 'count'],
      ['eq', 300, 'count'],
      ['eq', 800, 'count'],
      ['gte', 8, 'count'],
    ]);
  });

  it('multiplies 万 out: "筛查3.5万人以上" is 35000 persons', () => {
    expect(read('免费筛查3.5万人以上')).toEqual([['gte', 35000, 'persons']]);
  });

  it('does not join a number and a counter across a line break (table cells)', () => {
    expect(read('2600\n\n年内')).toEqual([]);
  });

  it('reads 不得少于 / 不得超过 / 控制在…以内', () => {
    expect(read('检查人员不得少于两人,答复不得超过10个工作日,失业率控制在4%以内')).toEqual([
      ['gte', 2, 'persons'],
      ['lte', 10, 'working-days'],
      ['lte', 4, 'percent'],
    ]);
  });
});

describe('extractTargets: milestones', () => {
  it.each([
    ['9月开工', '09-30'],
    ['二季度开工', '06-30'],
    ['11月底前完成验收', '11-30'],
    ['主体工程年内完工。', '12-31'],
    ['到2026年底,机制基本健全。', '12-31'],
    ['到2027年,基本建成标准体系。', '12-31'],
  ])('%s → date %s', (text, deadline) => expect(read(text)).toEqual([['lte', deadline, 'date']]));

  it('does not read a span of months ("1-10月") as a milestone', () => {
    expect(read('1-10月开工项目')).toEqual([]);
  });

  it('makes a leading time clause the deadline of the figures after it, not a target of its own', () => {
    const { targets } = extractTargets('2026年年底前,全区建成12个示范点。');
    expect(targets.map((t) => [t.target, t.unit])).toEqual([[12, 'count']]);
    expect(targets[0].notes.join()).toContain('12-31');
  });

  it('keeps a leading time clause as a milestone when its sentence has no figure', () => {
    expect(read('2026年9月1日前,全面建立评价制度。')).toEqual([['lte', '09-01', 'date']]);
  });

  it('reads a quoted time limit as a target, while a quoted slogan stays masked', () => {
    expect(read('落实“7个工作日内办结”要求,推广“365”服务')).toEqual([['lte', 7, 'working-days']]);
  });
});

describe('extractTargets: hard negatives', () => {
  it.each([
    '办好12件民生实事',
    '在20项政府民生实事候选项目中',
    '从四个方面部署',
    '分为类别、内容、责任单位3个方面的内容,共86项。',
    '截至去年12月底,完成投资3.1亿元,占年度计划的96.5%,其中6个项目完成年度目标。',
    '今年前三季度,共接收投诉820件,办结率98.2%。',
    '已建成驿站5个、站点12个',
    '由186名代表投票表决',
    '第9条 本办法自发布之日起施行',
    '沿s312线改造',
    '(某政办发〔2026〕7号)',
    '发布时间:2026-03-05 09:30',
  ])('%s → none', (text) => expect(read(text)).toEqual([]));

  it('reads the targets after a result paragraph once a target cue starts', () => {
    expect(read('去年工作取得显著成效,增长6.2%。预期目标:增长7%')).toEqual([['eq', 7, 'percent']]);
  });

  it('ends a result at a clause that turns to what is to come (继续, 将, 计划, 确保…), not at the line end', () => {
    expect(read('去年共完成体检1.2万人次,今年继续开展体检不少于1.5万人次。')).toEqual([['gte', 15000, 'count']]);
    expect(read('已建成驿站5个,计划再建成驿站不少于8个。')).toEqual([['gte', 8, 'count']]);
    // A result clause after it is still a result.
    expect(read('确保办结率不低于95%,已办结120件。')).toEqual([['gte', 95, 'percent']]);
  });
});

describe('extractTargets: planned amounts, properties', () => {
  it('reads any "新建N个" as N, exactly, and as eq', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom('个', '所', '处', '座', '家', '条'),
        (n, counter) => {
          expect(read(`新建服务站${n}${counter}`)).toEqual([['eq', n, 'count']]);
        },
      ),
    );
  });

  it('reads "N以上" as a floor and "控制在N以内" as a ceiling for any N', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
        expect(read(`培训${n}场次以上`)).toEqual([['gte', n, 'count']]);
        expect(read(`比例控制在${n}%以内`)).toEqual([['lte', n, 'percent']]);
      }),
    );
  });
});
