// Retry rules: what is retried, after how long, and the rule that a feed is never submitted twice.
import { describe, expect, it } from 'vitest';
import type { RetryOptions } from '../../src/walmart/index.js';
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  getFeedStatus,
  getItem,
  listItems,
  submitFeed,
  WalmartError,
  WalmartHttpError,
  WalmartNetworkError,
  WalmartOutcomeUnknownError,
} from '../../src/walmart/index.js';
import { fakeWalmart, sendJson, testClient, trackServer } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';
import { closedPort, startServer } from './helpers/server.js';

const opts: RetryOptions = DEFAULT_RETRY_OPTIONS;
const now = 1_700_000_000_000;
const response = (status: number, headers: Record<string, string> = {}) => ({ kind: 'response' as const, status, headers });
const netError = (errno: string, requestSent: boolean) => ({
  kind: 'error' as const,
  error: new WalmartNetworkError('x', { errno, requestSent }),
});
const decide = (outcome: Parameters<typeof decideRetry>[0]['outcome'], idempotent = true, attempt = 1) =>
  decideRetry({ attempt, idempotent, outcome, now, random: () => 1, options: opts });

describe('retry policy (pure)', () => {
  it.each([423, 429, 500, 502, 503, 504])('retries HTTP %i on a GET', (status) => {
    expect(decide(response(status)).retry).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 406, 409, 413, 415])('never retries HTTP %i', (status) => {
    expect(decide(response(status)).retry).toBe(false);
    expect(decide(response(status), false).retry).toBe(false);
  });

  it('retries a non-idempotent POST only on 423, 429 and 503', () => {
    expect([423, 429, 500, 502, 503, 504].filter((s) => decide(response(s), false).retry)).toEqual([423, 429, 503]);
  });

  it('retries connection errors that provably happened before sending, for any method', () => {
    expect(decide(netError('ECONNREFUSED', false), false).retry).toBe(true);
    expect(decide(netError('ECONNRESET', false), false).retry).toBe(true);
    expect(decide(netError('ECONNRESET', true), false).retry).toBe(false);
    expect(decide(netError('UND_ERR_SOCKET', true), true).retry).toBe(true);
    expect(decide(netError('ENOTFOUND', false), true).retry).toBe(false);
    expect(decide({ kind: 'error', error: new Error('boom') }).retry).toBe(false);
  });

  it('stops at maxAttempts, and a read at idempotentMaxAttempts', () => {
    expect(decide(response(503), false, opts.maxAttempts - 1).retry).toBe(true);
    expect(decide(response(503), false, opts.maxAttempts)).toEqual({ retry: false, reason: `gave up after ${opts.maxAttempts} attempts` });
    expect(decide(response(503), true, opts.idempotentMaxAttempts - 1).retry).toBe(true);
    expect(decide(response(503), true, opts.idempotentMaxAttempts)).toEqual({ retry: false, reason: `gave up after ${opts.idempotentMaxAttempts} attempts` });
  });

  it('gives a read about the same patience as before it backed off from 25 ms: 7 attempts, at most 1.6 s of backoff', () => {
    expect(opts.idempotentBaseDelayMs).toBe(25);
    let worst = 0;
    for (let a = 1; a < opts.idempotentMaxAttempts; a++) worst += backoffDelay(a, opts, () => 0.999999, true);
    expect(worst).toBeGreaterThanOrEqual(1500);
    expect(worst).toBeLessThan(1600);
  });

  it('waits as advertised on 429 (replenish time or Retry-After) and gives up on an over-long wait', () => {
    expect(decide(response(429, { 'x-next-replenish-time': String(now + 1500) }))).toMatchObject({ retry: true, delayMs: 1500 });
    expect(decide(response(429, { 'retry-after': '3' }))).toMatchObject({ retry: true, delayMs: 3000 });
    expect(decide(response(503, { 'retry-after': '2' }))).toMatchObject({ retry: true, delayMs: 2000 });
    expect(decide(response(429, { 'x-next-replenish-time': String(now + 3_600_000) })).retry).toBe(false);
  });

  it('backs off exponentially with full jitter under a cap', () => {
    const o = { ...opts, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, o, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(3, o, () => 0)).toBe(0);
  });

  it('backs a read off from a smaller first ceiling than a POST', () => {
    const o = { ...opts, baseDelayMs: 500, idempotentBaseDelayMs: 100 };
    const r = (): number => 0.999999;
    expect([1, 2, 3].map((a) => backoffDelay(a, o, r, true))).toEqual([99, 199, 399]);
    expect([1, 2, 3].map((a) => backoffDelay(a, o, r, false))).toEqual([499, 999, 1999]);
    expect(decideRetry({ attempt: 1, idempotent: true, outcome: response(423), now, random: r, options: o })).toMatchObject({ retry: true, delayMs: 99 });
    expect(decideRetry({ attempt: 1, idempotent: false, outcome: response(423), now, random: r, options: o })).toMatchObject({ retry: true, delayMs: 499 });
  });

  it('backs a POST answered 503 (the gateway was not reached) off from 50 ms, its other retries from 500 ms', () => {
    const r = (): number => 0.999999;
    const post = (outcome: Parameters<typeof decideRetry>[0]['outcome'], attempt = 1) => decideRetry({ attempt, idempotent: false, outcome, now, random: r, options: opts });
    expect(opts.unreachedBaseDelayMs).toBe(50);
    expect([1, 2, 3, 4].map((a) => post(response(503), a))).toEqual([49, 99, 199, 399].map((delayMs) => ({ retry: true, delayMs, reason: 'HTTP 503' })));
    expect(post(response(503), opts.maxAttempts).retry).toBe(false);
    // Locked, and a connection refused before sending: still from 500 ms.
    expect(post(response(423))).toMatchObject({ retry: true, delayMs: 499 });
    expect(post(netError('ECONNREFUSED', false))).toMatchObject({ retry: true, delayMs: 499 });
    // A read's 503 keeps its own, smaller first ceiling (25 ms).
    expect(decideRetry({ attempt: 1, idempotent: true, outcome: response(503), now, random: r, options: opts })).toMatchObject({ retry: true, delayMs: 24 });
    // A 503 that says how long to wait is waited for as it says.
    expect(post(response(503, { 'retry-after': '2' }))).toMatchObject({ retry: true, delayMs: 2000 });
  });

  it('retries a dropped read at once the first time, then backs off', () => {
    expect(decide(netError('ECONNRESET', true), true, 1)).toMatchObject({ retry: true, delayMs: 0 });
    expect(decide(netError('ECONNRESET', true), true, 2)).toMatchObject({ retry: true, delayMs: 2 * opts.idempotentBaseDelayMs });
    // A POST that provably never left backs off from the POST base; one that left is not retried at all.
    expect(decide(netError('ECONNREFUSED', false), false, 1)).toMatchObject({ retry: true, delayMs: opts.baseDelayMs });
  });
});

