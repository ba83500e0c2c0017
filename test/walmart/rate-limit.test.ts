// Rate limiting: the per-API token bucket fed by x-current-token-count / x-next-replenish-time, alone
// and against a server that counts requests per window and throttles above its advertised rate.
import { describe, expect, it } from 'vitest';
import { listItems, RateLimiter, readReplenishAt, WalmartRateLimitError } from '../../src/walmart/index.js';
import { fakeWalmart, sendJson, testClient } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';

const KEY = 'GET /v3/items';
const T0 = 1_700_000_000_000; // realistic epoch ms: small numbers would read as seconds
const limits = (count: number, replenishAt: number) => ({ 'x-current-token-count': String(count), 'x-next-replenish-time': String(replenishAt) });

describe('RateLimiter (alone)', () => {
  it('sends one probe first, then treats an API without rate-limit headers as unlimited', async () => {
    const limiter = new RateLimiter(new ManualClock());
    const probe = await limiter.acquire(KEY);
    let second = false;
    const waiting = limiter.acquire(KEY).then((l) => {
      second = true;
      return l;
    });
    await new Promise((r) => setImmediate(r));
    expect(second).toBe(false); // held back while the probe is out
    probe.settle(200, {});
    (await waiting).settle(200, {});
    expect(limiter.snapshot(KEY)?.mode).toBe('unlimited');
  });

  it('spends the advertised tokens, then waits until the replenish time before sending again', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { slackMs: 10 });
    (await limiter.acquire(KEY)).settle(200, limits(2, T0 + 500));
    expect(limiter.snapshot(KEY)).toMatchObject({ mode: 'limited', remaining: 2, capacity: 3, replenishAt: T0 + 500 });
    const waits: number[] = [];
    const onWait = (ms: number) => waits.push(ms);
    await limiter.acquire(KEY, { onWait });
    await limiter.acquire(KEY, { onWait });
    expect(waits).toEqual([]);
    await limiter.acquire(KEY, { onWait });
    expect(waits).toEqual([510]);
    expect(clock.now()).toBe(T0 + 510);
    expect(limiter.snapshot(KEY)).toMatchObject({ remaining: 2 }); // refilled to the capacity learned (3), one taken
  });

  it('ignores headers describing a window that has already ended', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { slackMs: 0 });
    (await limiter.acquire(KEY)).settle(200, limits(4, T0 + 100));
    const late = await limiter.acquire(KEY);
    clock.advance(200);
    late.settle(200, limits(0, T0 + 100));
    expect(limiter.snapshot(KEY)?.remaining).toBe(3);
  });

  it('refuses to wait longer than maxWaitMs and says when tokens come back', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { maxWaitMs: 1_000 });
    (await limiter.acquire(KEY)).settle(429, limits(0, T0 + 3_600_000));
    const error = (await limiter.acquire(KEY).catch((e: unknown) => e)) as WalmartRateLimitError;
    expect(error).toBeInstanceOf(WalmartRateLimitError);
    expect(error.code).toBe('WALMART_RATE_LIMITED');
    expect(error.retryAt).toBe(T0 + 3_600_000);
  });

  it('gives back the token of a request that never left', async () => {
    const limiter = new RateLimiter(new ManualClock(T0));
    (await limiter.acquire(KEY)).settle(200, limits(1, T0 + 500));
    (await limiter.acquire(KEY)).release(false);
    expect(limiter.snapshot(KEY)?.remaining).toBe(1);
  });

  it('empty by its own count after a lost answer: asks Walmart with one request instead of waiting out the window', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { maxWaitMs: 1_000 });
    // One token left in a window that ends in an hour; the request that takes it loses its answer (a dropped connection).
    (await limiter.acquire(KEY)).settle(200, limits(1, T0 + 3_600_000));
    (await limiter.acquire(KEY)).release(true);
    expect(limiter.snapshot(KEY)).toMatchObject({ remaining: 0 });
    // Not told the bucket is empty: one probe goes at once (no wait of an hour, no WALMART_RATE_LIMITED).
    const waits: number[] = [];
    const probe = await limiter.acquire(KEY, { onWait: (ms) => waits.push(ms) });
    expect(waits).toEqual([]);
    expect(clock.now()).toBe(T0);
    // Only one probe at a time: another caller waits for its answer.
    let second = false;
    const next = limiter.acquire(KEY).then(
      (l) => ((second = true), l),
      (e: unknown) => ((second = true), e),
    );
    await new Promise((r) => setImmediate(r));
    expect(second).toBe(false);
    // Walmart says the token really is gone: now the limiter waits for the window, here longer than it may.
    probe.settle(429, limits(0, T0 + 3_600_000));
    expect(await next).toBeInstanceOf(WalmartRateLimitError);
  });

  it('a probe that finds a token left goes on spending what Walmart says is left', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { maxWaitMs: 1_000 });
    (await limiter.acquire(KEY)).settle(200, limits(1, T0 + 3_600_000));
    (await limiter.acquire(KEY)).release(true);
    (await limiter.acquire(KEY)).settle(200, limits(2, T0 + 3_600_000));
    expect(limiter.snapshot(KEY)).toMatchObject({ remaining: 2 });
    (await limiter.acquire(KEY)).settle(200, limits(0, T0 + 3_600_000));
    // Walmart said 0: no more probes, the next caller is told to come back in an hour.
    expect(await limiter.acquire(KEY).catch((e: unknown) => e)).toBeInstanceOf(WalmartRateLimitError);
  });

  it('a bucket assumed from a published limit lets that many go at once, then Walmart\'s headers take over', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock);
    limiter.assume(KEY, { capacity: 10, remaining: 3 });
    const leases = [await limiter.acquire(KEY), await limiter.acquire(KEY), await limiter.acquire(KEY)];
    expect(limiter.snapshot(KEY)).toMatchObject({ mode: 'limited', remaining: 0, inFlight: 3 });
    // The fourth waits for an answer rather than going out on a token the caller does not have.
    let fourth = false;
    const next = limiter.acquire(KEY).then((l) => ((fourth = true), l));
    await new Promise((r) => setImmediate(r));
    expect(fourth).toBe(false);
    leases[0]?.settle(200, limits(5, T0 + 360_000));
    (await next).settle(200, limits(4, T0 + 360_000));
    expect(fourth).toBe(true);
    // Once known, an assumption changes nothing.
    limiter.assume(KEY, { capacity: 1, remaining: 0 });
    expect(limiter.snapshot(KEY)?.capacity).toBe(10);
  });

  it('an injected-style 429 on an assumed bucket pauses every caller until the replenish time, then all go together', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { slackMs: 25 });
    limiter.assume(KEY, { capacity: 10, remaining: 10 });
    const first = await limiter.acquire(KEY);
    first.settle(429, limits(0, T0 + 1_000));
    await Promise.all([0, 1, 2].map(() => limiter.acquire(KEY)));
    // Nobody went before the replenish time (plus slack), and all three went then, not one probe after another.
    expect(clock.now()).toBe(T0 + 1_025);
    expect(limiter.snapshot(KEY)).toMatchObject({ remaining: 7, inFlight: 3 });
  });

  it('adds at most a quarter of a short wait as slack: a 12 ms replenish pauses the API for 15 ms, not 37', async () => {
    const clock = new ManualClock(T0);
    const limiter = new RateLimiter(clock, { slackMs: 25 });
    (await limiter.acquire(KEY)).settle(200, limits(4_000, T0 + 12));
    (await limiter.acquire(KEY)).settle(429, limits(0, T0 + 12));
    const waits: number[] = [];
    await limiter.acquire(KEY, { onWait: (ms) => waits.push(ms) });
    expect(waits).toEqual([15]);
    expect(clock.now()).toBe(T0 + 15);
  });

  it('reads x-next-replenish-time as epoch ms, epoch s, seconds from now or a date', () => {
    const now = 1_700_000_000_000;
    expect(readReplenishAt({ 'x-next-replenish-time': '1700000000500' }, now)).toBe(1_700_000_000_500);
    expect(readReplenishAt({ 'x-next-replenish-time': '1700000001' }, now)).toBe(1_700_000_001_000);
    expect(readReplenishAt({ 'x-next-replenish-time': '2' }, now)).toBe(now + 2000);
    expect(readReplenishAt({ 'x-next-replenish-time': 'Tue, 14 Nov 2023 22:13:21 GMT' }, now)).toBe(Date.parse('2023-11-14T22:13:21Z'));
    expect(readReplenishAt({}, now)).toBeUndefined();
  });
});

