import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { isCodedError } from '../common/app-error';
import { openZipWithinLimits } from '../common/zip-limits';

/** A ledger file that cannot be read as plan text; the API answers 415/400 with it, the CLI exits with 2. */
export class LedgerFileError extends Error {
  constructor(
    readonly kind: 'unsupported' | 'unreadable' | 'empty',
    readonly messageZh: string,
    messageEn: string,
  ) {
    super(messageEn);
  }
}

export const LEDGER_TYPES = ['.txt', '.docx', '.xlsx'];

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? whole),
  );

/** Paragraphs of word/document.xml in document order; table cells hold paragraphs, so each cell gives its own lines. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await openZipWithinLimits(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (xml === undefined)
    throw new LedgerFileError(
      'unreadable',
      '不是 Word 文档：缺少 word/document.xml',
      'Not a Word document: word/document.xml is missing',
    );
  const lines: string[] = [];
  for (const p of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    let line = '';
    for (const run of p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\/>/g))
      line += run[1] !== undefined ? decodeXml(run[1]) : run[2] === 'tab' ? '\t' : '\n';
    lines.push(line);
  }
  return lines.join('\n');
}

/** Every non-empty cell of every sheet, row by row, one a line (merged cells repeat; the parser merges repeated headings). */
async function xlsxText(buffer: Buffer): Promise<string> {
  await openZipWithinLimits(buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text.trim()) lines.push(cell.text);
      }),
    ),
  );
  return lines.join('\n');
}

/** The text of a ledger file (.txt as UTF-8, .docx paragraphs and cells, .xlsx cells), or a LedgerFileError. */
export async function ledgerText(buffer: Buffer, filename: string): Promise<string> {
  const type = path.extname(filename).toLowerCase();
  if (!LEDGER_TYPES.includes(type)) {
    throw new LedgerFileError(
      'unsupported',
      `不支持的文件类型 "${type || '(无)'}"：请使用 .txt、.docx 或 .xlsx`,
      `Unsupported file type "${type || '(none)'}": use .txt, .docx or .xlsx`,
    );
  }
  let text: string;
  try {
    text =
      type === '.txt'
        ? buffer.toString('utf8').replace(/^\uFEFF/, '')
        : type === '.docx'
          ? await docxText(buffer)
          : await xlsxText(buffer);
  } catch (error) {
    if (error instanceof LedgerFileError) throw error;
    if (isCodedError(error)) throw new LedgerFileError('unreadable', error.messageZh, error.messageEn);
    // The reader's own error text (jszip's "End of data reached", exceljs's internals) means nothing to a clerk.
    const [zh, en] = type === '.docx' ? ['Word 文档', 'Word document'] : ['Excel 工作簿', 'Excel workbook'];
    throw new LedgerFileError(
      'unreadable',
      `无法按 ${type} 读取该文件：不是可读取的 ${zh}，请用 ${zh.split(' ')[0]} 打开后另存为 ${type} 再上传`,
      `Cannot read the file as ${type}: the file is not a readable ${en}; open it in ${en.split(' ')[0]}, save it as ${type} and upload it again`,
    );
  }
  if (!text.trim()) throw new LedgerFileError('empty', '文件为空', 'The file is empty');
  return text;
}
