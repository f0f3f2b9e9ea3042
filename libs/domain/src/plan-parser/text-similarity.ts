import { foldForMatching } from './normalise-text';

/**
 * Text similarity for matching one year's ledger against the next: tasks are reworded and renumbered,
 * so exact comparison is useless; character bigrams suit Chinese, which has no word boundaries.
 */

/** Full-width folded, without whitespace or punctuation; digit runs become "#" when `maskFigures` (a changed figure is the same sentence). */
export function similarityKey(text: string, options: { maskFigures?: boolean } = {}): string {
  const plain = foldForMatching(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  return options.maskFigures ? plain.replace(/\d+(?:\.\d+)?/g, '#') : plain;
}

function bigrams(key: string): Map<string, number> {
  const chars = [...key];
  const grams = new Map<string, number>();
  // A one-character key has no bigram; its character stands in, so that "率" still equals "率".
  const units = chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
  for (const g of units) grams.set(g, (grams.get(g) ?? 0) + 1);
  return grams;
}

/** Sørensen–Dice coefficient of two keys' bigram multisets: 1 for equal keys (also two empty ones), 0 for nothing shared. */
export function diceSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  let size = 0;
  let shared = 0;
  for (const n of x.values()) size += n;
  for (const [g, n] of y) {
    size += n;
    shared += Math.min(n, x.get(g) ?? 0);
  }
  return size === 0 ? 1 : (2 * shared) / size;
}
