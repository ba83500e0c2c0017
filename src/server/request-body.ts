// A JSON request body, read up to a size limit: past it the request is refused with 413 before the rest
// is buffered (what is still arriving is discarded, so the client can read the answer). The body stays in the
// chunks it arrived in: they are handed to a worker as they are, never joined on the request thread.
import type { IncomingMessage } from 'node:http';
import { readBodyChunks } from '../http/read-body.js';
import { ServiceError } from './service-error.js';

export function megabytes(bytes: number): string {
  const mb = bytes / 1024 ** 2;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function bodyTooLarge(limit: number, what = 'The request body'): ServiceError {
  return new ServiceError(413, 'BODY_TOO_LARGE', `${what} is larger than the ${megabytes(limit)} this server accepts. Send the records in smaller batches, or upload the file to /v1/validate/file.`);
}

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer[]> {
  const body = await readBodyChunks(req, limit);
  if (body === 'too-large') throw bodyTooLarge(limit);
  if (body === 'aborted') throw new ServiceError(400, 'REQUEST_ABORTED', 'The request body did not arrive whole.');
  return body;
}

/**
 * A chunk as bytes a worker can take over (transferred, not cloned): the chunk itself when it has its memory to
 * itself (Node's HTTP parser copies each chunk into a buffer of its own), else a copy, since a view into a
 * larger buffer would be cloned whole.
 */
export function ownBytes(chunk: Uint8Array): Uint8Array {
  if (chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength) return chunk;
  const own = new Uint8Array(chunk.byteLength);
  own.set(chunk);
  return own;
}
