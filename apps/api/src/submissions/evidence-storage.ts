import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** What evidence may be: PDF, images, and Office documents — judged by the bytes, not the file name. */
export const ALLOWED_EVIDENCE_TYPES = new Map<string, string>([
  ['application/pdf', 'PDF'],
  ['image/png', 'PNG'],
  ['image/jpeg', 'JPEG'],
  ['image/gif', 'GIF'],
  ['image/webp', 'WebP'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word (.docx)'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel (.xlsx)'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint (.pptx)'],
  // Legacy .doc/.xls/.ppt are OLE compound files.
  ['application/x-cfb', 'Office 97–2003'],
]);

export interface StoredFile {
  mimeType: string;
  sha256: string;
  storagePath: string;
  size: number;
}

/** Evidence files on disk, named by their SHA-256: identical files are stored once, and a checksum proves integrity. */
@Injectable()
export class EvidenceStorage {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async store(buffer: Buffer): Promise<StoredFile> {
    if (buffer.length === 0) throw new AppError('INVALID_INPUT', '文件为空', 'The file is empty');
    // file-type 16 is the last CommonJS release; it reads magic numbers from the first bytes.
    const { fromBuffer } = require('file-type') as typeof import('file-type');
    const detected = await fromBuffer(buffer);
    if (!detected || !ALLOWED_EVIDENCE_TYPES.has(detected.mime)) {
      const allowed = [...ALLOWED_EVIDENCE_TYPES.values()].join('、');
      throw new AppError(
        'UNSUPPORTED_FILE',
        `无法识别或不允许的文件类型，请上传：${allowed}`,
        `Unrecognised or disallowed file type; upload one of: ${[...ALLOWED_EVIDENCE_TYPES.values()].join(', ')}`,
      );
    }
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    const relative = path.join(sha256.slice(0, 2), sha256);
    const target = path.join(this.config.uploadsDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    // Write, fsync, then rename: an acknowledged upload survives a crash, and a half-written file is never visible.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(buffer);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return { mimeType: detected.mime, sha256, storagePath: relative, size: buffer.length };
  }

  absolutePath(storagePath: string): string {
    return path.join(this.config.uploadsDir, storagePath);
  }
}
