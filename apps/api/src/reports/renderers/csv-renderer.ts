import { neutralizeFormula, type ReportSnapshot } from '@taizhang/domain';
import { LABELS, printedValue, STATUS_WORDS, type ReportLanguage } from './report-labels';

/** The appendix as CSV: UTF-8 with a byte-order mark so that Excel opens the Chinese correctly. */
export function renderCsv(report: ReportSnapshot, lang: ReportLanguage): Buffer {
  const l = LABELS[lang];
  const header = [l.code, l.metric, l.task, l.status, l.value, l.target, l.reason, l.revised];
  const rows = report.appendix.map((r) => [
    r.code,
    lang === 'zh' ? r.name : r.nameEn,
    String(r.taskNumber),
    STATUS_WORDS[lang][r.status],
    r.value === null ? '' : String(printedValue(r.value)),
    lang === 'zh' ? r.target : r.targetEn,
    lang === 'zh' ? r.reasonZh : r.reasonEn,
    r.revised ? l.yes : '',
  ]);
  const VALUE_COLUMN = 4;
  // Text that a spreadsheet would run as a formula is neutralised; the figure column holds real numbers.
  const cell = (v: string, column: number) => {
    const safe = column === VALUE_COLUMN ? v : neutralizeFormula(v);
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return Buffer.from(
    '\uFEFF' + [header, ...rows].map((r) => r.map((v, i) => cell(v, i)).join(',')).join('\r\n') + '\r\n',
    'utf8',
  );
}
