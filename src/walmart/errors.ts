// The WalmartError family: one class per way a Walmart call fails, each with a stable WALMART_* code, the
// HTTP status, Walmart's own codes, the correlation ID (always in the message) and a transient/data verdict.
// Messages say what went wrong and then what to do; they never contain a token or secret.
import { CatalogGateError } from '../core/errors.js';
import type { ErrorCode } from '../core/errors.js';
import type { WalmartErrorDetail } from './envelope.js';
import { describeDetails } from './envelope.js';

/** The WALMART_* members of the project's error codes (core/errors.ts lists them). */
export type WalmartErrorCode = Extract<ErrorCode, `WALMART_${string}`>;

export interface WalmartErrorInit {
  status?: number;
  correlationId?: string;
  /** Method + path template, e.g. `POST /v3/feeds`. */
  route?: string;
  details?: readonly WalmartErrorDetail[];
  transient?: boolean;
  cause?: unknown;
}

export class WalmartError extends CatalogGateError {
  /** Same string as `code`, typed with the Walmart codes (core's ErrorCode union does not list them yet). */
  readonly walmartCode: WalmartErrorCode;
  readonly status: number | undefined;
  readonly correlationId: string | undefined;
  readonly route: string | undefined;
  /** Walmart's error envelope, parsed. */
  readonly details: readonly WalmartErrorDetail[];
  /** Walmart's codes from the envelope, e.g. ['UNAUTHORIZED.GMP_GATEWAY_API']. */
  readonly walmartCodes: readonly string[];
  /** True: wait and retry later (429/423/5xx/SYSTEM). False: the request or the data must change. */
  readonly transient: boolean;

  constructor(code: WalmartErrorCode, message: string, init: WalmartErrorInit = {}) {
    const full = init.correlationId === undefined ? message : `${message} (correlation ID ${init.correlationId})`;
    super(code, full, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'WalmartError';
    this.walmartCode = code;
    this.status = init.status;
    this.correlationId = init.correlationId;
    this.route = init.route;
    this.details = init.details ?? [];
    this.walmartCodes = this.details.flatMap((d) => (d.code === undefined ? [] : [d.code]));
    this.transient = init.transient ?? false;
  }

  get kind(): 'transient' | 'data' {
    return this.transient ? 'transient' : 'data';
  }
}

export function isWalmartError(e: unknown): e is WalmartError {
  return e instanceof WalmartError;
}

/** Bad or missing configuration: env vars, URLs, credentials. */
export class WalmartConfigError extends WalmartError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('WALMART_CONFIG', message, options);
    this.name = 'WalmartConfigError';
  }
}

/** The token endpoint refused the credentials, or an API refused a freshly issued token. */
export class WalmartAuthError extends WalmartError {
  constructor(message: string, init: WalmartErrorInit = {}) {
    super('WALMART_AUTH', message, { ...init, transient: false });
    this.name = 'WalmartAuthError';
  }
}

/** Walmart answered with an error status (other than the more specific classes below). */
export class WalmartHttpError extends WalmartError {
  constructor(code: WalmartErrorCode, message: string, init: WalmartErrorInit & { status: number }) {
    super(code, message, init);
    this.name = 'WalmartHttpError';
  }
}

/** HTTP 413: the feed file is over the endpoint's size limit; the caller must split it. */
export class WalmartPayloadTooLarge extends WalmartHttpError {
  constructor(message: string, init: WalmartErrorInit & { status: number }) {
    super('WALMART_PAYLOAD_TOO_LARGE', message, { ...init, transient: false });
    this.name = 'WalmartPayloadTooLarge';
  }
}

/** HTTP 429 still failing after the retries, or a rate-limit wait longer than the client allows. */
export class WalmartRateLimitError extends WalmartError {
  /** Epoch ms when Walmart said tokens come back, when it said. */
  readonly retryAt: number | undefined;

  constructor(message: string, init: WalmartErrorInit & { retryAt?: number }) {
    super('WALMART_RATE_LIMITED', message, { ...init, transient: true });
    this.name = 'WalmartRateLimitError';
    this.retryAt = init.retryAt;
  }
}

/** The connection failed. `requestSent` false means provably nothing reached Walmart. */
export class WalmartNetworkError extends WalmartError {
  /** ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, UND_ERR_HEADERS_TIMEOUT... */
  readonly errno: string;
  /** False when the failure came before undici started writing the request (connect errors). */
  readonly requestSent: boolean;

  constructor(message: string, init: WalmartErrorInit & { errno: string; requestSent: boolean }) {
    super('WALMART_NETWORK', message, { ...init, transient: true });
    this.name = 'WalmartNetworkError';
    this.errno = init.errno;
    this.requestSent = init.requestSent;
  }
}

/**
 * A non-idempotent request (a feed submission) was written to the wire and the connection then failed
 * without a response: Walmart may or may not have accepted it. Never retried automatically; look the feed
 * up (GET /v3/feeds) before submitting again.
 */
export class WalmartOutcomeUnknownError extends WalmartError {
  readonly errno: string;

  constructor(message: string, init: WalmartErrorInit & { errno: string }) {
    super('WALMART_OUTCOME_UNKNOWN', message, { ...init, transient: false });
    this.name = 'WalmartOutcomeUnknownError';
    this.errno = init.errno;
  }
}

/** A success status with a body we cannot use (not JSON, a required field missing, a cursor loop). */
export class WalmartResponseError extends WalmartError {
  constructor(message: string, init: WalmartErrorInit = {}) {
    super('WALMART_BAD_RESPONSE', message, init);
    this.name = 'WalmartResponseError';
  }
}

/** " Walmart said: CODE (field F): text." or "" when the envelope was empty. */
export function walmartSaid(details: readonly WalmartErrorDetail[]): string {
  const d = describeDetails(details);
  // Walmart's descriptions usually end with a period already.
  return d === '' ? '' : ` Walmart said: ${d.replace(/[.\s]+$/, '')}.`;
}
