import { metricCode, parsePlan, toPlanSeed } from '@taizhang/domain';
import { editedMetric, editedSeed, sourceSegments, targetEntries } from './target-edits';

const TEXT = [
  '一、依法全面履行政府职能',
  '1.全面推行行政审批制度改革',
  '1',
  '行政审批事项在法定期限内办结率达到100%,承诺办理时限不超过5个工作日。',
  '牵头单位:区政务服务办;责任部门:区司法局',
].join('\n');
const parsed = parsePlan(TEXT);
const seed = toPlanSeed(
  parsed,
  { code: 'x', title: 'x', year: 2020, district: 'x', source: 'x.txt' },
  (name) => `d-${name}`,
);

describe(targetEntries.name, () => {
  it('gives each parsed target the code of the metric the seed makes of it', () => {
    const entries = targetEntries(parsed);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.map((e) => e.code)).toEqual(seed.metrics.map((m) => m.code));
    expect(entries.map((e) => e.parsed.span.text)).toEqual(seed.metrics.map((m) => m.source));
    expect(metricCode(7, 1)).toBe('T007-2');
  });
});

describe(editedSeed.name, () => {
  it('leaves discarded metrics out and applies the edited fields', () => {
    const [first, second] = seed.metrics;
    const edits = { [first.code]: { target: 95 }, [second.code]: null };
    const result = editedSeed(seed, edits);
    expect(result.metrics.map((m) => m.code)).toEqual(seed.metrics.filter((m) => m !== second).map((m) => m.code));
    expect(result.metrics[0]).toEqual({ ...first, target: 95 });
    expect(seed.metrics[0].target).not.toBe(95);
    expect(editedMetric(seed, edits, second.code)).toBeNull();
    expect(editedMetric(seed, edits, first.code)?.target).toBe(95);
  });
});

describe(sourceSegments.name, () => {
  it('cuts the text into plain and marked stretches that join back to the text', () => {
    const entries = targetEntries(parsed);
    const segments = sourceSegments(TEXT, entries, [{ start: 0, end: 2, text: TEXT.slice(0, 2), reason: 'why' }]);
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(segments.filter((s) => s.kind === 'target').map((s) => s.text)).toEqual(
      entries.map((e) => e.parsed.span.text),
    );
    expect(segments.flatMap((s) => (s.kind === 'target' ? s.codes : []))).toEqual(entries.map((e) => e.code));
    expect(segments[0]).toEqual({ kind: 'unresolved', text: TEXT.slice(0, 2), start: 0, reason: 'why' });
  });

  it('gives targets whose words overlap one shared mark carrying every code', () => {
    const [entry] = targetEntries(parsed);
    const span = entry.parsed.span;
    const same = { ...entry, code: 'same' };
    const overlapping = {
      ...entry,
      code: 'later',
      parsed: {
        ...entry.parsed,
        span: { ...span, start: span.start + 1, end: span.end + 2, text: TEXT.slice(span.start + 1, span.end + 2) },
      },
    };
    const segments = sourceSegments(
      TEXT,
      [overlapping, entry, same],
      [{ start: span.start, end: span.end, text: span.text, reason: 'hidden by a target' }],
    );
    expect(segments.map((s) => s.text).join('')).toBe(TEXT);
    expect(segments.filter((s) => s.kind !== 'text')).toEqual([
      {
        kind: 'target',
        text: TEXT.slice(span.start, span.end + 2),
        start: span.start,
        codes: [entry.code, 'same', 'later'],
      },
    ]);
  });
});
