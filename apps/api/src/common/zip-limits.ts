import JSZip from 'jszip';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { AppError } from './app-error';

/** What an uploaded Office file (.xlsx, .docx — zip packages) may unpack to; Taizhang's own templates are a few hundred KB. */
export const ZIP_LIMITS = { maxEntries: 1000, maxUnpackedBytes: 50 * 1024 * 1024 };

const inflate = promisify(inflateRaw);
const DEFLATE = '\x08\x00';

/** jszip's record of an entry as the central directory declares it (read on load, nothing inflated yet). */
interface CompressedEntry {
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

const tooLarge = () =>
  new AppError(
    'INVALID_INPUT',
    `文件解压后超过 ${ZIP_LIMITS.maxUnpackedBytes / 1024 / 1024} MB，无法读取；请上传从本系统下载的模板或正常的 Office 文档`,
    `The file unpacks to more than ${ZIP_LIMITS.maxUnpackedBytes / 1024 / 1024} MB and cannot be read; upload the template from Taizhang or an ordinary Office document`,
  );

/**
 * Opens a zip package (.xlsx, .docx) without a zip bomb getting through: refuses more than maxEntries parts or a
 * declared unpacked total over maxUnpackedBytes before anything is inflated, then inflates each deflated part with
 * its declared size as a hard cap, so that a part lying about its size is refused once it passes what it declared.
 * Inflating twice (here, then the reader) costs at most maxUnpackedBytes and keeps exceljs and jszip unchanged.
 * A buffer that is no zip at all rejects with jszip's own error, for the caller's "cannot read this file".
 */
export async function openZipWithinLimits(buffer: Buffer): Promise<JSZip> {
  const zip = await JSZip.loadAsync(buffer);
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > ZIP_LIMITS.maxEntries) {
    throw new AppError(
      'INVALID_INPUT',
      `文件包含 ${entries.length} 个部件，超过 ${ZIP_LIMITS.maxEntries} 个，无法读取；请上传从本系统下载的模板或正常的 Office 文档`,
      `The file has ${entries.length} parts, more than ${ZIP_LIMITS.maxEntries}, and cannot be read; upload the template from Taizhang or an ordinary Office document`,
    );
  }
  const parts = entries.map((f) => (f as unknown as { _data: CompressedEntry })._data);
  const declared = parts.reduce((sum, p) => sum + p.uncompressedSize, 0);
  if (declared > ZIP_LIMITS.maxUnpackedBytes) throw tooLarge();
  for (const p of parts) {
    if (p.compression.magic !== DEFLATE) continue; // stored parts are as large as their bytes in the upload
    try {
      await inflate(p.compressedContent, { maxOutputLength: Math.max(1, p.uncompressedSize) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw error;
    }
  }
  return zip;
}
