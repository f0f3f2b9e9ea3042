import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnresolvedItem } from '@taizhang/domain';
import { sourceSegments, type TargetEntry } from '../api/target-edits';

/** The mark holding a target's words (shared with other targets where their words overlap). */
export const markOf = (code: string) =>
  document.querySelector<HTMLElement>(`[data-testid=source-text] mark[data-codes~="${CSS.escape(code)}"]`);

/**
 * The text the parser read, every target's words marked. Marks are focusable from the target list
 * (tabIndex −1) rather than tab stops of their own: fifty stops inside a text would trap keyboard users.
 */
export const SourceText = memo(function SourceText({
  text,
  targets,
  unresolved,
  discarded,
  onSelect,
}: {
  text: string;
  targets: TargetEntry[];
  unresolved: UnresolvedItem[];
  discarded: ReadonlySet<string>;
  /** Words selected in the text (offsets into it), or null when the selection is gone. */
  onSelect: (selection: { start: number; end: number } | null) => void;
}) {
  const { t } = useTranslation();
  const segments = useMemo(() => sourceSegments(text, targets, unresolved), [text, targets, unresolved]);
  const select = () => onSelect(selectionIn(text));
  return (
    <section className="panel import-source" aria-labelledby="import-source-title">
      <h3 id="import-source-title">{t('planImport.source')}</h3>
      <p className="muted">{t('planImport.sourceHint')}</p>
      <div className="source-text" data-testid="source-text" onMouseUp={select} onKeyUp={select}>
        {segments.map((s) => {
          if (s.kind === 'text')
            return (
              <span key={s.start} data-start={s.start}>
                {s.text}
              </span>
            );
          if (s.kind === 'unresolved') {
            return (
              <mark
                key={s.start}
                data-start={s.start}
                className="mark-unresolved"
                aria-label={t('planImport.unresolvedMark', { reason: s.reason, text: s.text })}
              >
                {s.text}
              </mark>
            );
          }
          const gone = s.codes.every((c) => discarded.has(c));
          const codes = s.codes.join('、');
          return (
            <mark
              key={s.start}
              data-start={s.start}
              tabIndex={-1}
              data-codes={s.codes.join(' ')}
              className={gone ? 'mark-target mark-discarded' : 'mark-target'}
              aria-label={t(gone ? 'planImport.discardedMark' : 'planImport.targetMark', { code: codes, text: s.text })}
            >
              {s.text}
            </mark>
          );
        })}
      </div>
    </section>
  );
});

/** Offset in the text of a point of the DOM selection: its element's data-start plus the offset inside its text node. */
function offsetOf(node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const start = element?.closest<HTMLElement>('[data-start]')?.dataset.start;
  return start === undefined || node.nodeType !== Node.TEXT_NODE ? null : Number(start) + offset;
}

/** The selected words of the source text, trimmed of white space; null when nothing (or something elsewhere) is selected. */
function selectionIn(text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOf(range.startContainer, range.startOffset);
  let end = offsetOf(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}
