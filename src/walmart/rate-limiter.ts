// A token bucket per API (method + path template), fed by Walmart's x-current-token-count and
// x-next-replenish-time. Callers wait before sending when the bucket is empty instead of collecting 429s.
//
// Model: until the first response for an API nothing is known, so one request goes alone as a probe. If
// its response carries no rate-limit headers the API is treated as unlimited. Otherwise at most
// `count` more requests go before the replenish time; after it, up to the largest capacity seen (count + 1
// on a success) go, and the next responses' headers take over. Requests still in flight are subtracted
// from Walmart's count because Walmart may not have counted them yet.
import type { Signal } from '../core/signal.js';
import { signal } from '../core/signal.js';
import type { Clock } from './clock.js';
import { throwIfAborted } from './clock.js';
import { WalmartRateLimitError } from './errors.js';
import { readReplenishAt, readTokenCount } from './rate-limit-headers.js';

export interface RateLimitOptions {
  /** The longest a call waits for its bucket; beyond it the call fails with WALMART_RATE_LIMITED. */
  maxWaitMs: number;
  /**
   * Added to the replenish time, so as not to arrive early (timer rounding, clock skew): at most this, and
   * at most a quarter of the wait it is added to. A 429 on the status API asks for about 12 ms; a fixed 25 ms
   * on each of those tripled every such pause of the whole API, while arriving a moment early costs one more 429.
   */
  slackMs: number;
  /** The window assumed when Walmart gives a token count of 0 but no replenish time. */
  fallbackWindowMs: number;
  /** How long a caller waits for an in-flight probe's answer before looking again. */
  probeWaitMs: number;
}

export const DEFAULT_RATE_LIMIT_OPTIONS: RateLimitOptions = {
  maxWaitMs: 60_000,
  slackMs: 25,
  fallbackWindowMs: 1_000,
  probeWaitMs: 1_000,
};

export interface Lease {
  /** Feed the response's headers back into the bucket. */
  settle(status: number, headers: Readonly<Record<string, string>>): void;
  /** No response: give the token back when the request provably never left. */
  release(requestSent: boolean): void;
}

export interface AcquireOptions {
  signal?: AbortSignal | undefined;
  correlationId?: string | undefined;
  onWait?: (waitMs: number, reason: 'bucket-empty' | 'probe-in-flight') => void;
}

export interface BucketSnapshot {
  mode: 'unknown' | 'unlimited' | 'limited';
  remaining: number | undefined;
  capacity: number | undefined;
  replenishAt: number | undefined;
  inFlight: number;
}

interface Bucket extends BucketSnapshot {
  probing: boolean;
  /**
   * Walmart itself said the bucket is empty (a 429, or a token count of 0) since the window began. When it has not,
   * `remaining` reached 0 by our own count only, which includes requests whose answers never came (a dropped
   * connection), and those may not have spent their token.
   */
  confirmedEmpty: boolean;
  /** The slack added to this window's replenish time (see RateLimitOptions.slackMs). */
  slack: number;
  changed: Signal;
}

export class RateLimiter {
  readonly #clock: Clock;
  readonly #options: RateLimitOptions;
  readonly #buckets = new Map<string, Bucket>();

  constructor(clock: Clock, options: Partial<RateLimitOptions> = {}) {
    this.#clock = clock;
    this.#options = { ...DEFAULT_RATE_LIMIT_OPTIONS, ...options };
  }

  snapshot(key: string): BucketSnapshot | undefined {
    const b = this.#buckets.get(key);
    return b === undefined
      ? undefined
      : { mode: b.mode, remaining: b.remaining, capacity: b.capacity, replenishAt: b.replenishAt, inFlight: b.inFlight };
  }

  /**
   * What the caller knows of an API's bucket before Walmart has answered on it (a published limit, less what
   * its own records say was spent): the bucket starts with `remaining` of `capacity` tokens instead of one
   * probe at a time, so requests that may go together do. Walmart's headers take over from the first answer.
   * Ignored once the bucket is known.
   */
  assume(key: string, known: { capacity: number; remaining: number }): void {
    const b = this.#bucket(key);
    if (b.mode !== 'unknown' || b.probing) return;
    const capacity = Math.max(1, Math.floor(known.capacity));
    b.mode = 'limited';
    b.capacity = capacity;
    b.remaining = Math.min(capacity, Math.max(0, Math.floor(known.remaining)));
  }

