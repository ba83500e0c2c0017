// Regression: a status poll that still fails after the client's retries must not end the follow (it
// ended a 10,000-record run with exit 2 under 429/503 faults); the feed is asked about again next poll.
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { follow } from '../../src/submit/follow.js';
import { Ledger } from '../../src/submit/ledger.js';
import { NO_PAUSE } from '../../src/submit/test-hooks.js';
import { DEFAULT_RETRY_OPTIONS, WalmartClient, resolveConfig, submitFeed } from '../../src/walmart/index.js';
import { fakeWalmart, sendJson, testClient } from '../walmart/helpers/fake-walmart.js';
import { tempDir } from './helpers.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('follow under faults', () => {
  it('asks again at the next poll when a status call fails after every retry', async () => {
    const emu = await startEmulator({ processingMs: 20, rateLimits: false, catalog: 'empty' });
    running.push(emu);
    const client = new WalmartClient(resolveConfig({ baseUrl: emu.url, clientId: 'id', clientSecret: 'secret' }), { retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const ledger = Ledger.open(join(tempDir(), 'state'));
    try {
      const body = { MPItemFeedHeader: { version: '1.3' }, MPItem: [{ Orderable: { sku: 'A' } }] };
      const { feedId } = await submitFeed(client, { feedType: 'MP_ITEM', body, fileName: 'f.json' });
      ledger.write({ t: 'intent', feed: 'f.json', feedType: 'MP_ITEM', at: 1, records: [{ k: 'MP_ITEM|A', h: 'h', n: 1, sku: 'A' }] }, { t: 'sent', feed: 'f.json', feedId, at: 2 });
      // As many 503s as a read gets attempts: the poll fails after every retry.
      emu.state.faults.inject('503', { times: DEFAULT_RETRY_OPTIONS.idempotentMaxAttempts, path: `/v3/feeds/${feedId}` });
      const lines: string[] = [];
      const open = await follow({ client, ledger, hooks: NO_PAUSE, schedule: [30], sleep: (ms) => new Promise((r) => setTimeout(r, ms)), log: (l) => lines.push(l) });
      expect(open).toEqual([]);
      expect(lines.some((l) => /Asking again at the next poll/.test(l))).toBe(true);
      expect(ledger.state.feeds.get('f.json')?.state).toBe('done');
      expect(ledger.state.records.get('MP_ITEM|A')?.state).toBe('failed');
    } finally {
      ledger.close();
      await client.close();
    }
  });

  it('a page of item details that fails after every retry is read again at the next poll from that page, not from the first', async () => {
    let failures = DEFAULT_RETRY_OPTIONS.idempotentMaxAttempts;
    const walmart = await fakeWalmart((req, res) => {
      if (req.query.get('includeDetails') === 'false') return sendJson(res, 200, { feedId: 'F@A', feedStatus: 'PROCESSED', itemsReceived: 1_000, itemsProcessing: 0 });
      const start = Number(req.query.get('nextCursor') ?? '0');
      if (start === 500 && failures-- > 0) return sendJson(res, 503, { error: [{ code: 'SYSTEM_ERROR', category: 'SYSTEM' }] });
      const items = Array.from({ length: 50 }, (_, i) => ({ sku: `S${start + i}`, ingestionStatus: 'SUCCESS' }));
      sendJson(res, 200, { feedId: 'F@A', feedStatus: 'PROCESSED', itemsReceived: 1_000, itemDetails: { itemIngestionStatus: items }, ...(start + 50 < 1_000 ? { nextCursor: String(start + 50) } : {}) });
    });
    const client = testClient(walmart.url, { retry: { baseDelayMs: 1, maxDelayMs: 2 } });
    const ledger = Ledger.open(join(tempDir(), 'state'));
    try {
      const records = Array.from({ length: 1_000 }, (_, i) => ({ k: `MP_ITEM|S${i}`, h: 'h', n: i + 1, sku: `S${i}` }));
      ledger.write({ t: 'intent', feed: 'f.json', feedType: 'MP_ITEM', at: 1, records }, { t: 'sent', feed: 'f.json', feedId: 'F@A', at: 2 });
      const lines: string[] = [];
      const open = await follow({ client, ledger, hooks: NO_PAUSE, schedule: [5], sleep: (ms) => delay(ms), log: (l) => lines.push(l) });
      expect(open).toEqual([]);
      expect(lines.some((l) => /Asking again at the next poll/.test(l))).toBe(true);
      expect(ledger.state.records.get('MP_ITEM|S999')?.state).toBe('succeeded');
      // 20 pages read once each, the failing one 7 times and once more: no page before it was read twice.
      const pages = walmart.apiRequests.filter((r) => r.query.get('includeDetails') === 'true').map((r) => r.query.get('nextCursor') ?? '0');
      expect(pages.filter((p) => p !== '500')).toEqual(Array.from({ length: 19 }, (_, i) => String(i < 10 ? i * 50 : (i + 1) * 50)));
      expect(pages.filter((p) => p === '500')).toHaveLength(DEFAULT_RETRY_OPTIONS.idempotentMaxAttempts + 1);
    } finally {
      ledger.close();
    }
  });

  it('a feed that cannot be followed ends the follow at once, not after the other feeds\' next polls', async () => {
    const emu = await startEmulator({ processingMs: 600_000, rateLimits: false, catalog: 'empty' });
    running.push(emu);
    const client = new WalmartClient(resolveConfig({ baseUrl: emu.url, clientId: 'id', clientSecret: 'secret' }));
    const ledger = Ledger.open(join(tempDir(), 'state'));
    try {
      const body = { MPItemFeedHeader: { version: '1.3' }, MPItem: [{ Orderable: { sku: 'A' } }] };
      const { feedId } = await submitFeed(client, { feedType: 'MP_ITEM', body, fileName: 'a.json' });
      ledger.write(
        { t: 'intent', feed: 'a.json', feedType: 'MP_ITEM', at: 1, records: [{ k: 'MP_ITEM|A', h: 'h', n: 1, sku: 'A' }] },
        { t: 'sent', feed: 'a.json', feedId, at: 2 },
        { t: 'intent', feed: 'b.json', feedType: 'MP_ITEM', at: 3, records: [{ k: 'MP_ITEM|B', h: 'h', n: 2, sku: 'B' }] },
        // An ID Walmart does not know: a 404, which no poll later will cure.
        { t: 'sent', feed: 'b.json', feedId: 'NO-SUCH-FEED@AQ', at: 4 },
      );
      const t0 = Date.now();
      // Feed a stays in processing; its second poll would be a minute away.
      const waits: AbortSignal[] = [];
      const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
        if (signal !== undefined) waits.push(signal);
        return delay(ms, undefined, signal === undefined ? undefined : { signal });
      };
      const outcome = await follow({ client, ledger, hooks: NO_PAUSE, schedule: [20, 60_000], sleep, log: () => undefined }).catch((e: unknown) => e);
      expect(outcome).toMatchObject({ code: 'WALMART_NOT_FOUND' });
      expect(Date.now() - t0).toBeLessThan(30_000);
      // Feed a's minute-long wait was cut short: no timer is left to hold the process open.
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((s) => s.aborted)).toBe(true);
    } finally {
      ledger.close();
      await client.close();
    }
  });
});
