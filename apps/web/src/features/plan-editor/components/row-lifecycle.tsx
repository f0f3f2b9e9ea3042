import { useTranslation } from 'react-i18next';
import type { EditorChange } from '../api/use-plan-editor';

/** Sends one change to the plan; `done` runs once it is saved (to close the form). */
export type Apply = (change: EditorChange, done?: () => void) => void;

/**
 * What a row's retire and delete buttons do (RowActions' onRetire and onDelete): each asks first, naming the row,
 * then POSTs `path`/retire or DELETEs `path`. Delete is offered only while the row is `deletable`.
 */
export function useRetireAndDelete(apply: Apply, path: string, name: string, deletable: boolean) {
  const { t } = useTranslation();
  const confirmThen = (message: string, change: EditorChange) => () => {
    if (window.confirm(message)) apply(change);
  };
  return {
    onRetire: confirmThen(t('planEditor.confirmRetire', { name }), { method: 'POST', path: `${path}/retire` }),
    onDelete: deletable ? confirmThen(t('planEditor.confirmDelete', { name }), { method: 'DELETE', path }) : undefined,
  };
}

/** "已停用（2026-03-01）" beside a retired row; nothing for a live one. */
export function RetiredTag({ retiredAt }: { retiredAt: string | null }) {
  const { t } = useTranslation();
  if (!retiredAt) return null;
  return <span className="tag tag-retired">{t('planEditor.retiredOn', { date: retiredAt.slice(0, 10) })}</span>;
}