  async acquire(key: string, options: AcquireOptions = {}): Promise<Lease> {
    const b = this.#bucket(key);
    const startedAt = this.#clock.now();
    let toldProbeWait = false;
    let toldUntil: number | undefined;
    for (;;) {
      throwIfAborted(options.signal);
      const now = this.#clock.now();
      this.#roll(b, now);
      if (b.mode === 'unlimited') return this.#lease(b, false, false);
      if (b.mode === 'unknown' || b.remaining === undefined) {
        if (!b.probing) {
          b.probing = true;
          return this.#lease(b, true, false);
        }
        if (!toldProbeWait) options.onWait?.(this.#options.probeWaitMs, 'probe-in-flight');
        toldProbeWait = true;
        await this.#waitForChange(b, this.#options.probeWaitMs, options.signal);
        continue;
      }
      if (b.remaining > 0) {
        b.remaining -= 1;
        return this.#lease(b, false, true);
      }
      // Empty with requests still out: their answers will say when the bucket refills, so wait for them.
      if (b.replenishAt === undefined && b.inFlight > 0) {
        await this.#waitForChange(b, this.#options.probeWaitMs, options.signal);
        continue;
      }
      // Empty by our own count alone, nothing out: rather than wait a whole window (for a feed bucket of 10 an hour,
      // 6 minutes) for a token that a lost answer may never have spent, one request asks Walmart (a 429 costs nothing
      // and settles it), and other callers wait for its answer.
      if (!b.confirmedEmpty && (b.inFlight === 0 || b.probing)) {
        if (!b.probing) {
          b.probing = true;
          return this.#lease(b, true, false);
        }
        await this.#waitForChange(b, this.#options.probeWaitMs, options.signal);
        continue;
      }
      if (b.replenishAt === undefined) {
        b.replenishAt = now + this.#options.fallbackWindowMs;
        b.slack = this.#slackFor(this.#options.fallbackWindowMs);
      }
      const until = b.replenishAt + b.slack;
      if (until - startedAt > this.#options.maxWaitMs) {
        throw new WalmartRateLimitError(
          `Walmart's rate limit for ${key} has no tokens left until ${new Date(b.replenishAt).toISOString()}, longer than this client waits (${Math.round(this.#options.maxWaitMs / 1000)} s); try again then or send fewer requests.`,
          { route: key, retryAt: b.replenishAt, ...(options.correlationId === undefined ? {} : { correlationId: options.correlationId }) },
        );
      }
      if (toldUntil !== until) options.onWait?.(until - now, 'bucket-empty');
      toldUntil = until;
      // Woken early by any answer on this API: it may carry a newer count or replenish time.
      await this.#waitForChange(b, until - now, options.signal);
    }
  }

  #bucket(key: string): Bucket {
    let b = this.#buckets.get(key);
    if (b === undefined) {
      b = { mode: 'unknown', remaining: undefined, capacity: undefined, replenishAt: undefined, inFlight: 0, probing: false, confirmedEmpty: false, slack: this.#options.slackMs, changed: signal() };
      this.#buckets.set(key, b);
    }
    return b;
  }

  #roll(b: Bucket, now: number): void {
    if (b.mode === 'limited' && b.replenishAt !== undefined && now >= b.replenishAt + b.slack) {
      // A new window: capacity if we learned it, otherwise back to one probe at a time.
      b.remaining = b.capacity;
      b.replenishAt = undefined;
      b.confirmedEmpty = false;
    }
  }

  #lease(b: Bucket, probe: boolean, tookToken: boolean): Lease {
    b.inFlight += 1;
    let done = false;
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      b.inFlight -= 1;
      if (probe) b.probing = false;
      return true;
    };
    return {
      settle: (status, headers) => {
        if (!finish()) return;
        this.#learn(b, status, headers);
        this.#notify(b);
      },
      release: (requestSent) => {
        if (!finish()) return;
        if (!requestSent && tookToken && b.remaining !== undefined) b.remaining = Math.min(b.remaining + 1, b.capacity ?? Infinity);
        this.#notify(b);
      },
    };
  }

  #learn(b: Bucket, status: number, headers: Readonly<Record<string, string>>): void {
    const now = this.#clock.now();
    const count = readTokenCount(headers);
    const replenishAt = readReplenishAt(headers, now);
    if (count === undefined && replenishAt === undefined) {
      if (status === 429) {
        // Throttled without telling us how much: hold everyone back for a window; retry backs off too.
        b.mode = 'limited';
        b.remaining = 0;
        b.confirmedEmpty = true;
        b.replenishAt = now + this.#options.fallbackWindowMs;
        b.slack = this.#slackFor(this.#options.fallbackWindowMs);
      } else if (b.mode === 'unknown' || (b.mode === 'limited' && b.capacity === undefined && b.remaining === undefined)) {
        b.mode = 'unlimited';
      }
      return;
    }
    // Headers describing a window that has already ended would undo a refill we have already made.
    if (replenishAt !== undefined && replenishAt + this.#options.slackMs <= now) return;
    b.mode = 'limited';
    if (count !== undefined) {
      if (status !== 429) b.capacity = Math.max(b.capacity ?? 0, count + 1);
      b.remaining = Math.max(0, count - b.inFlight);
    }
    if (status === 429) b.remaining = 0;
    b.confirmedEmpty = status === 429 || count === 0;
    if (replenishAt !== undefined) {
      b.replenishAt = replenishAt;
      b.slack = this.#slackFor(replenishAt - now);
    } else if (b.remaining === 0 && b.replenishAt === undefined) {
      b.replenishAt = now + this.#options.fallbackWindowMs;
      b.slack = this.#slackFor(this.#options.fallbackWindowMs);
    }
  }

  #slackFor(waitMs: number): number {
    return Math.min(this.#options.slackMs, Math.max(1, Math.ceil(waitMs / 4)));
  }

  #notify(b: Bucket): void {
    const old = b.changed;
    b.changed = signal();
    old.resolve();
  }

  async #waitForChange(b: Bucket, ms: number, outer: AbortSignal | undefined): Promise<void> {
    // The timer is cancelled as soon as the probe answers, so no sleep outlives the wait.
    const stop = new AbortController();
    const onAbort = (): void => stop.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([b.changed.promise, this.#clock.sleep(ms, stop.signal)]);
    } finally {
      outer?.removeEventListener('abort', onAbort);
      if (!stop.signal.aborted) stop.abort();
    }
    throwIfAborted(outer);
  }
}
