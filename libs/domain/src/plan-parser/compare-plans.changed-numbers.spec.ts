import fc from 'fast-check';
import { comparePlans, type ComparableMetric, type ComparablePlan } from './compare-plans';

/**
 * Year over year, the words stay and the numbers move: "承诺办理时限不超过5个工作日" becomes "…不超过3个工作日",
 * written in figures or in Chinese numerals, in a ledger that numbers its tasks otherwise. Such a metric is the
 * same metric with a changed target, never one new and one removed.
 */
const SUBJECTS = [
  '企业开办承诺办理时限',
  '依申请公开政府信息答复',
  '行政许可决定信息公开',
  '规范性文件合法性审核',
  '重大决策公开征求意见',
  '网上可办率',
  '执法人员培训学时',
  '新建公共厕所',
  '改造老旧小区',
  '新增公共停车泊位',
];
const TASK_WORDS = ['深化放管服改革', '推进政务公开', '加强执法监督', '优化营商环境', '完善民生服务', '规范行政决策'];
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const UNITS = [
  { unit: 'working-days', words: '个工作日', kind: 'case', period: 'case' },
  { unit: 'percent', words: '%', kind: 'value', period: 'year' },
  { unit: 'count', words: '个', kind: 'value', period: 'year' },
] as const;

interface Draft {
  subject: string;
  unit: (typeof UNITS)[number];
  lte: boolean;
  value: number;
}

const written = (n: number, chinese: boolean) => (chinese && n <= 10 ? CN[n] : String(n));
const sourceOf = (d: Draft, value: number, chinese: boolean) =>
  `${d.subject}${d.lte ? '不超过' : '不少于'}${written(value, chinese && d.unit.unit !== 'percent')}${d.unit.words}`;

function planOf(
  drafts: Draft[][],
  values: (d: Draft, i: number, j: number) => number,
  chinese: boolean,
  order: number[],
  prefix: string,
): ComparablePlan {
  const tasks = order.map((k, n) => ({ k, number: n + 1 }));
  const metrics: ComparableMetric[] = [];
  const texts = tasks.map(({ k, number }) => {
    const sources = drafts[k].map((d, j) => {
      const value = values(d, k, j);
      const source = sourceOf(d, value, chinese);
      metrics.push({
        code: `${prefix}${number}-${j + 1}`,
        name: d.subject,
        taskNumber: number,
        source,
        kind: d.unit.kind,
        comparator: d.lte ? 'lte' : 'gte',
        target: value,
        unit: d.unit.unit,
        period: d.unit.period,
        deadline: null,
      });
      return source;
    });
    return { number, text: `${TASK_WORDS[k % TASK_WORDS.length]}。${sources.join(',')}。` };
  });
  return { tasks: texts, metrics };
}

const draft: fc.Arbitrary<Draft> = fc.record({
  subject: fc.constantFrom(...SUBJECTS),
  unit: fc.constantFrom(...UNITS),
  lte: fc.boolean(),
  value: fc.integer({ min: 1, max: 10 }),
});
// Tasks of one to three targets, no subject twice in the plan (a plan that measures one thing twice cannot be told apart by words).
const drafts = fc.uniqueArray(draft, { minLength: 1, maxLength: 9, selector: (d) => d.subject }).chain((all) =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: all.length, maxLength: all.length }).map((sizes) => {
    const out: Draft[][] = [];
    for (let at = 0, i = 0; at < all.length; i++) {
      out.push(all.slice(at, at + sizes[i]));
      at += sizes[i];
    }
    return out;
  }),
);

