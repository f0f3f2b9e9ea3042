import { en } from './en';
import { zh } from './zh';

function leaves(obj: object, prefix = ''): Array<[string, string]> {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );
}

describe('web messages', () => {
  it('gives every Chinese string an English translation with the same placeholders', () => {
    const english = new Map(leaves(en));
    for (const [key, text] of leaves(zh)) {
      expect(english.has(key)).toBe(true);
      const placeholders = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort();
      expect(placeholders(english.get(key)!)).toEqual(placeholders(text));
    }
    expect(english.size).toBe(leaves(zh).length);
  });

  it('names every status in words in both languages', () => {
    for (const status of ['red', 'amber', 'green', 'grey'] as const) {
      expect(zh.status[status]).toMatch(/\S/);
      expect(en.status[status]).toMatch(/\S/);
    }
  });
});