describe('retry over HTTP', () => {
  it('503, 503, then 200 recovers after two backoffs', async () => {
    let n = 0;
    const walmart = await fakeWalmart((_req, res) => (++n <= 2 ? sendJson(res, 503, { error: [{ code: 'SYSTEM_ERROR', category: 'SYSTEM' }] }) : sendJson(res, 200, { itemResponse: [] })));
    const clock = new ManualClock();
    const client = testClient(walmart.url, { clock, random: () => 0.5 });
    await expect(listItems(client)).resolves.toEqual({ itemResponse: [] });
    expect(walmart.apiRequests).toHaveLength(3);
    // A read backs off from 25 ms (idempotentBaseDelayMs), full jitter with random 0.5: 0.5 * 25, then 0.5 * 50.
    expect(clock.sleeps).toEqual([12, 25]);
  });

  it('gives up after maxAttempts with a transient WALMART_UNAVAILABLE', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 504, { error: [{ code: 'DOWNSTREAM_SYSTEM_TIME_OUT', category: 'SYSTEM' }] }));
    const client = testClient(walmart.url, { clock: new ManualClock(), retry: { maxAttempts: 3 } });
    const error = (await listItems(client).catch((e: unknown) => e)) as WalmartHttpError;
    expect(error).toBeInstanceOf(WalmartHttpError);
    expect(error.code).toBe('WALMART_UNAVAILABLE');
    expect(error.transient).toBe(true);
    expect(error.message).toContain('after 3 attempts');
    expect(walmart.apiRequests).toHaveLength(3);
  });

  it.each([
    [400, 'WALMART_REJECTED'],
    [404, 'WALMART_NOT_FOUND'],
  ])('HTTP %i is never retried (%s)', async (status, code) => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, status, { error: [{ code: 'X', category: 'DATA' }] }));
    const clock = new ManualClock();
    const client = testClient(walmart.url, { clock });
    await expect(getItem(client, '00012345678905')).rejects.toMatchObject({ code, status, transient: false });
    expect(walmart.apiRequests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('a POST /v3/feeds answered 500 is not retried (Walmart may have taken it)', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 500, { error: [{ code: 'SYSTEM_ERROR' }] }));
    const client = testClient(walmart.url, { clock: new ManualClock() });
    await expect(submitFeed(client, { feedType: 'MP_ITEM', body: { MPItem: [] } })).rejects.toMatchObject({ code: 'WALMART_UNAVAILABLE', status: 500 });
    expect(walmart.apiRequests).toHaveLength(1);
  });

  it('a POST /v3/feeds answered 503 (not processed) is retried', async () => {
    let n = 0;
    const walmart = await fakeWalmart((_req, res) => (++n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { feedId: 'F1@AQ' })));
    const clock = new ManualClock();
    const client = testClient(walmart.url, { clock, random: () => 0.5 });
    await expect(submitFeed(client, { feedType: 'MP_ITEM', body: '{}' })).resolves.toMatchObject({ feedId: 'F1@AQ' });
    expect(walmart.apiRequests).toHaveLength(2);
    // The gateway was not reached: "wait briefly and retry", full jitter under 50 ms.
    expect(clock.sleeps).toEqual([25]);
  });

  it('a POST reset after the body was sent is not retried and says to look the feed up', async () => {
    const walmart = await fakeWalmart((_req, _res, _token) => undefined);
    const server = trackServer(
      await startServer((req, _res, raw) => {
        if (req.pathname === '/v3/token') return;
        raw.socket.destroy(); // the whole body has arrived; the connection dies before any answer
      }),
    );
    const client = testClient(server.url, { clock: new ManualClock(), config: { tokenUrl: `${walmart.url}/v3/token` } });
    const error = (await submitFeed(client, { feedType: 'MP_ITEM', body: { MPItem: [{ sku: 'A' }] } }).catch((e: unknown) => e)) as WalmartOutcomeUnknownError;
    expect(error).toBeInstanceOf(WalmartOutcomeUnknownError);
    expect(error.code).toBe('WALMART_OUTCOME_UNKNOWN');
    expect(error.message).toMatch(/may or may not have accepted it/);
    expect(error.message).toContain('GET /v3/feeds');
    expect(error.message).toContain(`correlation ID ${String(server.received[0]?.headers['wm_qos.correlation_id'])}`);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.body.toString()).toContain('"sku":"A"');
  });

  it('a GET reset mid-flight is retried', async () => {
    const walmart = await fakeWalmart((_req, _res, _token) => undefined);
    let n = 0;
    const server = trackServer(
      await startServer((_req, res, raw) => {
        if (++n === 1) raw.socket.destroy();
        else sendJson(res, 200, { feedId: 'F@A', feedStatus: 'PROCESSED' });
      }),
    );
    const client = testClient(server.url, { clock: new ManualClock(), config: { tokenUrl: `${walmart.url}/v3/token` } });
    await expect(getFeedStatus(client, 'F@A')).resolves.toMatchObject({ feedStatus: 'PROCESSED' });
    expect(server.received).toHaveLength(2);
  });

  it('a refused connection is retried even for a POST (nothing was sent), then fails with WALMART_NETWORK', async () => {
    const walmart = await fakeWalmart(() => undefined);
    const port = await closedPort();
    const clock = new ManualClock();
    const client = testClient(`http://127.0.0.1:${port}`, { clock, retry: { maxAttempts: 3 }, config: { tokenUrl: `${walmart.url}/v3/token` } });
    const error = (await submitFeed(client, { feedType: 'MP_ITEM', body: '{}' }).catch((e: unknown) => e)) as WalmartNetworkError;
    expect(error).toBeInstanceOf(WalmartNetworkError);
    expect(error).toMatchObject({ code: 'WALMART_NETWORK', errno: 'ECONNREFUSED', requestSent: false });
    expect(clock.sleeps).toHaveLength(2);
  });

  it('an abort cancels a backoff wait at once', async () => {
    const controller = new AbortController();
    let answeredAt = 0;
    const walmart = await fakeWalmart((_req, res) => {
      sendJson(res, 503, {});
      answeredAt = Date.now();
      // The client is now in a 20 s backoff (random 1, cap 20 s); abort it from here, not on a guessed timer.
      setTimeout(() => controller.abort(), 20);
    });
    const client = testClient(walmart.url, { random: () => 1, retry: { baseDelayMs: 30_000, idempotentBaseDelayMs: 30_000 } });
    await expect(listItems(client, {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - answeredAt).toBeLessThan(2_000);
    expect(walmart.apiRequests).toHaveLength(1);
  });

  it('errors are CatalogGateErrors with stable codes', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 405, {}));
    const client = testClient(walmart.url);
    const error = await listItems(client).catch((e: unknown) => e);
    const { isCatalogGateError } = await import('../../src/core/errors.js');
    expect(isCatalogGateError(error)).toBe(true);
    expect(error).toBeInstanceOf(WalmartError);
    expect((error as WalmartError).code).toBe('WALMART_REJECTED');
  });
});
