import type { ReportSnapshot, Status, StatusCounts } from '@taizhang/domain';
import PDFDocument from 'pdfkit';
import {
  FORECAST_LABELS,
  indicatorStatusWord,
  LABELS,
  noteAuthor,
  percent,
  printedTime,
  printedValue,
  STATUS_WORDS,
  type ReportLanguage,
} from './report-labels';

const STATUS_COLOUR: Record<Status, string> = { red: '#b42318', amber: '#b25e09', green: '#1d6333', grey: '#52606d' };
const STATUS_BAR: Record<Status, string> = { red: '#d64545', amber: '#f0a33c', green: '#3f9a5b', grey: '#b8c2cc' };
const MARGIN = 56;

/**
 * A4, Chinese text in an embedded CJK font (subset by pdfkit), a title block in the manner of an official
 * document (red issuer line and rule), the sections as tables, the trend as a bar chart, page numbers.
 */
export function renderPdf(
  report: ReportSnapshot,
  lang: ReportLanguage,
  font: { path: string; family: string },
): Promise<Buffer> {
  const l = LABELS[lang];
  const words = STATUS_WORDS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: l.reportTitle(report.plan.district, report.month), Author: 'Taizhang' },
  });
  doc.registerFont('cjk', font.path, font.family);
  doc.font('cjk');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  // Title block: issuer in red, a red rule, then the title and the facts of this edition.
  doc.fillColor('#c00000').fontSize(22).text(l.issuer, { align: 'center' });
  const ruleY = doc.y + 6;
  doc
    .save()
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + width, ruleY)
    .lineWidth(2)
    .strokeColor('#c00000')
    .stroke()
    .restore();
  doc.y = ruleY + 4;
  doc
    .moveDown(1.2)
    .fillColor('#000')
    .fontSize(16)
    .text(l.reportTitle(report.plan.district, report.month), { align: 'center' });
  doc
    .moveDown(0.5)
    .fontSize(9)
    .fillColor('#333')
    .text(
      `${l.plan}：${report.plan.title}    ${l.version}：${report.version}    ${l.generatedAt}：${printedTime(report.generatedAt)}    ${l.dataAsOf}：${printedTime(report.dataAsOf)}`,
      { align: 'center' },
    );

  const h = report.headline;
  heading(doc, l.headline);
  const change = h.previous
    ? `    ${l.change}：${words.red} ${signed(h.counts.red - h.previous.counts.red)}，${words.green} ${signed(h.counts.green - h.previous.counts.green)}`
    : '';
  doc
    .fontSize(10)
    .fillColor('#000')
    .text(
      `${l.metrics} ${h.metricCount}：${countsText(h.counts, lang)}。${l.shareGreen} ${percent(h.shareGreen)}，${l.onTime} ${percent(h.onTimeRate)}。${change}`,
    );

  heading(doc, l.trend);
  barChart(doc, report.trend, width, words);

  heading(doc, l.indicators);
  table(
    doc,
    [l.number, l.title, l.status, words.red, words.amber, words.green],
    [40, width - 220, 60, 40, 40, 40],
    report.indicators.map((i) => ({
      cells: [
        i.level === 1 ? `${i.number}` : `  ${i.number}`,
        i.level === 1 ? i.title : `  ${i.title}`,
        indicatorStatusWord(i, lang),
        `${i.counts.red}`,
        `${i.counts.amber}`,
        `${i.counts.green}`,
      ],
      status: i.status,
      statusColumn: 2,
    })),
  );

  heading(doc, l.attention);
  if (report.attention.length === 0) doc.fontSize(10).text(l.none);
  else
    table(
      doc,
      [l.code, l.metric, l.status, l.reason, l.departments],
      [44, 110, 46, width - 320, 120],
      report.attention.map((a) => ({
        cells: [
          a.code,
          lang === 'zh' ? a.name : a.nameEn,
          words[a.status],
          lang === 'zh' ? a.reasonZh : a.reasonEn,
          a.departments,
        ],
        status: a.status,
        statusColumn: 2,
      })),
    );

  if (report.forecasts) {
    const f = FORECAST_LABELS[lang];
    heading(doc, f.heading);
    if (report.forecasts.length === 0) doc.fontSize(10).text(l.none);
    else
      table(
        doc,
        [l.code, l.metric, f.now, f.forecast, f.projected, l.reason],
        [44, 100, 40, 52, 44, width - 280],
        report.forecasts.map((r) => ({
          cells: [
            r.code,
            lang === 'zh' ? r.name : r.nameEn,
            words[r.status],
            f.words[r.forecast],
            `${printedValue(r.projected)}`,
            lang === 'zh' ? r.reasonZh : r.reasonEn,
          ],
          status: r.forecast,
          statusColumn: 3,
        })),
      );
  }

  if (report.notices) {
    heading(doc, l.notices);
    doc.fontSize(10).fillColor('#000').text(l.noticesLine(report.notices));
  }

  heading(doc, l.ranking);
  table(
    doc,
    [l.rank, l.department, l.count, words.red, l.compliance, l.onTime],
    [40, width - 280, 50, 50, 70, 70],
    report.departments.map((d) => ({
      cells: [`${d.rank}`, d.name, `${d.metricCount}`, `${d.counts.red}`, percent(d.compliance), percent(d.onTimeRate)],
    })),
  );

  heading(doc, l.appendix);
  table(
    doc,
    [l.code, l.metric, l.status, l.value, l.target, l.reason],
    [44, 120, 46, 50, 60, width - 320],
    report.appendix.map((r) => ({
      cells: [
        `${r.code}${r.revised ? ' *' : ''}`,
        lang === 'zh' ? r.name : r.nameEn,
        words[r.status],
        r.value === null ? '—' : `${printedValue(r.value)}`,
        lang === 'zh' ? r.target : r.targetEn,
        lang === 'zh' ? r.reasonZh : r.reasonEn,
      ],
      status: r.status,
      statusColumn: 2,
    })),
  );
  if (report.appendix.some((r) => r.revised)) doc.moveDown(0.3).fontSize(8).text(`* ${l.revised}`);

  if (report.notes?.length) {
    heading(doc, l.notes);
    table(
      doc,
      [l.code, l.metric, l.author, l.text],
      [44, 110, 110, width - 264],
      report.notes.map((n) => ({
        cells: [
          n.code,
          `${lang === 'zh' ? n.name : n.nameEn}\n${l.period} ${n.period}`,
          `${noteAuthor(n, lang)}\n${printedTime(n.at)}`,
          n.text,
        ],
      })),
    );
  }

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#555')
      .text(l.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 16, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

function countsText(c: StatusCounts, lang: ReportLanguage): string {
  const w = STATUS_WORDS[lang];
  return (['red', 'amber', 'green', 'grey'] as const).map((s) => `${w[s]} ${c[s]}`).join(lang === 'zh' ? '，' : ', ');
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).fontSize(13).fillColor('#1a4f8b').text(text, MARGIN).moveDown(0.3).fillColor('#000');
}

