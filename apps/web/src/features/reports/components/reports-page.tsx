import { monthKey } from '@taizhang/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMonth } from '../../../lib/month';
import { useSession } from '../../../lib/session';
import { PlanPicker } from '../../../components/plan-picker';
import { useSelectedPlan } from '../../../lib/selected-plan';
import { useFormat } from '../../../lib/format';
import { latestEndedMonth, useGenerateReport, useReports, useServerToday } from '../api/use-reports';
import { DataTable } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';

const FORMATS = ['xlsx', 'pdf', 'csv'] as const;

/** Every monthly report and its versions; leaders and admins generate a chosen month now. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const format = useFormat();
  const { plans, plan, choose } = useSelectedPlan();
  const reports = useReports(plan?.id);
  const generate = useGenerateReport();
  // Opened from a page showing a month, the report of that month is the one offered.
  const shownMonth = useMonth();
  const [chosen, setChosen] = useState(shownMonth ?? '');
  const today = useServerToday();
  const canGenerate = session.data?.role === 'leader' || session.data?.role === 'admin';
  // Without a choice, the latest month that has ended: 立即生成 always has a month to make, or says why not.
  const latest = plan && today.data ? latestEndedMonth(plan.year, today.data) : null;
  const month = chosen.startsWith(`${plan?.year}-`) ? chosen : (latest ?? '');
  const months = plan
    ? Array.from({ length: 12 }, (_, i) => monthKey(plan.year, i + 1)).filter((m) => !latest || m <= latest)
    : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (plan && month) generate.mutate({ planId: plan.id, month });
  };
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports.title')}</h2>
      <PlanPicker plans={plans.data ?? []} planId={plan?.id} onChoose={choose} />
      {canGenerate && (
        <form className="inline" onSubmit={submit} aria-label={t('reports.generate')}>
          <label>
            {t('reports.month')}{' '}
            <select value={month} onChange={(e) => setChosen(e.target.value)} disabled={months.length === 0}>
              {months.length === 0 && <option value="">{t('reports.chooseMonth')}</option>}
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={generate.isPending || !month}>
            {generate.isPending ? t('reports.generating') : t('reports.generate')}
          </button>
          {plan && today.data && !month && (
            <span className="muted" data-testid="no-month">
              {t('reportsExtra.noMonth', { year: plan.year })}
            </span>
          )}
          {generate.isPending && <progress aria-label={t('reports.generating')} />}
          <ErrorAlert error={generate.error} inline />
          {generate.data && <span role="status">{t('reports.generated')}</span>}
        </form>
      )}
      <DataTable
        columns={[
          t('reports.month'),
          t('reports.version'),
          t('reports.trigger'),
          t('reports.generatedAt'),
          t('reports.revised'),
          t('reports.download'),
        ]}
      >
        {(reports.data ?? []).map((r) => (
          <tr key={r.id} data-testid="report-row">
            <td>{r.month}</td>
            <td>{r.version}</td>
            <td>{t(`reports.triggers.${r.trigger}`)}</td>
            <td>{format.dateTime(r.generatedAt)}</td>
            <td>{r.revisedCount}</td>
            <td className="downloads">
              {FORMATS.map((f) => (
                <a key={f} href={`/api/reports/${r.id}/file?format=${f}&lang=${lang}`} download>
                  {f.toUpperCase()}
                </a>
              ))}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
