// Bearer-token auth for /v1/*: the token is compared in constant time (as SHA-256 digests, so lengths
// do not leak either) and never written anywhere.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ServiceError } from './service-error.js';

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export class BearerAuth {
  readonly #expected: Buffer;

  constructor(token: string) {
    this.#expected = digest(token);
  }

  /** Throws 401 unless the request carries `Authorization: Bearer <token>`. */
  check(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (m !== null && timingSafeEqual(digest(m[1] as string), this.#expected)) return;
    throw new ServiceError(
      401,
      'UNAUTHORIZED',
      header === '' ? 'This server needs an API token: send it as "Authorization: Bearer <token>".' : 'The API token is not the one this server was started with.',
      { 'WWW-Authenticate': 'Bearer realm="catalog-gate"' },
    );
  }
}
