import { createHash } from 'node:crypto';
import type { Response } from 'express';

/**
 * A JSON answer serialised once and sent as is for as long as it is current: a large answer that many clients
 * read between two changes of the data costs its serialisation (and hashing) once, not once per request.
 * Its ETag is strong and derived from the bytes, so two instances holding the same answer give the same tag,
 * and a client that sends it back in If-None-Match gets 304 with no body.
 */
export class PreparedJson {
  readonly etag: string;

  private constructor(readonly body: Buffer) {
    this.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  }

  static of(value: unknown): PreparedJson {
    return new PreparedJson(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  /** The same bytes, headers and conditional handling (304, HEAD) as `res.json`, minus the per-request serialisation. */
  send(res: Response): void {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('ETag', this.etag);
    // The browser may keep the answer but must ask again each time (the web app polls): the ask costs a 304.
    res.setHeader('Cache-Control', 'private, no-cache');
    // Express's send answers 304 when If-None-Match matches the ETag set above, and skips the body for HEAD.
    res.send(this.body);
  }
}
