// Token buckets per API, as Walmart throttles: each API has its own allowance, reported on every response
// in x-current-token-count and x-next-replenish-time (epoch ms), and a 429 when the bucket is empty.
// Buckets are per emulator, not per client: one seller account, as in a dry run.
import type { Clock } from './clock.js';

export type ApiName = 'token' | 'itemsSpec' | 'taxonomy' | 'feedSubmit' | 'feedList' | 'feedStatus' | 'items' | 'item' | 'orders' | 'other';

export interface RateLimit {
  /** Bucket size, and how many tokens come back per window. */
  limit: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Modelled on Walmart's published guidance: item feed submission is scarce (10 an hour), feed status
 * polling plentiful, the spec endpoint low (cache specs!), orders 5,000 an hour (Order Management docs).
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ApiName, RateLimit>> = {
  token: { limit: 100, windowMs: MINUTE },
  itemsSpec: { limit: 10, windowMs: MINUTE },
  taxonomy: { limit: 60, windowMs: MINUTE },
  feedSubmit: { limit: 10, windowMs: HOUR },
  feedList: { limit: 1000, windowMs: MINUTE },
  feedStatus: { limit: 5000, windowMs: MINUTE },
  items: { limit: 300, windowMs: MINUTE },
  item: { limit: 300, windowMs: MINUTE },
  orders: { limit: 5000, windowMs: HOUR },
  other: { limit: 1000, windowMs: MINUTE },
};

/** What `rateLimits: false` means: buckets too large to empty, so the headers stay meaningful. */
const UNLIMITED: RateLimit = { limit: 1_000_000, windowMs: 1000 };

export interface BucketState {
  allowed: boolean;
  /** Whole tokens left after this request. */
  count: number;
  /** Epoch ms at which the next whole token is added. */
  nextReplenish: number;
}

class TokenBucket {
  readonly #limit: number;
  /** Tokens per ms. */
  readonly #rate: number;
  #tokens: number;
  #at: number;

  constructor(limit: RateLimit, now: number) {
    this.#limit = limit.limit;
    this.#rate = limit.limit / limit.windowMs;
    this.#tokens = limit.limit;
    this.#at = now;
  }

  #refill(now: number): void {
    if (now > this.#at) {
      this.#tokens = Math.min(this.#limit, this.#tokens + (now - this.#at) * this.#rate);
      this.#at = now;
    }
  }

  #state(allowed: boolean, now: number): BucketState {
    const whole = Math.floor(this.#tokens);
    // Full bucket: the next token would come one interval after the next one is spent.
    const missing = this.#tokens >= this.#limit ? 1 : whole + 1 - this.#tokens;
    return { allowed, count: whole, nextReplenish: Math.ceil(now + missing / this.#rate) };
  }

  take(now: number): BucketState {
    this.#refill(now);
    if (this.#tokens < 1) return this.#state(false, now);
    this.#tokens -= 1;
    return this.#state(true, now);
  }

  peek(now: number): BucketState {
    this.#refill(now);
    return this.#state(true, now);
  }

  drain(now: number): void {
    this.#refill(now);
    this.#tokens = 0;
  }

  give(now: number): void {
    this.#refill(now);
    this.#tokens = Math.min(this.#limit, this.#tokens + 1);
  }
}

export type RateLimitOptions = false | Partial<Record<ApiName, RateLimit>>;

export class RateLimiter {
  readonly #clock: Clock;
  readonly #limits: Readonly<Record<ApiName, RateLimit>>;
  readonly #buckets = new Map<ApiName, TokenBucket>();

  constructor(clock: Clock, options: RateLimitOptions | undefined) {
    this.#clock = clock;
    const limits = { ...DEFAULT_RATE_LIMITS };
    for (const api of Object.keys(limits) as ApiName[]) {
      if (options === false) limits[api] = UNLIMITED;
      else if (options?.[api] !== undefined) limits[api] = options[api];
    }
    this.#limits = limits;
  }

  limitOf(api: ApiName): RateLimit {
    return this.#limits[api];
  }

  #bucket(api: ApiName): TokenBucket {
    let b = this.#buckets.get(api);
    if (b === undefined) {
      b = new TokenBucket(this.#limits[api], this.#clock.now());
      this.#buckets.set(api, b);
    }
    return b;
  }

  /** Spends one token of `api`'s bucket, if there is one. */
  take(api: ApiName): BucketState {
    return this.#bucket(api).take(this.#clock.now());
  }

  /** The bucket as it stands, for responses that did not get as far as spending (400s, 401s). */
  peek(api: ApiName): BucketState {
    return this.#bucket(api).peek(this.#clock.now());
  }

  /** Empties a bucket: the next call to that API gets a 429 (tests of a client's back-off). */
  drain(api: ApiName): void {
    this.#bucket(api).drain(this.#clock.now());
  }

  /** Gives back the token of a request that was not served (an injected 429 or 5xx). */
  refund(api: ApiName): void {
    this.#bucket(api).give(this.#clock.now());
  }

  /** Refills every bucket. */
  reset(): void {
    this.#buckets.clear();
  }
}
