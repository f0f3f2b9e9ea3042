import type { MetricCommentResponse } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { useAddMetricComment, useMetricComments } from '../api/use-metric-comments';
import { ErrorAlert } from '../../../components/error-alert';
import { TextAreaField } from '../../../components/labelled-field';

interface Props {
  metricId: number;
  /** The period whose status the page shows. */
  period: string;
  /** Leaders and the departments that report the metric write; admins only read. */
  canWrite: boolean;
}

/** Comments on the period shown, next to its status: who, when, what; a form for those who may write. */
export function MetricComments({ metricId, period, canWrite }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const comments = useMetricComments(metricId, period);
  const add = useAddMetricComment(metricId, period);
  const [text, setText] = useState('');
  const author = (c: MetricCommentResponse) => `${c.department?.name ?? t('comments.leader')} · ${c.username}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(text, { onSuccess: () => setText('') });
  };

  return (
    <section className="comments" aria-labelledby="comments-title" data-testid="metric-comments" data-period={period}>
      <h3 id="comments-title">{t('comments.title', { period })}</h3>
      <ErrorAlert error={comments.error} />
      {!comments.data && !comments.error && <p role="status">{t('loading')}</p>}
      {comments.data?.length === 0 && <p className="muted">{t('comments.none')}</p>}
      {comments.data && comments.data.length > 0 && (
        <ol className="comment-list">
          {comments.data.map((c) => (
            <li key={c.id} data-testid="comment" data-comment={c.id}>
              <p className="comment-meta">
                <strong>{author(c)}</strong> <time dateTime={c.createdAt}>{format.dateTime(c.createdAt)}</time>
              </p>
              <p className="comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form className="comment-form" onSubmit={submit} aria-labelledby="comments-title">
          <TextAreaField
            label={t('comments.label', { period })}
            name="comment"
            rows={2}
            required
            maxLength={1000}
            value={text}
            onChange={setText}
          />
          <p className="muted">{t('comments.hint')}</p>
          <button type="submit" className="primary" disabled={add.isPending}>
            {add.isPending ? t('comments.sending') : t('comments.submit')}
          </button>
          <ErrorAlert error={add.error} inline testId="comment-error" />
        </form>
      )}
    </section>
  );
}
