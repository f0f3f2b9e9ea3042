import fc from 'fast-check';
import { canonicalGroupName, parseDepartmentText } from './parse-departments';
import { parsedTasks, parsePlan } from './parse-plan';

const GROUP = '其他部门、各街道按职责分别负责';
const shape = (input: string) =>
  parsePlan(input).indicators.map((f) => [
    f.number,
    f.title,
    f.children.map((s) => [s.number, s.title, s.tasks.map((t) => [t.number, t.text])]),
  ]);

describe('parseStructure: numbering schemes and boilerplate', () => {
  it('reads 一、 / 1. / a bare task number, ignoring everything before the first heading', () => {
    const input =
      '欢迎访问!\n某区2020年计划\n序号\n\n一、职能\n\n1.审批改革\n\n1\n\n公开清单。\n\n2\n\n压缩时限。\n\n二、执法\n\n2.公示\n\n3\n\n事前公开。';
    expect(shape(input)).toEqual([
      [
        1,
        '职能',
        [
          [
            1,
            '审批改革',
            [
              [1, '公开清单。'],
              [2, '压缩时限。'],
            ],
          ],
        ],
      ],
      [2, '执法', [[2, '公示', [[3, '事前公开。']]]]],
    ]);
  });

  it('reads 一、 / （一） / （1）text, the third scheme numbering tasks written on one line', () => {
    const input =
      '一、总体要求\n（一）优化服务\n（1）网上可办率不低于80%。\n（2）推行清单管理。\n(二)加强监管\n(3)建立台账。';
    expect(shape(input)).toEqual([
      [
        1,
        '总体要求',
        [
          [
            1,
            '优化服务',
            [
              [1, '网上可办率不低于80%。'],
              [2, '推行清单管理。'],
            ],
          ],
          [2, '加强监管', [[3, '建立台账。']]],
        ],
      ],
    ]);
    expect(parsedTasks(parsePlan(input))[0].targets[0].span.text).toBe('不低于80%');
  });

  it('reads 1、 numbering and full-width digits', () => {
    expect(shape('一、职能\n１、审批改革\n１\n公开清单。')).toEqual([
      [1, '职能', [[1, '审批改革', [[1, '公开清单。']]]]],
    ]);
  });

  it('merges repeated headings (rowspan artefacts) into one node', () => {
    const input = '一、职能\n1.审批\n1\n甲。\n一、职能\n2.清单\n2\n乙。\n一、职能\n3.结构\n3\n丙。';
    expect(shape(input)).toEqual([
      [
        1,
        '职能',
        [
          [1, '审批', [[1, '甲。']]],
          [2, '清单', [[2, '乙。']]],
          [3, '结构', [[3, '丙。']]],
        ],
      ],
    ]);
  });

  it('joins a task spread over several lines, its span covering all of them', () => {
    const input = '一、甲\n1.乙\n1\n\n第一段。\n\n第二段。\n2\n丙。';
    const task = parsedTasks(parsePlan(input))[0];
    expect(task.text).toBe('第一段。\n第二段。');
    expect(task.span.text).toBe('第一段。\n\n第二段。');
  });

  it('reads tables flattened with tabs or "|", one cell each', () => {
    const tabs =
      '一级指标\t二级指标\t序号\t主要任务\n一、职能\t1.审批\t1\t公开清单。\t牵头部门:区司法局;责任部门:区财政局';
    const pipes =
      '| 一级指标 | 二级指标 | 序号 | 主要任务 | 部门 |\n|---|---|---|---|---|\n| 一、职能 | 1.审批 | 1 | 公开清单。 | 牵头部门:区司法局;责任部门:区财政局 |';
    for (const input of [tabs, pipes]) {
      const plan = parsePlan(input);
      expect(shape(input)).toEqual([[1, '职能', [[1, '审批', [[1, '公开清单。']]]]]]);
      expect(plan.indicators[0].children[0].departments).toEqual({
        lead: ['区司法局'],
        leadGroups: [],
        responsible: ['区财政局'],
        responsibleGroups: [],
      });
    }
  });

  it('reads a task that opens with a month or a year ("4.6月底前…", "5.2021年…") as numbered, a decimal ("12.4") not', () => {
    const input =
      '一、甲\n（一）乙\n3.抽查不少于12次。\n4.6月底前完成平台升级。\n5.2021年新增就业8000人。\n6.全年经费12.4万元。';
    expect(shape(input)).toEqual([
      [
        1,
        '甲',
        [
          [
            1,
            '乙',
            [
              [3, '抽查不少于12次。'],
              [4, '6月底前完成平台升级。'],
              [5, '2021年新增就业8000人。'],
              [6, '全年经费12.4万元。'],
            ],
          ],
        ],
      ],
    ]);
  });

  it('reads ①②③ items as tasks, each with its own 责任单位 in brackets', () => {
    const input = '①新建幼儿园3所。（责任单位：县教育局）\n②改造老旧小区12个。（责任单位：县住建局）';
    const tasks = parsedTasks(parsePlan(input));
    expect(tasks.map((t) => [t.number, t.targets.map((g) => g.span.text)])).toEqual([
      [1, ['3所']],
      [2, ['12个']],
    ]);
    expect(tasks.map((t) => t.departments.responsible)).toEqual([['县教育局'], ['县住建局']]);
  });

  it('reads departments written after a task’s last sentence, and carries neither kind of inline departments to the next task', () => {
    const input =
      '一、甲\n（一）乙\n1.新增市场主体不少于3000户。牵头单位：区市场监管局；责任单位：区商务局、区税务局\n2.开展抽查不少于12次。';
    const tasks = parsedTasks(parsePlan(input));
    expect(tasks.map((t) => [t.number, t.departments.lead, t.departments.responsible])).toEqual([
      [1, ['区市场监管局'], ['区商务局', '区税务局']],
      [2, [], []],
    ]);
    expect(tasks[0].targets.map((g) => g.span.text)).toEqual(['不少于3000户']);
    expect(parsePlan(input).indicators[0].children[0].departments.lead).toEqual(['区市场监管局']);
  });

  it('reports tasks out of sequence instead of renumbering them', () => {
    expect(
      parsePlan('一、甲\n1.乙\n1\n丙。\n3\n丁。')
        .unresolved.map((u) => u.reason)
        .join(),
    ).toMatch(/out of sequence/);
  });
});

