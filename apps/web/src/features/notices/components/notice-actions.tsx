import type { MeResponse, NoticeResponse } from '@taizhang/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { FileField } from '../../../components/file-field';
import { InputField, TextAreaField } from '../../../components/labelled-field';
import { useNoticeStep } from '../api/use-notice';

/**
 * What the signed-in user may do next: a department acknowledges, then replies; a leader accepts the reply or
 * sends it back with a comment. The API checks the life cycle too; this only hides steps that cannot apply.
 */
export function NoticeActions({ notice, role }: { notice: NoticeResponse; role: MeResponse['role'] }) {
  const { t } = useTranslation();
  const step = useNoticeStep(notice.id);
  const [measures, setMeasures] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const error = <ErrorAlert error={step.error} />;
  // A step that needs nothing but a click: acknowledging a notice, accepting its reply.
  const oneClick = (action: 'acknowledge' | 'accept') => (
    <button type="button" className="primary" disabled={step.isPending} onClick={() => step.mutate({ action })}>
      {t(`notices.${action}`)}
    </button>
  );

  if (role === 'department' && notice.state === 'issued') {
    return (
      <div className="notice-actions">
        {oneClick('acknowledge')}
        {error}
      </div>
    );
  }
  if (role === 'department' && notice.state === 'acknowledged') {
    return (
      <form
        className="entry-form notice-actions"
        aria-label={t('notices.replyForm')}
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({ action: 'reply', measures, targetDate, file });
        }}
      >
        <TextAreaField
          label={t('notices.measures')}
          name="measures"
          rows={4}
          required
          maxLength={4000}
          value={measures}
          onChange={setMeasures}
        />
        <InputField
          label={t('notices.targetDate')}
          name="targetDate"
          type="date"
          required
          value={targetDate}
          onChange={setTargetDate}
        />
        <FileField label={t('notices.attachment')} name="file" onFile={setFile} />
        <button type="submit" className="primary" disabled={step.isPending}>
          {t('notices.submitReply')}
        </button>
        {error}
      </form>
    );
  }
  if (role === 'leader' && notice.state === 'replied') {
    return (
      <div className="notice-actions">
        {oneClick('accept')}
        <form
          className="entry-form"
          aria-label={t('notices.sendBackForm')}
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ action: 'send-back', comment });
          }}
        >
          <TextAreaField
            label={t('notices.sendBackComment')}
            name="comment"
            rows={2}
            required
            maxLength={1000}
            value={comment}
            onChange={setComment}
          />
          <button type="submit" disabled={step.isPending}>
            {t('notices.sendBack')}
          </button>
        </form>
        {error}
      </div>
    );
  }
  return null;
}
