import { useTranslation } from 'react-i18next';

/** The end of every plan-editor form: save (what it saves, named) and cancel. */
export function EditorFormButtons({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="editor-form-buttons">
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel}>
        {t('planEditor.cancel')}
      </button>
    </span>
  );
}
