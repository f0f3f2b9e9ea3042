import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnresolvedItem } from '@taizhang/domain';
import { sourceSegments, type TargetEntry } from '../api/target-edits';

/** The mark holding a target's words (shared with other targets where their words overlap). */
export const markOf = (code: string) => document.querySelector<HTMLElement>(`[data-testid=source-text] mark[data-codes~="${CSS.escape(code)}"]`);

/**
 * The text the parser read, every target's words marked. Marks are focusable from the target list
 * (tabIndex −1) rather than tab stops of their own: fifty stops inside a text would trap keyboard users.
 */
export const SourceText = memo(function SourceText({ text, targets, unresolved, discarded }: { text: string; targets: TargetEntry[]; unresolved: UnresolvedItem[]; discarded: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const segments = useMemo(() => sourceSegments(text, targets, unresolved), [text, targets, unresolved]);
  return (
    <section className="panel import-source" aria-labelledby="import-source-title">
      <h3 id="import-source-title">{t('planImport.source')}</h3>
      <p className="muted">{t('planImport.sourceHint')}</p>
      <div className="source-text" data-testid="source-text">
        {segments.map((s) => {
          if (s.kind === 'text') return <span key={s.start}>{s.text}</span>;
          if (s.kind === 'unresolved') {
            return <mark key={s.start} className="mark-unresolved" aria-label={t('planImport.unresolvedMark', { reason: s.reason, text: s.text })}>{s.text}</mark>;
          }
          const gone = s.codes.every((c) => discarded.has(c));
          const codes = s.codes.join('、');
          return (
            <mark key={s.start} tabIndex={-1} data-codes={s.codes.join(' ')} className={gone ? 'mark-target mark-discarded' : 'mark-target'}
              aria-label={t(gone ? 'planImport.discardedMark' : 'planImport.targetMark', { code: codes, text: s.text })}>
              {s.text}
            </mark>
          );
        })}
      </div>
    </section>
  );
});
