// OAuth client_credentials as Walmart's token API does it: Basic auth in, an opaque access token with a
// lifetime out; every other call presents it in WM_SEC.ACCESS_TOKEN. Tokens are random (not from the
// seed): they are secrets in spirit, and nothing should depend on their value.
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export type TokenCheck = { ok: true; clientId: string } | { ok: false; reason: 'missing' | 'unknown' | 'expired' };

interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

/** Parses `Basic base64(id:secret)`; undefined when the header is not that. */
export function parseBasic(header: string | undefined): Credentials | undefined {
  if (header === undefined) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (m === null) return undefined;
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** With no configured credentials any non-empty pair is accepted (dry runs with placeholder secrets). */
export function credentialsAccepted(given: Credentials, allowed: readonly Credentials[] | undefined): boolean {
  if (given.clientId === '' || given.clientSecret === '') return false;
  if (allowed === undefined) return true;
  return allowed.some((c) => c.clientId === given.clientId && c.clientSecret === given.clientSecret);
}

export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #clock: Clock;
  readonly #ttlMs: number;

  constructor(clock: Clock, ttlSeconds: number) {
    this.#clock = clock;
    this.#ttlMs = ttlSeconds * 1000;
  }

  get ttlSeconds(): number {
    return this.#ttlMs / 1000;
  }

  issue(clientId: string): string {
    // A client that fetches a token per call would otherwise grow the map without bound.
    if (this.#tokens.size >= 10_000) this.prune();
    const token = `eyJ${randomBytes(36).toString('base64url')}`;
    this.#tokens.set(token, { clientId, expiresAt: this.#clock.now() + this.#ttlMs });
    return token;
  }

  check(token: string | undefined): TokenCheck {
    if (token === undefined || token === '') return { ok: false, reason: 'missing' };
    const rec = this.#tokens.get(token);
    if (rec === undefined) return { ok: false, reason: 'unknown' };
    if (this.#clock.now() >= rec.expiresAt) {
      this.#tokens.delete(token);
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, clientId: rec.clientId };
  }

  /** Invalidates one token (the `expire` fault, or a test). */
  revoke(token: string): void {
    this.#tokens.delete(token);
  }

  /** Invalidates every token: the next call of each client gets a 401. */
  revokeAll(): void {
    this.#tokens.clear();
  }

  prune(): void {
    const now = this.#clock.now();
    for (const [t, rec] of this.#tokens) if (now >= rec.expiresAt) this.#tokens.delete(t);
  }

  get size(): number {
    return this.#tokens.size;
  }
}