describe('rate limiting over HTTP', () => {
  it('a 429 with x-next-replenish-time is waited out, then the call succeeds', async () => {
    let replenishAt = 0;
    const walmart = await fakeWalmart((_req, res) => {
      if (replenishAt === 0) {
        replenishAt = Date.now() + 200;
        sendJson(res, 429, { error: [{ code: 'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API', category: 'REQUEST' }] }, limits(0, replenishAt));
      } else {
        sendJson(res, 200, { itemResponse: [] }, limits(4, Date.now() + 1000));
      }
    });
    const events: string[] = [];
    const client = testClient(walmart.url, { logger: (e) => events.push(e.type) });
    await expect(listItems(client)).resolves.toEqual({ itemResponse: [] });
    expect(walmart.apiRequests).toHaveLength(2);
    expect(walmart.apiRequests[1]!.at).toBeGreaterThanOrEqual(replenishAt);
    expect(events).toContain('retry');
  });

  it('never sends more requests per window than the server advertises', async () => {
    // Windows long enough that event-loop lag on a loaded machine cannot carry a request sent in one window
    // into the next (which no client can prevent); the property checked is the same.
    const WINDOW = 1_000;
    const CAPACITY = 3;
    const perWindow = new Map<number, number>();
    let throttled = 0;
    const walmart = await fakeWalmart((_req, res) => {
      const now = Date.now();
      const window = Math.floor(now / WINDOW);
      const used = (perWindow.get(window) ?? 0) + 1;
      perWindow.set(window, used);
      const replenishAt = (window + 1) * WINDOW;
      if (used > CAPACITY) {
        throttled += 1;
        sendJson(res, 429, {}, limits(0, replenishAt));
      } else {
        sendJson(res, 200, { itemResponse: [{ sku: String(used) }] }, limits(CAPACITY - used, replenishAt));
      }
    });
    const client = testClient(walmart.url);
    const results = await Promise.all(Array.from({ length: 9 }, () => listItems(client)));
    expect(results).toHaveLength(9);
    expect(throttled).toBe(0);
    expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(CAPACITY);
    expect(walmart.apiRequests).toHaveLength(9);
  }, 15_000);

  it('a 429 asking for a longer wait than allowed fails with WALMART_RATE_LIMITED and the time', async () => {
    const retryAt = Date.now() + 3_600_000;
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 429, {}, limits(0, retryAt)));
    const client = testClient(walmart.url);
    const error = (await listItems(client).catch((e: unknown) => e)) as WalmartRateLimitError;
    expect(error).toBeInstanceOf(WalmartRateLimitError);
    expect(error.retryAt).toBe(retryAt);
    expect(error.transient).toBe(true);
    expect(error.message).toContain(new Date(retryAt).toISOString());
    expect(walmart.apiRequests).toHaveLength(1);
  });
});
