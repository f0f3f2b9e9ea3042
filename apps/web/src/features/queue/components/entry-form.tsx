import type { CreateSubmissionRequest, CreateSubmissionResponse, ErrorResponse, QueueItem } from '@taizhang/contracts';
import { isDurationUnit, isLateFigure } from '@taizhang/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useSubmitFigures } from '../api/use-queue';
import { FileField } from '../../../components/file-field';
import { InputField, TextAreaField } from '../../../components/labelled-field';

interface CaseRow {
  reference: string;
  startDate: string;
  completedOn: string;
  value: string;
}

const emptyCase = (): CaseRow => ({ reference: '', startDate: '', completedOn: '', value: '' });

/** A numerator or denominator: a count, so a whole number, and never below zero. */
const COUNT = { type: 'number', min: '0', step: '1', required: true } as const;

/**
 * The form that fits the metric: a figure, a numerator and denominator, case records, or a completion date.
 * `onSaved` tells the page, which keeps the confirmation when the saved item leaves the tab it was in.
 */
export function EntryForm({
  item,
  today,
  departmentId,
  onSaved,
}: {
  item: QueueItem;
  today: string;
  departmentId: number;
  onSaved?: (saved: CreateSubmissionResponse) => void;
}) {
  const { t, i18n } = useTranslation();
  const submit = useSubmitFigures();
  const [form, setForm] = useState(item.accepts.includes('ratio') ? 'ratio' : item.accepts[0]);
  const [value, setValue] = useState('');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [completedOn, setCompletedOn] = useState('');
  const [cases, setCases] = useState<CaseRow[]>([emptyCase()]);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // What the server asked for (a reason, an explanation and the soft rules to explain): once asked, the fields stay.
  const [asked, setAsked] = useState<{ fields: string[]; rules: NonNullable<ErrorResponse['rules']> }>({
    fields: [],
    rules: [],
  });
  const revising = item.latestRevision !== null || asked.fields.includes('reason');
  // A figure awaited after its due date (never sent, or returned) is late: say so before the clerk submits.
  const late = isLateFigure({ awaitingFigure: item.state !== 'submitted', today, dueDate: item.dueDate });
  const explaining = late || asked.fields.includes('explanation');
  const english = i18n.language === 'en';
  const duration = isDurationUnit(item.unit);
  const id = (name: string) => `${item.metricId}-${item.period}-${name}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const request: CreateSubmissionRequest = {
      metricId: item.metricId,
      departmentId,
      period: item.period,
      note: note || undefined,
      reason: reason || undefined,
      explanation: explanation.trim() || undefined,
    };
    if (form === 'value') request.value = Number(value);
    if (form === 'ratio') Object.assign(request, { numerator: Number(numerator), denominator: Number(denominator) });
    if (form === 'completion') request.completedOn = completedOn || null;
    if (form === 'cases') {
      request.cases = cases
        .filter((c) => c.reference.trim())
        .map((c) =>
          duration
            ? { reference: c.reference, startDate: c.startDate, completedOn: c.completedOn || null }
            : { reference: c.reference, value: Number(c.value) },
        );
    }
    submit.mutate(
      { request, file },
      {
        onSuccess: (saved) => onSaved?.(saved),
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const { fields = [], rules } = error.body;
          setAsked((prev) => ({ fields: [...new Set([...prev.fields, ...fields])], rules: rules ?? prev.rules }));
        },
      },
    );
  };
  const explainRequired = submit.error instanceof ApiError && submit.error.body.code === 'EXPLANATION_REQUIRED';
  const labels = item.ratioLabels;
  const setCase = (i: number, patch: Partial<CaseRow>) =>
    setCases(cases.map((c, j) => (i === j ? { ...c, ...patch } : c)));

  return (
    <form
      className="entry-form"
      onSubmit={onSubmit}
      aria-label={t('entry.formFor', { metric: english ? item.metricNameEn : item.metricName, period: item.period })}
    >
      {item.accepts.length > 1 && (
        <fieldset className="inline">
          <legend>{t('entry.form')}</legend>
          {item.accepts.map((a) => (
            <label key={a}>
              <input type="radio" name={id('form')} checked={form === a} onChange={() => setForm(a)} />{' '}
              {t(`entry.forms.${a}`)}
            </label>
          ))}
        </fieldset>
      )}
      {form === 'value' && (
        <InputField
          label={t('entry.value')}
          name="value"
          type="number"
          step="any"
          min="0"
          required
          value={value}
          onChange={setValue}
        />
      )}
      {form === 'ratio' && (
        <div className="inline">
          {/* Named from the metric (a staff ratio counts people, not cases): "分子（法制审核人员数）". */}
          <InputField
            label={labels ? (english ? labels.numeratorEn : labels.numeratorZh) : t('entry.numerator')}
            name="numerator"
            {...COUNT}
            value={numerator}
            onChange={setNumerator}
          />
          <InputField
            label={labels ? (english ? labels.denominatorEn : labels.denominatorZh) : t('entry.denominator')}
            name="denominator"
            {...COUNT}
            value={denominator}
            onChange={setDenominator}
          />
        </div>
      )}
      {form === 'completion' && (
        <InputField
          label={t('entry.completedOn')}
          name="completedOn"
          type="date"
          value={completedOn}
          onChange={setCompletedOn}
        />
      )}
      {form === 'cases' && (
        <fieldset>
          <legend>{t('entry.cases')}</legend>
          {cases.map((c, i) => (
            <div className="inline case-row" key={i}>
              <InputField
                label={t('entry.reference')}
                value={c.reference}
                onChange={(reference) => setCase(i, { reference })}
                required={i === 0}
              />
              {duration ? (
                <>
                  <InputField
                    label={t('entry.startDate')}
                    type="date"
                    value={c.startDate}
                    onChange={(startDate) => setCase(i, { startDate })}
                    required={Boolean(c.reference)}
                  />
                  <InputField
                    label={t('entry.caseCompletedOn')}
                    type="date"
                    value={c.completedOn}
                    onChange={(completedOn) => setCase(i, { completedOn })}
                  />
                </>
              ) : (
                <InputField
                  label={t('entry.value')}
                  type="number"
                  min="0"
                  step="any"
                  value={c.value}
                  onChange={(value) => setCase(i, { value })}
                  required={Boolean(c.reference)}
                />
              )}
            </div>
          ))}
          <button type="button" onClick={() => setCases([...cases, emptyCase()])}>
            {t('entry.addCase')}
          </button>
        </fieldset>
      )}
      {revising && <InputField label={t('entry.reason')} name="reason" required value={reason} onChange={setReason} />}
      {explaining && (
        <fieldset className="explanation">
          <legend>{t('entry.explanationTitle')}</legend>
          {asked.rules.length > 0 ? (
            <ul className="soft-rules" data-testid="soft-rules">
              {asked.rules.map((r) => (
                <li key={r.rule} data-rule={r.rule}>
                  {english ? r.messageEn : r.messageZh}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('entry.lateHint', { date: item.dueDate })}</p>
          )}
          <TextAreaField
            label={t('entry.explanation')}
            name="explanation"
            rows={2}
            maxLength={1000}
            value={explanation}
            onChange={setExplanation}
          />
        </fieldset>
      )}
      <TextAreaField label={t('entry.note')} name="note" rows={2} maxLength={2000} value={note} onChange={setNote} />
      <FileField label={t('entry.evidence')} name="evidence" onFile={setFile} />
      <button type="submit" className="primary" disabled={submit.isPending}>
        {revising ? t('entry.resubmit') : t('entry.submit')}
      </button>
      {submit.error && (
        <p role="alert" className="form-error">
          {explainRequired ? t('entry.explainThese') : errorMessage(submit.error, i18n.language)}
        </p>
      )}
      {submit.data && (
        <p role="status" className="entry-result" data-testid="entry-result">
          <SavedFigure saved={submit.data} />
        </p>
      )}
    </form>
  );
}

/** What saving a figure did: its revision, the department's status now and why, and whether a soft rule flagged it. */
export function SavedFigure({ saved }: { saved: CreateSubmissionResponse }) {
  const { t, i18n } = useTranslation();
  const { department } = saved.evaluation;
  return (
    <>
      {t('entry.saved', { revision: saved.submission.revision })} <StatusBadge status={department.status} />{' '}
      {i18n.language === 'en' ? department.reasonEn : department.reasonZh}
      {saved.submission.flags.length > 0 && <> {t('entry.flagged')}</>}
    </>
  );
}
