// The token service: OAuth 2.0 client_credentials against the token URL (kept apart from the API base
// URL), cached and renewed ahead of expiry, with concurrent callers coalesced onto one request.
// Walmart tokens last 900 s; renewal starts when less than max(60 s, 10%) of the lifetime remains
// (capped at half the lifetime so short-lived test tokens still get used).
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { TokenSource } from './auth.js';
import type { Clock } from './clock.js';
import { raceAbort } from './clock.js';
import type { WalmartEvent } from './events.js';
import { WalmartAuthError, WalmartResponseError } from './errors.js';
import { errorFromResponse } from './response-errors.js';
import type { Redactor } from './secret.js';
import { Secret } from './secret.js';
import type { Send, WalmartResponse } from './types.js';

export const TOKEN_ROUTE = 'POST /v3/token';

export interface TokenRenewalOptions {
  /** Renew when less than this much of the token's life remains... */
  minMarginMs: number;
  /** ...or less than this fraction of its lifetime, whichever is larger... */
  marginFraction: number;
  /** ...but never earlier than this fraction of the lifetime before expiry. */
  maxMarginFraction: number;
  /** Used when the response has no expires_in. */
  defaultLifetimeS: number;
}

export const DEFAULT_TOKEN_RENEWAL: TokenRenewalOptions = {
  minMarginMs: 60_000,
  marginFraction: 0.1,
  maxMarginFraction: 0.5,
  defaultLifetimeS: 900,
};

export function renewalMarginMs(lifetimeMs: number, o: TokenRenewalOptions): number {
  return Math.min(Math.max(o.minMarginMs, lifetimeMs * o.marginFraction), lifetimeMs * o.maxMarginFraction);
}

export interface AccessToken {
  readonly token: Secret;
  readonly tokenType: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  /** Epoch ms from which the service fetches a new one. */
  readonly renewAt: number;
}

export interface TokenServiceDeps {
  tokenUrl: string;
  clientId: string;
  clientSecret: Secret;
  /** The token pipeline: retry, headers and rate limit, but no auth layer. */
  send: Send;
  clock: Clock;
  redactor: Redactor;
  emit: (event: WalmartEvent) => void;
  renewal?: Partial<TokenRenewalOptions>;
  /** Cancels an in-flight fetch when the client closes. */
  lifetimeSignal?: AbortSignal;
}

const tokenResponse = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
});

export class TokenService implements TokenSource {
  readonly #deps: TokenServiceDeps;
  readonly #renewal: TokenRenewalOptions;
  readonly #basic: Secret;
  readonly #origin: string;
  readonly #path: string;
  #cached: AccessToken | undefined;
  #inflight: Promise<AccessToken> | undefined;

  constructor(deps: TokenServiceDeps) {
    this.#deps = deps;
    this.#renewal = { ...DEFAULT_TOKEN_RENEWAL, ...deps.renewal };
    this.#basic = new Secret(Buffer.from(`${deps.clientId}:${deps.clientSecret.reveal()}`, 'utf8').toString('base64'));
    deps.redactor.add(deps.clientSecret);
    deps.redactor.add(this.#basic);
    const url = new URL(deps.tokenUrl);
    this.#origin = url.origin;
    this.#path = `${url.pathname}${url.search}`;
  }

  async getToken(signal?: AbortSignal): Promise<Secret> {
    return (await this.getAccessToken(signal)).token;
  }

  /**
   * The cached token while it is fresh; otherwise one shared fetch for every concurrent caller. In the first
   * half of the renewal margin the cached token is still good for at least half the margin, so callers go on
   * with it while the new one is fetched beside them (a renewal no longer holds every call of that moment);
   * past that, or with no token, they wait for the fetch.
   */
  getAccessToken(signal?: AbortSignal): Promise<AccessToken> {
    const cached = this.#cached;
    const now = this.#deps.clock.now();
    if (cached !== undefined && now < cached.renewAt) return Promise.resolve(cached);
    // The shared fetch is not tied to any one caller's signal: one caller giving up must not fail the rest.
    const fetching = (this.#inflight ??= this.#fetch().finally(() => {
      this.#inflight = undefined;
    }));
    if (cached !== undefined && now < cached.renewAt + (cached.expiresAt - cached.renewAt) / 2) {
      // Nobody waits on this renewal: should it fail, the next caller past renewAt starts another.
      fetching.catch(() => undefined);
      return Promise.resolve(cached);
    }
    return raceAbort(fetching, signal);
  }

  invalidate(token: Secret): void {
    if (this.#cached !== undefined && this.#cached.token.equals(token)) {
      this.#cached = undefined;
      this.#deps.emit({ type: 'token', action: 'invalidated', callId: '', route: TOKEN_ROUTE });
    }
  }

  toJSON(): object {
    return { tokenUrl: this.#deps.tokenUrl, cached: this.#cached !== undefined };
  }

  async #fetch(): Promise<AccessToken> {
    const callId = randomUUID();
    const response = await this.#deps.send(
      {
        method: 'POST',
        route: TOKEN_ROUTE,
        origin: this.#origin,
        path: this.#path,
        headers: { Authorization: `Basic ${this.#basic.reveal()}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
        // Asking for a token twice is harmless, so the retry rules for reads apply.
        idempotent: true,
      },
      { callId, signal: this.#deps.lifetimeSignal, attempt: 1, emit: this.#deps.emit },
    );
    const token = this.#parse(response);
    this.#cached = token;
    this.#deps.emit({
      type: 'token',
      action: 'fetched',
      callId,
      route: TOKEN_ROUTE,
      correlationId: response.correlationId,
      expiresInS: Math.round((token.expiresAt - this.#deps.clock.now()) / 1000),
    });
    return token;
  }

  #parse(response: WalmartResponse): AccessToken {
    const { status, correlationId } = response;
    if (status === 400 || status === 401 || status === 403) {
      const cause = errorFromResponse(response, TOKEN_ROUTE, this.#deps.redactor);
      throw new WalmartAuthError(
        `Walmart refused the client credentials at ${this.#deps.tokenUrl} (HTTP ${status}); check WALMART_CLIENT_ID and WALMART_CLIENT_SECRET, and that the token URL belongs to the same environment (production or sandbox).`,
        { status, correlationId, route: TOKEN_ROUTE, details: cause.details, cause },
      );
    }
    if (status < 200 || status >= 300) throw errorFromResponse(response, TOKEN_ROUTE, this.#deps.redactor);
    let json: unknown;
    try {
      json = JSON.parse(response.body.toString('utf8'));
    } catch (cause) {
      throw new WalmartResponseError(`The token endpoint ${this.#deps.tokenUrl} did not answer with JSON; check the token URL.`, { status, correlationId, route: TOKEN_ROUTE, cause });
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) {
      throw new WalmartResponseError(`The token endpoint ${this.#deps.tokenUrl} answered without an access_token; check the token URL.`, { status, correlationId, route: TOKEN_ROUTE });
    }
    const token = new Secret(parsed.data.access_token);
    this.#deps.redactor.add(token);
    const lifetimeMs = (parsed.data.expires_in ?? this.#renewal.defaultLifetimeS) * 1000;
    const now = this.#deps.clock.now();
    return {
      token,
      tokenType: parsed.data.token_type ?? 'Bearer',
      expiresAt: now + lifetimeMs,
      renewAt: now + lifetimeMs - renewalMarginMs(lifetimeMs, this.#renewal),
    };
  }
}
