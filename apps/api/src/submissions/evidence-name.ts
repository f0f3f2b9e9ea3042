import path from 'node:path';

/** The extensions a name may carry for each evidence type (judged by the bytes); the first is the one added otherwise. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
  // Word, Excel and PowerPoint 97–2003 and their WPS counterparts share one container; see legacyOfficeExtension.
  'application/x-cfb': ['.doc', '.xls', '.ppt', '.wps', '.et', '.dps'],
};

/** Control characters (C0, DEL, C1) and the invisible marks that reorder or hide text (bidi overrides, isolates, LRM/RLM, ALM, line separators, BOM). */
const INVISIBLE = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/gu;
/** Half of a surrogate pair without the other half: no character at all, and encodeURIComponent throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MAX_LENGTH = 200;

/**
 * The name evidence is stored and downloaded under. Invisible characters are removed rather than refused: a clerk
 * cannot see them to fix them, and the name is only a label (the bytes were judged already). A name whose extension
 * contradicts the detected type keeps what the clerk typed and gets the true extension added (整改报告.html →
 * 整改报告.html.pdf): nothing the clerk wrote is lost, and every system opens the file by its last extension.
 */
export function evidenceFilename(raw: string, mimeType: string, bytes?: Buffer): string {
  const name =
    raw
      .replace(INVISIBLE, '')
      .replace(LONE_SURROGATE, '')
      .replace(/[\\/"]/g, '_')
      .trim()
      .replace(/[.\s]+$/, '') || '佐证材料';
  const allowed = EXTENSIONS[mimeType] ?? [];
  const own = path.extname(name);
  if (allowed.includes(own.toLowerCase())) return truncate(name.slice(0, -own.length), MAX_LENGTH - own.length) + own;
  // A compound file whose main stream is none of Office's (or unknown, bytes not at hand) gets .cfb: nothing opens or runs it.
  const added =
    mimeType === 'application/x-cfb' ? (bytes && legacyOfficeExtension(bytes)) || '.cfb' : (allowed[0] ?? '');
  return truncate(name, MAX_LENGTH - added.length) + added;
}

/**
 * A multipart file name as the client meant it. Browsers send UTF-8 bytes in filename="…", which multer hands over
 * read as latin1 (报告.pdf arrives as æ\u008a¥å\u0091\u008a.pdf): read those bytes again as UTF-8. A name sent
 * RFC 5987-encoded (filename*=UTF-8''…) arrives decoded already: it holds characters latin1 has not, or its bytes
 * are no UTF-8, and is kept as it is.
 */
export function multipartFilename(originalname: string): string {
  if (/[\u0100-\uffff]/.test(originalname)) return originalname;
  const utf8 = Buffer.from(originalname, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') && !originalname.includes('\ufffd') ? originalname : utf8;
}

/** Cuts at a code point, never inside a surrogate pair. */
const truncate = (s: string, max: number) => Array.from(s).slice(0, max).join('');

const utf16 = (s: string) => Buffer.from(s, 'utf16le');
/** An OLE compound file names its main stream in its directory: WordDocument, Workbook (Book before Excel 97) or PowerPoint Document. */
function legacyOfficeExtension(bytes: Buffer): string | undefined {
  if (bytes.includes(utf16('WordDocument'))) return '.doc';
  if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book\0'))) return '.xls';
  if (bytes.includes(utf16('PowerPoint Document'))) return '.ppt';
  return undefined;
}
