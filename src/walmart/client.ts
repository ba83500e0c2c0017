// The Walmart API client: a config plus the composed layers, outermost first:
//   retry -> auth (token, one fresh-token replay on 401) -> headers (fresh correlation ID per attempt)
//   -> rate limit (per-API bucket) -> transport (undici).
// Auth sits inside retry so that every attempt takes the token that is current when it goes out: a call
// that backs off for longer than a short-lived token lasts must not send the token it started with.
// The token calls use the same layers minus auth. Non-2xx answers become typed WalmartErrors here.
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { authInterceptor } from './auth.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { compose } from './compose.js';
import type { WalmartConfig } from './config.js';
import { WalmartError, WalmartResponseError } from './errors.js';
import type { WalmartEvent, WalmartLogger } from './events.js';
import { safeEmitter } from './events.js';
import { headersInterceptor } from './headers.js';
import { rateLimitInterceptor } from './rate-limit.js';
import type { RateLimitOptions } from './rate-limiter.js';
import { RateLimiter } from './rate-limiter.js';
import { errorFromResponse } from './response-errors.js';
import { retryInterceptor } from './retry.js';
import type { RetryOptions } from './retry-policy.js';
import { DEFAULT_RETRY_OPTIONS } from './retry-policy.js';
import { Redactor } from './secret.js';
import type { AccessToken, TokenRenewalOptions } from './token-service.js';
import { TokenService } from './token-service.js';
import { createTransport, DEFAULT_TRANSPORT_OPTIONS } from './transport.js';
import type { HttpMethod, Send, WalmartRequest, WalmartResponse } from './types.js';
import type { QueryParams } from './url.js';
import { withQuery } from './url.js';

export interface WalmartClientOptions {
  /** Defaults to an Agent the client owns and closes. */
  dispatcher?: Dispatcher;
  clock?: Clock;
  /** For backoff jitter; Math.random by default. */
  random?: () => number;
  logger?: WalmartLogger;
  /** Overrides of DEFAULT_RETRY_OPTIONS; `maxAttempts` without `idempotentMaxAttempts` sets both. */
  retry?: Partial<RetryOptions>;
  rateLimit?: Partial<RateLimitOptions>;
  tokenRenewal?: Partial<TokenRenewalOptions>;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  maxResponseBytes?: number;
  newCorrelationId?: () => string;
}

/** One Walmart call as the endpoint functions describe it. */
export interface ApiCall {
  method: HttpMethod;
  /** Method + path template, e.g. `GET /v3/feeds/{feedId}`: the rate-limit key and the log label. */
  route: string;
  /** Path under the base URL, segments already encoded. */
  path: string;
  query?: QueryParams;
  headers?: Readonly<Record<string, string>>;
  body?: string | Uint8Array;
  /** Default: true for GET/PUT/DELETE, false for POST/PATCH. */
  idempotent?: boolean;
  sendMarket?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export class WalmartClient {
  readonly config: WalmartConfig;
  readonly tokens: TokenService;
  readonly rateLimiter: RateLimiter;
  readonly #send: Send;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #redactor = new Redactor();
  readonly #emit: (event: WalmartEvent) => void;
  readonly #closed = new AbortController();
  readonly #origin: string;
  readonly #prefix: string;

  constructor(config: WalmartConfig, options: WalmartClientOptions = {}) {
    this.config = config;
    const clock = options.clock ?? systemClock;
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#dispatcher = options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, connections: 16 });
    this.#emit = safeEmitter(options.logger, this.#redactor);
    const base = new URL(config.baseUrl);
    this.#origin = base.origin;
    this.#prefix = base.pathname.replace(/\/+$/, '');

    this.rateLimiter = new RateLimiter(clock, options.rateLimit);
    const transport = createTransport(this.#dispatcher, {
      clock,
      headersTimeoutMs: options.headersTimeoutMs ?? DEFAULT_TRANSPORT_OPTIONS.headersTimeoutMs,
      bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_TRANSPORT_OPTIONS.bodyTimeoutMs,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_TRANSPORT_OPTIONS.maxResponseBytes,
    });
    // A caller that sets maxAttempts alone means it for every request, reads included.
    const attempts = options.retry?.maxAttempts === undefined ? {} : { idempotentMaxAttempts: options.retry.maxAttempts };
    const retry = retryInterceptor({ options: { ...DEFAULT_RETRY_OPTIONS, ...attempts, ...options.retry }, clock, random: options.random ?? Math.random });
    const headers = headersInterceptor(
      { svcName: config.svcName, channelType: config.channelType, market: config.market },
      options.newCorrelationId,
    );
    const rateLimit = rateLimitInterceptor(this.rateLimiter);

    this.tokens = new TokenService({
      tokenUrl: config.tokenUrl,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      send: compose(retry, headers, rateLimit)(transport),
      clock,
      redactor: this.#redactor,
      emit: this.#emit,
      lifetimeSignal: this.#closed.signal,
      ...(options.tokenRenewal === undefined ? {} : { renewal: options.tokenRenewal }),
    });
    this.#send = compose(retry, authInterceptor(this.tokens), headers, rateLimit)(transport);
  }

