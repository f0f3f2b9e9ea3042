import type { NoticePreviewResponse } from '@taizhang/contracts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NoticeReading } from './notice-reading';
import { ErrorAlert } from '../../../components/error-alert';

interface NoticePanelProps {
  text: string;
  onText: (text: string) => void;
  onPreview: () => void;
  previewing: boolean;
  reading: NoticePreviewResponse | undefined;
  error: unknown;
  shownYear: number;
  onYear: (year: number) => void;
}

/** Paste the State Council's notice and see what was read of it, before anything is stored. */
export function NoticePanel({
  text,
  onText,
  onPreview,
  previewing,
  reading,
  error,
  shownYear,
  onYear,
}: NoticePanelProps) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onPreview();
  };
  return (
    <section className="panel" aria-labelledby="notice-title">
      <h2 id="notice-title">{t('calendar.notice.title')}</h2>
      <form className="hn-form" onSubmit={submit}>
        <label htmlFor="notice-text">{t('calendar.notice.text')}</label>
        <p id="notice-hint" className="muted">
          {t('calendar.notice.hint')}
        </p>
        <textarea
          id="notice-text"
          aria-describedby="notice-hint"
          rows={6}
          value={text}
          onChange={(e) => onText(e.target.value)}
          spellCheck={false}
        />
        <div>
          <button type="submit" className="primary" disabled={previewing || text.trim() === ''}>
            {previewing ? t('calendar.notice.previewing') : t('calendar.notice.preview')}
          </button>
        </div>
      </form>
      <ErrorAlert error={error} />
      {reading && <NoticeReading reading={reading} shownYear={shownYear} onYear={onYear} />}
    </section>
  );
}
