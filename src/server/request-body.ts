// A JSON request body, read up to a size limit: past it the request is refused with 413 before the rest
// is buffered (what is still arriving is discarded, so the client can read the answer).
import type { IncomingMessage } from 'node:http';
import { ServiceError } from './service-error.js';

export function megabytes(bytes: number): string {
  const mb = bytes / 1024 ** 2;
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function bodyTooLarge(limit: number, what = 'The request body'): ServiceError {
  return new ServiceError(413, 'BODY_TOO_LARGE', `${what} is larger than the ${megabytes(limit)} this server accepts. Send the records in smaller batches, or upload the file to /v1/validate/file.`);
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    return Promise.reject(bodyTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', () => reject(new ServiceError(400, 'REQUEST_ABORTED', 'The request body did not arrive whole.')));
  });
}
