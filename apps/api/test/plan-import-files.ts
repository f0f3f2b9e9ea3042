import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Small but genuine ledger files for the import tests: the API reads them by their format, so these are real .docx and .xlsx. */

/** A two-indicator ledger as lines: first-level, second-level, task number, task, departments. */
export const SMALL_LEDGER_ROWS: string[][] = [
  [
    '一、依法全面履行政府职能',
    '1.全面推行行政审批制度改革',
    '1',
    '行政审批事项在法定期限内办结率达到100%,承诺办理时限不超过5个工作日。',
    '牵头单位:区政务服务办;责任部门:区司法局',
  ],
  [
    '二、完善依法行政制度建设',
    '2.加强规范性文件监督管理',
    '2',
    '规范性文件备案审查率达到100%,每季度至少开展1次清理。',
    '牵头单位:区司法局',
  ],
];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word package: [Content_Types].xml, the package relationship and word/document.xml with one paragraph a line. */
export async function smallDocx(lines: string[] = SMALL_LEDGER_ROWS.flat()): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const paragraphs = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(l)}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A workbook with the ledger's header row and one row per task. */
export async function smallXlsx(rows: string[][] = SMALL_LEDGER_ROWS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(['一级指标', '二级指标', '序号', '主要任务', '牵头、责任部门']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
