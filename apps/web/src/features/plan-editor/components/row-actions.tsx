import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EditorFormButtons } from './editor-form-buttons';

interface ActionsProps {
  /** What the buttons act on, for their accessible names ("一级指标 3", "指标 T007-1"). */
  what: string;
  retired: boolean;
  onEdit?: () => void;
  onUp?: () => void;
  onDown?: () => void;
  /** Shows the move buttons (disabled at either end); metrics are listed by code and do not move. */
  movable?: boolean;
  onRetire?: () => void;
  /** Absent: the row cannot be deleted (it holds something, or figures stand on it); `deleteHint` says why. */
  onDelete?: () => void;
  deleteHint?: string;
  busy: boolean;
}

/** Edit, move, retire and delete buttons of one row; a retired row keeps only delete (where allowed). */
export function RowActions({
  what,
  retired,
  onEdit,
  onUp,
  onDown,
  movable = true,
  onRetire,
  onDelete,
  deleteHint,
  busy,
}: ActionsProps) {
  const { t } = useTranslation();
  const button = (label: string, aria: string, onClick: (() => void) | undefined, danger = false) => (
    <button
      type="button"
      className={danger ? 'link-button danger' : 'link-button'}
      aria-label={`${aria}${what}`}
      onClick={onClick}
      disabled={busy || !onClick}
    >
      {label}
    </button>
  );
  return (
    <span className="editor-actions">
      {!retired && onEdit && button(t('planEditor.edit'), t('planEditor.editOf'), onEdit)}
      {!retired && movable && button('↑', t('planEditor.moveUpOf'), onUp)}
      {!retired && movable && button('↓', t('planEditor.moveDownOf'), onDown)}
      {!retired && onRetire && button(t('planEditor.retire'), t('planEditor.retireOf'), onRetire, true)}
      {onDelete ? (
        button(t('planEditor.delete'), t('planEditor.deleteOf'), onDelete, true)
      ) : deleteHint ? (
        <span className="muted editor-hint">{deleteHint}</span>
      ) : null}
    </span>
  );
}

interface TextEditProps {
  label: string;
  initial: string;
  multiline?: boolean;
  submitLabel: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  busy: boolean;
}

/** One text field with save and cancel: a title, a task's words. */
export function TextEdit({ label, initial, multiline, submitLabel, onSave, onCancel, busy }: TextEditProps) {
  const [text, setText] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim()) onSave(text.trim());
  };
  return (
    <form className="editor-form" onSubmit={submit}>
      <label className="field-wide">
        {label}
        {multiline ? (
          <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} required />
        ) : (
          <input value={text} onChange={(e) => setText(e.target.value)} required />
        )}
      </label>
      <EditorFormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
