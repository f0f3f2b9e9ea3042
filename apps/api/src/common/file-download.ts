import { StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';

/** A stored file as a download, its name (often Chinese) encoded for Content-Disposition (RFC 5987). */
export function storedFileDownload(path: string, file: { mimeType: string; size: number; filename: string }) {
  return new StreamableFile(createReadStream(path), {
    type: file.mimeType,
    length: file.size,
    disposition: attachmentDisposition(file.filename),
  });
}

/** `attachment` with a UTF-8 file name that every browser reads. */
export function attachmentDisposition(filename: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
