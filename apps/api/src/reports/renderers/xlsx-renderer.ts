import type { ReportSnapshot, Status } from '@taizhang/domain';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import {
  FORECAST_LABELS,
  indicatorStatusWord,
  LABELS,
  noteAuthor,
  printedTime,
  printedValue,
  STATUS_FILL,
  STATUS_WORDS,
  type ReportLanguage,
} from './report-labels';

/**
 * A sheet per section; header rows frozen; numbers stored as numbers; status cells filled and labelled in
 * words. Every text is written as a plain string value, which Excel never evaluates as a formula.
 * Written with exceljs's streaming writer: rows are committed as they go, so a city-sized report stays small in memory.
 */
export async function renderXlsx(report: ReportSnapshot, lang: ReportLanguage): Promise<Buffer> {
  const l = LABELS[lang];
  const words = STATUS_WORDS[lang];
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Taizhang';
  book.created = new Date(report.generatedAt);

  const sheet = (name: string, header: string[], widths: number[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = widths.map((width) => ({ width }));
    const row = ws.addRow(header);
    row.font = { bold: true };
    return ws;
  };
  const fills = Object.fromEntries(
    Object.entries(STATUS_FILL).map(([s, argb]) => [s, { type: 'pattern', pattern: 'solid', fgColor: { argb } }]),
  ) as Record<Status, ExcelJS.Fill>;
  const statusCell = (row: ExcelJS.Row, column: number, status: Status) => {
    const c = row.getCell(column);
    c.value = words[status];
    c.fill = fills[status];
  };
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 10) / 1000);

  const summary = sheet(l.sheets.summary, [l.title, l.value], [28, 60]);
  const h = report.headline;
  const facts: Array<[string, string | number | null]> = [
    [l.plan, report.plan.title],
    [l.month, report.month],
    [l.version, report.version],
    [l.generatedAt, printedTime(report.generatedAt)],
    [l.dataAsOf, printedTime(report.dataAsOf)],
    [l.metrics, h.metricCount],
    [words.red, h.counts.red],
    [words.amber, h.counts.amber],
    [words.green, h.counts.green],
    [words.grey, h.counts.grey],
    [l.shareGreen, pct(h.shareGreen)],
    [l.onTime, pct(h.onTimeRate)],
    [`${l.change}：${words.red}`, h.previous ? h.counts.red - h.previous.counts.red : null],
    [
      `${l.change}：${l.shareGreen}`,
      h.previous && h.shareGreen !== null && h.previous.shareGreen !== null
        ? pct(h.shareGreen - h.previous.shareGreen)
        : null,
    ],
    ...(report.notices ? [[l.notices, l.noticesLine(report.notices)] as [string, string]] : []),
  ];
  facts.forEach(([k, v], i) => {
    const row = summary.addRow([k, v]);
    // Share green, on-time rate and the change of share green are fractions shown as percents.
    if ([10, 11, 13].includes(i)) row.getCell(2).numFmt = '0.0%';
  });

  const indicators = sheet(
    l.sheets.indicators,
    [l.level, l.number, l.title, l.status, words.red, words.amber, words.green, words.grey],
    [8, 8, 50, 12, 10, 10, 10, 10],
  );
  for (const i of report.indicators) {
    const row = indicators.addRow([
      i.level,
      i.number,
      i.title,
      '',
      i.counts.red,
      i.counts.amber,
      i.counts.green,
      i.counts.grey,
    ]);
    statusCell(row, 4, i.status);
    row.getCell(4).value = indicatorStatusWord(i, lang);
    row.commit();
  }

  const attention = sheet(
    l.sheets.attention,
    [l.code, l.metric, l.status, l.reason, l.task, l.departments],
    [10, 36, 10, 60, 60, 36],
  );
  for (const a of report.attention) {
    const row = attention.addRow([
      a.code,
      lang === 'zh' ? a.name : a.nameEn,
      '',
      lang === 'zh' ? a.reasonZh : a.reasonEn,
      a.task,
      a.departments,
    ]);
    statusCell(row, 3, a.status);
    row.commit();
  }

  if (report.forecasts) {
    const f = FORECAST_LABELS[lang];
    const forecasts = sheet(
      f.sheet,
      [l.code, l.metric, f.now, f.forecast, f.projected, l.target, l.reason],
      [10, 36, 10, 14, 12, 16, 90],
    );
    for (const r of report.forecasts) {
      const row = forecasts.addRow([
        r.code,
        lang === 'zh' ? r.name : r.nameEn,
        '',
        f.words[r.forecast],
        printedValue(r.projected),
        lang === 'zh' ? r.target : r.targetEn,
        lang === 'zh' ? r.reasonZh : r.reasonEn,
      ]);
      statusCell(row, 3, r.status);
      row.getCell(4).fill = fills[r.forecast];
      row.commit();
    }
  }

  const departments = sheet(
    l.sheets.departments,
    [l.rank, l.department, l.count, words.red, words.amber, words.green, words.grey, l.compliance, l.onTime],
    [8, 24, 10, 10, 10, 10, 10, 12, 14],
  );
  for (const d of report.departments) {
    const row = departments.addRow([
      d.rank,
      d.name,
      d.metricCount,
      d.counts.red,
      d.counts.amber,
      d.counts.green,
      d.counts.grey,
      pct(d.compliance),
      pct(d.onTimeRate),
    ]);
    row.getCell(8).numFmt = '0.0%';
    row.getCell(9).numFmt = '0.0%';
    row.commit();
  }

  const trend = sheet(
    l.sheets.trend,
    [l.month, words.red, words.amber, words.green, words.grey, l.shareGreen],
    [12, 10, 10, 10, 10, 12],
  );
  for (const t of report.trend)
    trend
      .addRow([t.month, t.counts.red, t.counts.amber, t.counts.green, t.counts.grey, pct(t.shareGreen)])
      .getCell(6).numFmt = '0.0%';

  const appendix = sheet(
    l.sheets.appendix,
    [l.code, l.metric, l.task, l.status, l.value, l.target, l.reason, l.revised],
    [10, 40, 8, 10, 12, 16, 70, 10],
  );
  for (const r of report.appendix) {
    const row = appendix.addRow([
      r.code,
      lang === 'zh' ? r.name : r.nameEn,
      r.taskNumber,
      '',
      r.value === null ? null : printedValue(r.value),
      lang === 'zh' ? r.target : r.targetEn,
      lang === 'zh' ? r.reasonZh : r.reasonEn,
      r.revised ? l.yes : '',
    ]);
    statusCell(row, 4, r.status);
    if (r.revised) row.font = { bold: true };
    row.commit();
  }

  if (report.notes?.length) {
    const notes = sheet(l.sheets.notes, [l.code, l.metric, l.period, l.author, l.at, l.text], [10, 36, 10, 24, 20, 80]);
    for (const n of report.notes) {
      const row = notes.addRow([
        n.code,
        lang === 'zh' ? n.name : n.nameEn,
        n.period,
        noteAuthor(n, lang),
        printedTime(n.at),
        n.text,
      ]);
      row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
  }
  await book.commit();
  return Buffer.concat(chunks);
}
