// A JSON request body, read up to a size limit: past it the request is refused with 413 before the rest
// is buffered (what is still arriving is discarded, so the client can read the answer).
import type { IncomingMessage } from 'node:http';
import { readBody as readLimitedBody } from '../http/read-body.js';
import { ServiceError } from './service-error.js';

export function megabytes(bytes: number): string {
  const mb = bytes / 1024 ** 2;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function bodyTooLarge(limit: number, what = 'The request body'): ServiceError {
  return new ServiceError(413, 'BODY_TOO_LARGE', `${what} is larger than the ${megabytes(limit)} this server accepts. Send the records in smaller batches, or upload the file to /v1/validate/file.`);
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const body = await readLimitedBody(req, limit);
  if (body === 'too-large') throw bodyTooLarge(limit);
  if (body === 'aborted') throw new ServiceError(400, 'REQUEST_ABORTED', 'The request body did not arrive whole.');
  return body;
}

/**
 * The body as bytes a worker can take over (transferred, not cloned): the body itself when it has its memory
 * to itself (a body that came in several chunks was joined into a buffer of its own), else a copy, since a
 * view into a larger socket buffer would be cloned whole.
 */
export function ownBytes(body: Buffer): Uint8Array {
  if (body.byteOffset === 0 && body.byteLength === body.buffer.byteLength) return body;
  const own = new Uint8Array(body.byteLength);
  own.set(body);
  return own;
}
