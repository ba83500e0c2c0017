// The client against the real emulator over loopback, with the faults of a bad day: 429s, 503s,
// connection resets and a short token lifetime. Every call ends well, nothing leaks the secret.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { WalmartClient, getFeedStatus, getSpec, iterateOrders, resolveConfig, submitFeed } from '../../src/walmart/index.js';
import type { WalmartEvent } from '../../src/walmart/events.js';

const SECRET = 'emulator-test-secret-9f2c';

describe('client × emulator under faults', () => {
  it('recovers from 429/503/reset and token expiry; data errors are not retried; the secret never shows', async () => {
    const emu = await startEmulator({ faults: '429=0.2,503=0.1,reset=0.05', seed: 11, tokenTtlSeconds: 2, processingMs: 0, rateLimits: false });
    const events: WalmartEvent[] = [];
    const client = new WalmartClient(resolveConfig({ baseUrl: emu.url, clientId: 'cg-test', clientSecret: SECRET, svcName: 'catalog-gate-test' }), {
      retry: { baseDelayMs: 5, maxDelayMs: 50, maxAttempts: 8 },
      logger: (e) => events.push(e),
    });
    try {
      const spec = await getSpec(client, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing', 'Cell Phones', 'Not A Type'] });
      expect([...spec.accepted].sort()).toEqual(['Cell Phones', 'Clothing']);
      expect(spec.rejected.map((r) => r.productType)).toEqual(['Not A Type']);

      // A feed POST is never retried once it may have been sent (the submitter looks it up instead), so the
      // feed to poll is made on a fault-free emulator.
      const emuNoFaults = await startEmulator({ processingMs: 0, rateLimits: false });
      const c2 = new WalmartClient(resolveConfig({ baseUrl: emuNoFaults.url, clientId: 'cg-test', clientSecret: SECRET }), { retry: { baseDelayMs: 5, maxDelayMs: 50 } });
      const { feedId } = await submitFeed(c2, { feedType: 'MP_ITEM', body: JSON.stringify({ MPItemFeedHeader: { version: '1.3' }, MPItem: [] }) });

      // Many status polls through the faulty emulator all succeed; an unknown feed is a data error, tried once.
      const statuses = await Promise.all(Array.from({ length: 40 }, () => getFeedStatus(client, 'NOPE-' + feedId).then(() => 'ok', (e: unknown) => (e as { code?: string }).code)));
      expect(new Set(statuses)).toEqual(new Set(['WALMART_NOT_FOUND']));
      await new Promise((r) => setTimeout(r, 2100)); // outlive the 2 s token
      let orders = 0;
      for await (const _ of iterateOrders(client, { limit: 5 })) orders++;
      expect(orders).toBeGreaterThan(0);
      const retries = events.filter((e) => e.type === 'retry');
      expect(retries.length).toBeGreaterThan(5);
      const all = JSON.stringify(events) + JSON.stringify(client);
      expect(all).not.toContain(SECRET);
      await c2.close();
      await emuNoFaults.close();
    } finally {
      await client.close();
      await emu.close();
    }
  }, 60_000);
});