  /** Sends one call through every layer; resolves with a 2xx response (207 included), throws a WalmartError otherwise. */
  async call(call: ApiCall, options: CallOptions = {}): Promise<WalmartResponse> {
    const request: WalmartRequest = {
      method: call.method,
      route: call.route,
      origin: this.#origin,
      path: withQuery(`${this.#prefix}${call.path}`, call.query),
      headers: call.headers ?? {},
      idempotent: call.idempotent ?? (call.method !== 'POST' && call.method !== 'PATCH'),
      ...(call.body === undefined ? {} : { body: call.body }),
      ...(call.sendMarket === true ? { sendMarket: true } : {}),
    };
    const callId = randomUUID();
    try {
      const response = await this.#send(request, { callId, signal: options.signal, attempt: 1, emit: this.#emit });
      if (response.status >= 200 && response.status < 300) return response;
      throw errorFromResponse(response, call.route, this.#redactor);
    } catch (error) {
      if (error instanceof WalmartError) {
        this.#emit({
          type: 'error',
          callId,
          route: call.route,
          code: error.walmartCode,
          message: error.message,
          ...(error.correlationId === undefined ? {} : { correlationId: error.correlationId }),
          ...(error.status === undefined ? {} : { status: error.status }),
        });
      }
      throw error;
    }
  }

  /** `call`, then the body parsed as JSON (a WalmartResponseError when it is not). */
  async callJson(call: ApiCall, options: CallOptions = {}): Promise<{ response: WalmartResponse; data: unknown }> {
    const response = await this.call(call, options);
    return { response, data: parseJsonBody(response, call.route) };
  }

  /** The current access token (cached, renewed ahead of expiry). */
  getAccessToken(options: CallOptions = {}): Promise<AccessToken> {
    return this.tokens.getAccessToken(options.signal);
  }

  /** Stops token fetches and closes the connection pool the client created (not one passed in). */
  async close(): Promise<void> {
    if (!this.#closed.signal.aborted) this.#closed.abort(new Error('Walmart client closed'));
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  /** What the client talks to, never its secrets. */
  toJSON(): Record<string, unknown> {
    const { profile, baseUrl, tokenUrl, clientId, svcName, channelType, market } = this.config;
    return { profile, baseUrl, tokenUrl, clientId, clientSecret: this.config.clientSecret.toJSON(), svcName, channelType, market };
  }

  [inspect.custom](): string {
    return `WalmartClient ${inspect(this.toJSON())}`;
  }
}

export function createWalmartClient(config: WalmartConfig, options: WalmartClientOptions = {}): WalmartClient {
  return new WalmartClient(config, options);
}

export function parseJsonBody(response: WalmartResponse, route: string): unknown {
  const text = response.body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new WalmartResponseError(`Walmart answered ${route} with something other than JSON (HTTP ${response.status}); check WALMART_BASE_URL.`, {
      status: response.status,
      correlationId: response.correlationId,
      route,
      cause,
    });
  }
}
