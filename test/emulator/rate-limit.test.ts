// Rate limits: token buckets per API with Walmart's headers on every response, and the 429 envelope
// once a bucket is empty, until x-next-replenish-time.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMITS, ManualClock } from '../../src/emulator/index.js';
import { SAMPLES } from '../helpers/paths.js';
import { call, emulator, submitFeed, token } from './helpers.js';

const count = (h: Headers): number => Number(h.get('x-current-token-count'));
const replenish = (h: Headers): number => Number(h.get('x-next-replenish-time'));

describe('rate limits', () => {
  it('counts down per API and answers 429 in the envelope when the bucket is empty', async () => {
    const clock = new ManualClock();
    const emu = await emulator({ clock, rateLimits: { feedList: { limit: 3, windowMs: 3000 } } });
    const tok = await token(emu);
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(emu, 'GET', '/v3/feeds', { token: tok });
      expect(r.status).toBe(200);
      counts.push(count(r.headers));
    }
    expect(counts).toEqual([2, 1, 0]);
    const limited = await call(emu, 'GET', '/v3/feeds', { token: tok });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: [{ code: 'REQUEST_THRESHOLD_VIOLATED.GMP_GATEWAY_API', severity: 'ERROR', category: 'REQUEST' }] });
    expect(count(limited.headers)).toBe(0);
    // One token per second comes back: the next one is due a second from now.
    expect(replenish(limited.headers)).toBe(clock.now() + 1000);
    // Other APIs have their own buckets.
    expect((await call(emu, 'GET', '/v3/items', { token: tok })).status).toBe(200);
    clock.advance(1000);
    const again = await call(emu, 'GET', '/v3/feeds', { token: tok });
    expect(again.status).toBe(200);
    expect(count(again.headers)).toBe(0);
  });

  it('puts the headers on every response, errors included', async () => {
    const emu = await emulator({ rateLimits: {} });
    const tok = await token(emu);
    for (const r of [await call(emu, 'GET', '/v3/feeds', { token: tok }), await call(emu, 'GET', '/v3/feeds', { token: 'bad' }), await call(emu, 'GET', '/v3/feeds', { correlationId: false }), await call(emu, 'GET', '/nowhere')]) {
      expect(r.headers.get('x-current-token-count')).toMatch(/^\d+$/);
      expect(replenish(r.headers)).toBeGreaterThan(Date.now() - 1000);
    }
  });

  it('defaults to scarce feed submissions, plentiful status polls and a low spec allowance', async () => {
    expect(DEFAULT_RATE_LIMITS.feedSubmit).toEqual({ limit: 10, windowMs: 3_600_000 });
    expect(DEFAULT_RATE_LIMITS.feedStatus.limit).toBeGreaterThan(DEFAULT_RATE_LIMITS.feedSubmit.limit * 100);
    expect(DEFAULT_RATE_LIMITS.itemsSpec.limit).toBeLessThanOrEqual(10);
    const emu = await emulator({ rateLimits: {}, processingMs: 0 });
    const tok = await token(emu);
    const feed = readFileSync(`${SAMPLES}feeds/clothing-4.3-clean.json`, 'utf8');
    for (let i = 0; i < 10; i++) await submitFeed(emu, tok, feed);
    const eleventh = await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, contentType: 'application/json', body: feed });
    expect(eleventh.status).toBe(429);
    expect(replenish(eleventh.headers) - Date.now()).toBeGreaterThan(5 * 60_000);
    expect(emu.state.feeds.size).toBe(10);
  });

  it('lets a test drain a bucket', async () => {
    const emu = await emulator({ rateLimits: {} });
    const tok = await token(emu);
    emu.state.limits.drain('orders');
    expect((await call(emu, 'GET', '/v3/walmartOrders', { token: tok, headers: { 'WM_SVC.NAME': 'svc' } })).status).toBe(429);
  });
});
