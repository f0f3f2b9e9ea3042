import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage, postForm } from '../../../lib/api-client';

/** Download the period's Excel template, fill it, upload it: all rows are saved or none. */
export function BulkUpload({ planId }: { planId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return postForm<{ created: number }>('/api/submissions/bulk', form);
    },
    onSuccess: () => void client.invalidateQueries(),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate(file);
  };
  const details = upload.error instanceof ApiError ? (upload.error.body.details ?? []) : [];
  return (
    <form className="inline bulk" onSubmit={submit} aria-label={t('bulk.title')}>
      <a href={`/api/submissions/template?planId=${planId}`} download>
        {t('bulk.template')}
      </a>
      <label>
        {t('bulk.file')} <input type="file" accept=".xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" disabled={!file || upload.isPending}>
        {t('bulk.upload')}
      </button>
      {upload.data && <span role="status">{t('bulk.saved', { count: upload.data.created })}</span>}
      {upload.error && (
        <div role="alert" className="form-error">
          <p>{errorMessage(upload.error, i18n.language)}</p>
          {details.length > 0 && (
            <ul>
              {details.map((d) => (
                <li key={`${d.sheet}-${d.row}`}>
                  {t('bulk.row', { sheet: d.sheet, row: d.row })}
                  {i18n.language === 'en' ? d.messageEn : d.messageZh}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