describe('parseStructure: departments', () => {
  it('reads 牵头单位 and 责任部门 on one line, after the first task, and carries them to the following tasks', () => {
    const plan = parsePlan(
      '一、甲\n1.乙\n1\n任务一。\n牵头单位:区政务服务办;责任部门:其他部门、各街道按职责分别负责\n2\n任务二。',
    );
    const [t1, t2] = parsedTasks(plan);
    expect(t1.departments).toEqual({
      lead: ['区政务服务办'],
      leadGroups: [],
      responsible: [],
      responsibleGroups: [GROUP],
    });
    expect(t2.departments).toBe(t1.departments);
  });

  it('reads a lead line broken over two lines and the "责责任部门" typo', () => {
    for (const lead of ['牵头部门:区司法局\n\n区政府办;', '牵头部门:区司法局、\n\n区政府办;']) {
      const plan = parsePlan(`一、甲\n1.乙\n1\n任务。\n${lead}\n\n责责任部门:其他部门、各街道按职责分别负责`);
      expect(plan.indicators[0].children[0].departments).toEqual({
        lead: ['区司法局', '区政府办'],
        leadGroups: [],
        responsible: [],
        responsibleGroups: [GROUP],
      });
      expect(plan.unresolved).toEqual([]);
    }
  });

  it('carries the previous line over to an indicator without one, and says so', () => {
    const plan = parsePlan('一、甲\n1.乙\n1\n任务。\n牵头部门:区司法局;\n责任部门:区财政局\n2.丙\n2\n任务。');
    const [, second] = plan.indicators[0].children;
    expect([second.departmentsCarriedOver, second.departments.lead, second.tasks[0].departmentsCarriedOver]).toEqual([
      true,
      ['区司法局'],
      true,
    ]);
  });

  it('merges several lines of one indicator in order', () => {
    const plan = parsePlan(
      '一、甲\n1.乙\n1\n任务。\n牵头部门:区司法局;\n责任部门:区委编办、其他部门、各街道按职责分别负责\n2\n任务。\n牵头部门:区司法局,区委网信办;\n责任部门:其他部门、各街道按职责分别负责',
    );
    expect(plan.indicators[0].children[0].departments).toEqual({
      lead: ['区司法局', '区委网信办'],
      leadGroups: [],
      responsible: ['区委编办'],
      responsibleGroups: [GROUP],
    });
  });

  it.each([
    ['其他部门、各街道按职责分别负责', [], [GROUP]],
    [
      '区市场监管局、公安分局、区司法局等部门以及各街道按职责分别负责',
      ['区市场监管局', '公安分局', '区司法局'],
      [GROUP],
    ],
    ['区委网信办、公安分局,其他部门、各街道按职责分别负责', ['区委网信办', '公安分局'], [GROUP]],
    ['区信访办、区民政局及其他部门、各街道按职责分别负责', ['区信访办', '区民政局'], [GROUP]],
    ['区生态局、区教育局', ['区生态环境局', '区教育局'], []],
  ])('责任部门:%s', (list, names, groups) => {
    const { assignment } = parseDepartmentText(`责任部门:${list}`, { 区生态局: '区生态环境局' });
    expect([assignment.responsible, assignment.responsibleGroups]).toEqual([names, groups]);
  });

  it('names groups canonically', () => {
    expect(canonicalGroupName('各街道按职责分别负责')).toBe('各街道按职责分别负责');
    expect(canonicalGroupName('有关部门')).toBe('其他部门');
  });
});

describe('parsePlan: properties', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '一、职能',
      '二、执法',
      '（一）服务',
      '1.审批',
      '2.清单',
      '1',
      '2',
      '3',
      '牵头部门:区司法局;',
      '责任部门:其他部门、各街道按职责分别负责',
      '区政府办;',
      '\t',
      '|',
    ),
    fc.string({
      unit: fc.constantFrom(...'不低于80%个工作日每年131日前第一季度、,。“”《》12345热线'.split('')),
      maxLength: 30,
    }),
  );
  const inputs = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n')),
  );

  it('never throws, is deterministic, and every span is the input at its offsets', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const plan = parsePlan(input);
        expect(parsePlan(input)).toEqual(plan);
        const spans = [
          ...plan.unresolved,
          ...plan.indicators.flatMap((f) => [
            f.span,
            ...f.children.flatMap((s) => [
              s.span,
              ...s.tasks.flatMap((t) => [t.span, ...t.targets.map((x) => x.span)]),
            ]),
          ]),
        ];
        for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
      }),
    );
  });
});