describe('comparePlans with changed numbers', () => {
  it('reads "≤ 3 working days" in 2021 against "≤ 5" in 2020 as one metric with a changed target', () => {
    const d: Draft = { subject: '企业开办承诺办理时限', unit: UNITS[0], lte: true, value: 5 };
    const before = planOf([[d]], () => 5, false, [0], 'A');
    const after = planOf([[d]], () => 3, false, [0], 'B');
    const { counts, items } = comparePlans(before, after);
    expect(counts).toEqual({ unchanged: 0, 'target-changed': 1, new: 0, removed: 0 });
    expect(items[0]).toMatchObject({ before: { target: 5 }, after: { target: 3 }, changedFields: ['target'] });
  });

  it('matches every metric whose figures changed as target-changed, in figures or Chinese numerals, whatever the task order', () => {
    fc.assert(
      fc.property(
        drafts,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (ds, chineseBefore, chineseAfter, seed) => {
          const order = ds.map((_, i) => i);
          const shuffled = [...order].sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b);
          const before = planOf(ds, (d) => d.value, chineseBefore, order, 'A');
          const after = planOf(ds, (d) => d.value + 1, chineseAfter, shuffled, 'B');
          const { counts, items } = comparePlans(before, after);
          const total = ds.flat().length;
          expect(counts).toEqual({ unchanged: 0, 'target-changed': total, new: 0, removed: 0 });
          for (const x of items) expect(x.before!.name).toBe(x.after!.name);
        },
      ),
    );
  });

  it('still matches when the metric is renamed between years and only its words and task tell it', () => {
    fc.assert(
      fc.property(drafts, fc.boolean(), (ds, chinese) => {
        const order = ds.map((_, i) => i);
        const before = planOf(ds, (d) => d.value, false, order, 'A');
        const after = planOf(ds, (d) => d.value + 2, chinese, order, 'B');
        // A reviewed plan names its metrics in its own words; a parsed ledger names them by the words before the figure.
        const renamed = { ...before, metrics: before.metrics.map((m) => ({ ...m, name: `${m.name}(审定)` })) };
        const { counts } = comparePlans(renamed, after);
        expect(counts).toEqual({ unchanged: 0, 'target-changed': ds.flat().length, new: 0, removed: 0 });
      }),
    );
  });
});

describe('comparePlans across ledgers of other shapes', () => {
  const LEADS = ['压缩至', '控制在', '缩短到'];
  it('matches a metric whose sentence and task are worded anew, by how it is measured and its name in the other task', () => {
    fc.assert(
      fc.property(drafts, fc.constantFrom(...LEADS), (ds, lead) => {
        const order = ds.map((_, i) => i);
        const before = planOf(ds, (d) => d.value, false, order, 'A');
        // Next year's ledger: one short item per target, the subject's words kept, the rest said otherwise.
        const after: ComparablePlan = { tasks: [], metrics: [] };
        ds.flat().forEach((d, n) => {
          const source = `${d.subject}${d.lte ? lead : '达到'}${d.value + 1}${d.unit.words}${d.lte ? '以内' : '以上'}`;
          after.tasks.push({ number: n + 1, text: `(${n + 1})${source}` });
          after.metrics.push({
            code: `B${n + 1}`,
            name: d.subject.slice(0, 4),
            taskNumber: n + 1,
            source,
            kind: d.unit.kind,
            comparator: d.lte ? 'lte' : 'gte',
            target: d.value + 1,
            unit: d.unit.unit,
            period: d.unit.period,
            deadline: null,
          });
        });
        const renamed = { ...before, metrics: before.metrics.map((m) => ({ ...m, name: `${m.name}目标` })) };
        const { counts, items } = comparePlans(renamed, after);
        expect(counts).toEqual({ unchanged: 0, 'target-changed': ds.flat().length, new: 0, removed: 0 });
        for (const x of items) expect(x.before!.name.startsWith(x.after!.name)).toBe(true);
      }),
    );
  });

  it('never pairs metrics measured otherwise on words alone', () => {
    const before: ComparablePlan = {
      tasks: [{ number: 1, text: '企业开办承诺办理时限不超过5个工作日' }],
      metrics: [
        {
          code: 'A',
          name: '企业开办承诺办理时限',
          taskNumber: 1,
          source: '不超过5个工作日',
          kind: 'case',
          comparator: 'lte',
          target: 5,
          unit: 'working-days',
          period: 'case',
          deadline: null,
        },
      ],
    };
    const after: ComparablePlan = {
      tasks: [{ number: 1, text: '新开办企业户数达到300户' }],
      metrics: [
        {
          code: 'B',
          name: '新开办企业户数',
          taskNumber: 1,
          source: '达到300户',
          kind: 'value',
          comparator: 'gte',
          target: 300,
          unit: 'count',
          period: 'year',
          deadline: null,
        },
      ],
    };
    expect(comparePlans(before, after).counts).toEqual({ unchanged: 0, 'target-changed': 0, new: 1, removed: 1 });
  });
});
