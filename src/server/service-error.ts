// What the service answers when a request cannot be served: an HTTP status, a stable code and one line for a
// person, as `{"error": {"code", "message"}}`. Engine failures (CatalogGateError) map to statuses here, so
// the worker thread and the request thread agree on them.
import { isCatalogGateError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import type { StopSignal } from './stop-signal.js';

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After, WWW-Authenticate). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const CLIENT_GONE = 'CLIENT_GONE';

/** The abort reason when a request's client closes the connection before its answer. */
export function clientGone(): ServiceError {
  return new ServiceError(499, CLIENT_GONE, 'The client closed the connection.');
}

/** Why a request's work was stopped (its time limit, its client leaving): the signal's ServiceError. */
export function abortReason(signal: StopSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new ServiceError(503, 'ABORTED', 'The request was stopped.');
}

/** The plain data of a ServiceError: what crosses from a worker thread, and what the response carries. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  headers?: Readonly<Record<string, string>>;
}

const STATUS: Readonly<Partial<Record<ErrorCode, number>>> = {
  USAGE: 400,
  INPUT_UNREADABLE: 422,
  INPUT_INVALID: 422,
  SPEC_NOT_FOUND: 400,
};

/** The CLI's flag names in engine messages, as this API's query parameters. */
const FLAG_TO_PARAM: ReadonlyArray<[RegExp, string]> = [
  [/--feed-type\b/g, 'feedType'],
  [/--spec-version\b/g, 'specVersion'],
  [/--product-type\b/g, 'productType'],
  [/--sheet\b/g, 'sheet'],
];

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Any failure as an answer. `rename` replaces server-side paths (an upload's temp file) with the name the
 * user knows. Anything that is neither a ServiceError nor a CatalogGateError is a bug: a 500 that says
 * nothing about the internals.
 */
export function toErrorAnswer(e: unknown, rename: (message: string) => string = (m) => m): ErrorAnswer {
  if (e instanceof ServiceError) return { status: e.status, code: e.code, message: oneLine(rename(e.message)), headers: e.headers };
  if (isCatalogGateError(e)) {
    let message = rename(e.message);
    for (const [flag, param] of FLAG_TO_PARAM) message = message.replace(flag, param);
    return { status: STATUS[e.code] ?? 500, code: e.code, message: oneLine(message) };
  }
  return { status: 500, code: 'INTERNAL', message: 'catalog-gate failed unexpectedly on this request; the server log has the details.' };
}
