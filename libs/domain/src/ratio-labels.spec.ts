import fc from 'fast-check';
import { ratioLabels } from './ratio-labels';

describe(ratioLabels.name, () => {
  it('names the part and the whole of a staff ratio from its name', () => {
    expect(
      ratioLabels({
        name: '法制审核人员占本单位执法人员比例',
        nameEn: 'Legal reviewers as share of enforcement staff',
      }),
    ).toEqual({
      numeratorZh: '分子（法制审核人员数）',
      denominatorZh: '分母（本单位执法人员数）',
      numeratorEn: 'Numerator (legal reviewers)',
      denominatorEn: 'Denominator (enforcement staff)',
    });
  });

  it('keeps a count noun as it is', () => {
    expect(ratioLabels({ name: '优良天数占全年天数的比例', nameEn: 'x' })).toMatchObject({
      numeratorZh: '分子（优良天数）',
      denominatorZh: '分母（全年天数）',
    });
  });

  it('gives a rate without a "占" the generic wording with its name, not 符合件数', () => {
    const labels = ratioLabels({ name: '政府信息公开被纠错发生率', nameEn: 'Rate of disclosure decisions overturned' });
    expect(labels.numeratorZh).toBe('分子（计入「政府信息公开被纠错发生率」的数）');
    expect(labels.denominatorZh).toBe('分母（「政府信息公开被纠错发生率」的总数）');
    expect(labels.numeratorEn).toBe('Numerator (counted toward "Rate of disclosure decisions overturned")');
  });

  it("always starts with 分子 and 分母 (the form's fields are found by them) and never says 符合件数", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (name, nameEn) => {
        const l = ratioLabels({ name, nameEn });
        expect(l.numeratorZh.startsWith('分子（')).toBe(true);
        expect(l.denominatorZh.startsWith('分母（')).toBe(true);
        expect(l.numeratorEn.startsWith('Numerator (')).toBe(true);
        expect(l.denominatorEn.startsWith('Denominator (')).toBe(true);
        if (!name.includes('符合件数')) expect(`${l.numeratorZh}${l.denominatorZh}`).not.toContain('符合件数');
      }),
    );
  });
});
