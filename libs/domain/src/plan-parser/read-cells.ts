import { foldForMatching } from './normalise-text';

/** One line of the input, or one cell of a table row flattened with tabs or "|". */
export interface Cell {
  /** Offsets of the trimmed cell text in the input. */
  start: number;
  end: number;
  /** Exactly `input.slice(start, end)`. */
  text: string;
  /** `text` folded for matching (same length). */
  folded: string;
}

/**
 * Splits the input into non-empty cells with their offsets. A table exported as text puts one cell a
 * line, or a row a line with cells separated by tabs or "|" (Markdown-style); both become one cell each,
 * in reading order. Markdown separator rows ("|---|---|") carry nothing and are skipped.
 */
export function readCells(input: string): Cell[] {
  const cells: Cell[] = [];
  const piece = /[^\n\r\t|]+/g;
  for (let m = piece.exec(input); m; m = piece.exec(input)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text || /^:?-{2,}:?$/.test(text)) continue;
    const start = m.index + lead;
    cells.push({ start, end: start + text.length, text, folded: foldForMatching(text) });
  }
  return cells;
}