interface Row {
  cells: string[];
  status?: Status;
  statusColumn?: number;
}

/** A simple wrapped-text table that repeats its header on every page it runs onto. */
function table(doc: PDFKit.PDFDocument, header: string[], widths: number[], rows: Row[]): void {
  const bottom = doc.page.height - MARGIN;
  const drawRow = (cells: string[], bold: boolean, row?: Row) => {
    doc.fontSize(8);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > bottom) {
      doc.addPage();
      if (!bold) drawRow(header, true);
    }
    const y = doc.y;
    let x = MARGIN;
    if (bold)
      doc
        .rect(
          MARGIN,
          y,
          widths.reduce((a, b) => a + b, 0),
          height,
        )
        .fill('#eef2f7');
    cells.forEach((c, i) => {
      const coloured = row?.status && row.statusColumn === i;
      doc.fillColor(coloured ? STATUS_COLOUR[row!.status!] : '#000').text(c, x + 3, y + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .strokeColor('#c5cdd6')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(header, true);
  for (const r of rows) drawRow(r.cells, false, r);
  doc.fillColor('#000');
}

/** Stacked bars of status counts per month, drawn with vector shapes (no canvas needed on the server). */
function barChart(
  doc: PDFKit.PDFDocument,
  trend: ReportSnapshot['trend'],
  width: number,
  legend: Record<Status, string>,
): void {
  const height = 120;
  if (doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
  const top = doc.y + 4;
  const max = Math.max(1, ...trend.map((t) => t.counts.red + t.counts.amber + t.counts.green + t.counts.grey));
  const slot = width / Math.max(1, trend.length);
  trend.forEach((t, i) => {
    let y = top + height;
    for (const s of ['green', 'amber', 'red', 'grey'] as const) {
      const h = (t.counts[s] / max) * height;
      doc.rect(MARGIN + i * slot + slot * 0.2, y - h, slot * 0.6, h).fill(STATUS_BAR[s]);
      y -= h;
    }
    doc
      .fillColor('#333')
      .fontSize(7)
      .text(t.month.slice(5), MARGIN + i * slot, top + height + 3, { width: slot, align: 'center' });
  });
  // Legend: the status words in the bars' colours, so the chart does not rely on colour alone.
  let x = MARGIN;
  for (const s of ['green', 'amber', 'red', 'grey'] as const) {
    doc.rect(x, top + height + 14, 8, 8).fill(STATUS_BAR[s]);
    doc
      .fillColor('#333')
      .fontSize(7)
      .text(legend[s], x + 11, top + height + 14, { lineBreak: false });
    x += 70;
  }
  doc.x = MARGIN;
  doc.y = top + height + 30;
}
