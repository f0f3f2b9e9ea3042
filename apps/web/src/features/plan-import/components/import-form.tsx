import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRequest } from '../api/use-plan-import';

const ACCEPT =
  '.txt,.docx,.xlsx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The ledger file and the identity of the plan it becomes; the API checks both. */
export function ImportForm({ busy, onSubmit }: { busy: boolean; onSubmit: (request: ImportRequest) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState({ code: '', title: '', year: String(new Date().getFullYear()), district: '' });
  const field = (name: keyof typeof fields) => ({
    value: fields[name],
    onChange: (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) onSubmit({ file, ...fields });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-label={t('planImport.formLabel')}>
      <label>
        {t('planImport.file')}
        <input
          type="file"
          name="file"
          accept={ACCEPT}
          required
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <div className="import-field">
        <label>
          {t('planImport.code')}
          <input
            name="code"
            required
            pattern="[a-z0-9\-]{2,64}"
            aria-describedby="import-code-hint"
            {...field('code')}
          />
        </label>
        <span id="import-code-hint" className="hint">
          {t('planImport.codeHint')}
        </span>
      </div>
      <label>
        {t('planImport.planTitle')}
        <input name="title" required maxLength={200} {...field('title')} />
      </label>
      <label>
        {t('planImport.year')}
        <input name="year" type="number" required min={2000} max={2100} {...field('year')} />
      </label>
      <label>
        {t('planImport.district')}
        <input name="district" maxLength={100} {...field('district')} />
      </label>
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('planImport.reading') : t('planImport.preview')}
        </button>
      </div>
    </form>
  );
}
