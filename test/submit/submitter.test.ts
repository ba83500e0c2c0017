// The submitter sends a few feeds at a time (their retry waits and uploads overlap), writes each one's
// intent before its POST and its feedId after, and sends each feed once.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ledger } from '../../src/submit/ledger.js';
import { makePlan } from '../../src/submit/plan.js';
import type { Candidate } from '../../src/submit/plan.js';
import { DEFAULT_SEND_CONCURRENCY, MAX_SEND_BYTES, Submitter, sendWidth } from '../../src/submit/submitter.js';
import { NO_PAUSE } from '../../src/submit/test-hooks.js';
import { concurrencyGauge, fakeWalmart, sendJson, testClient } from '../walmart/helpers/fake-walmart.js';
import { tempDir } from './helpers.js';

const candidates: Candidate[] = Array.from({ length: 12 }, (_, i) => ({ index: i + 1, key: `MP_ITEM|S${i}`, hash: `h${i}`, bytes: 20, sku: `S${i}` }));

describe('how many feeds go at once', () => {
  it('as many as the hourly quota by default, no more than there are, and few enough large ones to stay within the bytes allowed', () => {
    const feeds = (n: number, bytes: number) => Array.from({ length: n }, () => ({ bytes }));
    expect(sendWidth(feeds(10, 1_000_000), DEFAULT_SEND_CONCURRENCY)).toBe(10);
    expect(sendWidth(feeds(3, 1_000_000), DEFAULT_SEND_CONCURRENCY)).toBe(3);
    expect(sendWidth(feeds(10, 10_000_000), DEFAULT_SEND_CONCURRENCY)).toBe(MAX_SEND_BYTES / 10_000_000);
    expect(sendWidth(feeds(10, MAX_SEND_BYTES * 2), DEFAULT_SEND_CONCURRENCY)).toBe(1);
    expect(sendWidth(feeds(10, 100), 1)).toBe(1);
  });
});

describe('Submitter', () => {
  it('sends up to sendConcurrency feeds at once, each once, each written down before and after', async () => {
    const gauge = concurrencyGauge();
    let n = 0;
    const walmart = await fakeWalmart(async (_req, res) => {
      await gauge.hold(30);
      sendJson(res, 200, { feedId: `F${++n}@A` }, { 'x-current-token-count': '100', 'x-next-replenish-time': String(Date.now() + 60_000) });
    });
    const client = testClient(walmart.url);
    const ledger = Ledger.open(join(tempDir(), 'state'));
    try {
      const plan = makePlan({ feedType: 'MP_ITEM', frameBytes: 40, candidates, ledger: ledger.state.records, mode: 'changed', limits: { maxItems: 2, maxBytes: 1_000_000, feedsPerHour: 100 }, usedThisHour: 0 });
      expect(plan.feeds).toHaveLength(6);
      const submitter = new Submitter({ client, ledger, hooks: NO_PAUSE, feedType: 'MP_ITEM', header: undefined, textOf: (i) => JSON.stringify({ sku: `S${i - 1}` }), log: () => undefined, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), waitForQuota: true, sendConcurrency: 3 });
      const out = await submitter.run(plan);
      expect(out.sent).toHaveLength(6);
      expect(new Set(out.sent).size).toBe(6);
      expect(walmart.apiRequests).toHaveLength(6);
      expect(gauge.most).toBeGreaterThan(1);
      expect(gauge.most).toBeLessThanOrEqual(3);
      expect([...ledger.state.feeds.values()].map((f) => f.state)).toEqual(Array(6).fill('sent'));
      for (const c of candidates) expect(ledger.state.records.get(c.key)?.state).toBe('sent');
    } finally {
      ledger.close();
    }
  });
});
