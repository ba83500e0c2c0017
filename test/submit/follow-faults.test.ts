// Regression: a status poll that still fails after the client's retries must not end the follow (it
// ended a 10,000-record run with exit 2 under 429/503 faults); the feed is asked about again next poll.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator } from '../../src/emulator/index.js';
import { follow } from '../../src/submit/follow.js';
import { Ledger } from '../../src/submit/ledger.js';
import { NO_PAUSE } from '../../src/submit/test-hooks.js';
import { WalmartClient, resolveConfig, submitFeed } from '../../src/walmart/index.js';
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
      emu.state.faults.inject('503', { times: 5, path: `/v3/feeds/${feedId}` });
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
});
