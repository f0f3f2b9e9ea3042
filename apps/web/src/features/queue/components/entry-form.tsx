import type { CreateSubmissionRequest, QueueItem } from '@taizhang/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../../components/status-badge';
import { errorMessage } from '../../../lib/api-client';
import { useSubmitFigures } from '../api/use-queue';

interface CaseRow {
  reference: string;
  startDate: string;
  completedOn: string;
  value: string;
}

const DURATION_UNITS = new Set(['working-days', 'days']);
const emptyCase = (): CaseRow => ({ reference: '', startDate: '', completedOn: '', value: '' });

/** The form that fits the metric: a figure, a numerator and denominator, case records, or a completion date. */
export function EntryForm({ item, departmentId }: { item: QueueItem; departmentId: number }) {
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
  const [file, setFile] = useState<File | null>(null);
  const revising = item.latestRevision !== null;
  const duration = DURATION_UNITS.has(item.unit);
  const id = (name: string) => `${item.metricId}-${item.period}-${name}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const request: CreateSubmissionRequest = { metricId: item.metricId, departmentId, period: item.period, note: note || undefined, reason: reason || undefined };
    if (form === 'value') request.value = Number(value);
    if (form === 'ratio') Object.assign(request, { numerator: Number(numerator), denominator: Number(denominator) });
    if (form === 'completion') request.completedOn = completedOn || null;
    if (form === 'cases') {
      request.cases = cases.filter((c) => c.reference.trim()).map((c) => (duration
        ? { reference: c.reference, startDate: c.startDate, completedOn: c.completedOn || null }
        : { reference: c.reference, value: Number(c.value) }));
    }
    submit.mutate({ request, file });
  };
  const setCase = (i: number, patch: Partial<CaseRow>) => setCases(cases.map((c, j) => (i === j ? { ...c, ...patch } : c)));

  return (
    <form className="entry-form" onSubmit={onSubmit} aria-label={t('entry.formFor', { metric: i18n.language === 'en' ? item.metricNameEn : item.metricName, period: item.period })}>
      {item.accepts.length > 1 && (
        <fieldset className="inline">
          <legend>{t('entry.form')}</legend>
          {item.accepts.map((a) => (
            <label key={a}><input type="radio" name={id('form')} checked={form === a} onChange={() => setForm(a)} /> {t(`entry.forms.${a}`)}</label>
          ))}
        </fieldset>
      )}
      {form === 'value' && <label>{t('entry.value')} <input name="value" type="number" step="any" min="0" required value={value} onChange={(e) => setValue(e.target.value)} /></label>}
      {form === 'ratio' && (
        <div className="inline">
          <label>{t('entry.numerator')} <input name="numerator" type="number" min="0" step="1" required value={numerator} onChange={(e) => setNumerator(e.target.value)} /></label>
          <label>{t('entry.denominator')} <input name="denominator" type="number" min="0" step="1" required value={denominator} onChange={(e) => setDenominator(e.target.value)} /></label>
        </div>
      )}
      {form === 'completion' && <label>{t('entry.completedOn')} <input name="completedOn" type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} /></label>}
      {form === 'cases' && (
        <fieldset>
          <legend>{t('entry.cases')}</legend>
          {cases.map((c, i) => (
            <div className="inline case-row" key={i}>
              <label>{t('entry.reference')} <input value={c.reference} onChange={(e) => setCase(i, { reference: e.target.value })} required={i === 0} /></label>
              {duration ? (
                <>
                  <label>{t('entry.startDate')} <input type="date" value={c.startDate} onChange={(e) => setCase(i, { startDate: e.target.value })} required={Boolean(c.reference)} /></label>
                  <label>{t('entry.caseCompletedOn')} <input type="date" value={c.completedOn} onChange={(e) => setCase(i, { completedOn: e.target.value })} /></label>
                </>
              ) : (
                <label>{t('entry.value')} <input type="number" min="0" step="any" value={c.value} onChange={(e) => setCase(i, { value: e.target.value })} required={Boolean(c.reference)} /></label>
              )}
            </div>
          ))}
          <button type="button" onClick={() => setCases([...cases, emptyCase()])}>{t('entry.addCase')}</button>
        </fieldset>
      )}
      {revising && <label>{t('entry.reason')} <input name="reason" required value={reason} onChange={(e) => setReason(e.target.value)} /></label>}
      <label>{t('entry.note')} <textarea name="note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></label>
      <label>{t('entry.evidence')} <input name="evidence" type="file" accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
      <button type="submit" className="primary" disabled={submit.isPending}>{revising ? t('entry.resubmit') : t('entry.submit')}</button>
      {submit.error && <p role="alert" className="form-error">{errorMessage(submit.error, i18n.language)}</p>}
      {submit.data && (
        <p role="status" className="entry-result" data-testid="entry-result">
          {t('entry.saved', { revision: submit.data.submission.revision })} <StatusBadge status={submit.data.evaluation.department.status} />{' '}
          {i18n.language === 'en' ? submit.data.evaluation.department.reasonEn : submit.data.evaluation.department.reasonZh}
        </p>
      )}
    </form>
  );
}
