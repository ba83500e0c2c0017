// The endpoint functions over a real loopback server: Get Spec (20 product types per request, chunked; a 207
// keeps the good types and reports the bad), taxonomy, feed submission (marketplace multipart to /v3/feeds,
// supplier item setup to /v3/feeds/items), feed status on the reference examples, and pagination that walks
// every page (nextCursor for items and orders, offset/limit for feed lists and feed item details).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { productTypeNamedIn } from '../../src/walmart/endpoints/spec.js';
import {
  getFeedStatus,
  getSpec,
  getTaxonomy,
  iterateFeedItems,
  iterateFeeds,
  iterateItems,
  iterateOrders,
  listFeeds,
  FeedItemsReader,
  MAX_PRODUCT_TYPES_PER_SPEC_REQUEST,
  readFeedItems,
  submitFeed,
  WalmartError,
  WalmartResponseError,
} from '../../src/walmart/index.js';
import { EXAMPLES, readJson } from '../helpers/paths.js';
import { concurrencyGauge, fakeWalmart, sendJson, testClient } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';

const schemaFor = (pts: string[]) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: Object.fromEntries(pts.map((p) => [p, { type: 'object' }])),
});

const receipt = readJson(`${EXAMPLES}post_feeds_200_response.example.json`);
const itemStatus = readJson(`${EXAMPLES}get_feed_item_status_200.example.json`);
const allStatuses = readJson(`${EXAMPLES}get_all_feed_statuses_200.example.json`);

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('getSpec', () => {
  it('a 207 keeps the valid product types and reports the invalid ones', async () => {
    const walmart = await fakeWalmart((req, res) => {
      const body = JSON.parse(req.body.toString()) as { productTypes: string[] };
      sendJson(res, 207, { ...schemaFor(['Shirts']), errors: body.productTypes.filter((p) => p !== 'Shirts').map((p) => `${p} is not a valid PT for OMNI_OWNED_ITEM/5.0.20250828-17_32_59`) });
    });
    const client = testClient(walmart.url, { config: { svcName: 'supplier' } });
    const result = await getSpec(client, { feedType: 'OMNI_OWNED_ITEM', version: '5.0.20250828-17_32_59-api', productTypes: ['Shirts', 'Carrot'] });
    expect(result.accepted).toEqual(['Shirts']);
    expect(result.rejected).toEqual([{ productType: 'Carrot', message: 'Carrot is not a valid PT for OMNI_OWNED_ITEM/5.0.20250828-17_32_59' }]);
    expect(result.otherErrors).toEqual([]);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.status).toBe(207);
    expect(JSON.parse(result.parts[0]!.text)).toMatchObject({ properties: { Shirts: { type: 'object' } } });
    const [req] = walmart.apiRequests;
    expect(req?.method).toBe('POST');
    expect(req?.pathname).toBe('/v3/items/spec');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['wm_svc.name']).toBe('supplier');
    expect(JSON.parse(req!.body.toString())).toEqual({ feedType: 'OMNI_OWNED_ITEM', version: '5.0.20250828-17_32_59-api', productTypes: ['Shirts', 'Carrot'] });
  });

  it('sends more than 20 product types as chunks of at most 20, in order, without duplicates', async () => {
    const walmart = await fakeWalmart((req, res) => sendJson(res, 200, schemaFor((JSON.parse(req.body.toString()) as { productTypes: string[] }).productTypes)));
    const client = testClient(walmart.url);
    const pts = Array.from({ length: 45 }, (_, i) => `PT${i}`);
    const result = await getSpec(client, { feedType: 'MP_ITEM', version: '5.0', productTypes: [...pts, 'PT3'] });
    const sent = walmart.apiRequests.map((r) => (JSON.parse(r.body.toString()) as { productTypes: string[] }).productTypes);
    expect(sent.map((s) => s.length)).toEqual([20, 20, 5]);
    expect(sent.flat()).toEqual(pts);
    expect(MAX_PRODUCT_TYPES_PER_SPEC_REQUEST).toBe(20);
    expect(result.accepted).toEqual(pts);
    expect(result.parts.map((p) => p.productTypes.length)).toEqual([20, 20, 5]);
  });

  it('matches an error to the product type it names as a whole word', () => {
    expect(productTypeNamedIn('T-Shirts is not a valid PT', ['Shirts', 'T-Shirts'])).toBe('T-Shirts');
    expect(productTypeNamedIn('Invalid productType "Shirts"', ['Shirts', 'T-Shirts'])).toBe('Shirts');
    expect(productTypeNamedIn('Something else went wrong', ['Shirts'])).toBeUndefined();
  });

  it('needs at least one product type', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, {}));
    await expect(getSpec(testClient(walmart.url), { feedType: 'MP_ITEM', version: '5.0', productTypes: [' '] })).rejects.toBeInstanceOf(UsageError);
    expect(walmart.apiRequests).toHaveLength(0);
  });

  it('getTaxonomy passes the version', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemTaxonomy: { category: 'Beauty' }, status: 'SUCCESS' }));
    await expect(getTaxonomy(testClient(walmart.url), { version: '5.0.20250828-17_32_59' })).resolves.toMatchObject({ status: 'SUCCESS' });
    expect(walmart.apiRequests[0]?.url).toBe('/v3/items/taxonomy?version=5.0.20250828-17_32_59');
  });
});

describe('submitFeed', () => {
  it('marketplace: POST /v3/feeds?feedType=MP_ITEM as multipart with a `file` part', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, receipt));
    const feed = readFileSync(`${EXAMPLES}mp_item_4.8_feed.example.json`, 'utf8');
    const result = await submitFeed(testClient(walmart.url), { feedType: 'MP_ITEM', body: feed, fileName: 'items.json' });
    expect(result).toMatchObject({ feedId: 'F129C19240844B97A3C6AD8F1A2C4997@AU8BAQA', route: 'POST /v3/feeds' });
    const [req] = walmart.apiRequests;
    expect(req?.url).toBe('/v3/feeds?feedType=MP_ITEM');
    const type = String(req?.headers['content-type']);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const boundary = type.split('boundary=')[1]!;
    const body = req!.body.toString();
    expect(body.startsWith(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="items.json"\r\nContent-Type: application/json\r\n\r\n`)).toBe(true);
    expect(body).toContain(feed);
    expect(body.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    expect(result.correlationId).toBe(req?.headers['wm_qos.correlation_id']);
  });

  it('supplier: OMNI_ONLINE_ITEM goes to POST /v3/feeds/items, here as a JSON body', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { feedId: '2D4DB32BC1174C7491720C9EBEB56163@AQMBAAA' }));
    const feed = readJson(`${EXAMPLES}supplier_omni_online_item_feed.example.json`);
    const client = testClient(walmart.url, { config: { svcName: 'supplier' } });
    await expect(submitFeed(client, { feedType: 'OMNI_ONLINE_ITEM', body: feed as object, multipart: false })).resolves.toMatchObject({
      feedId: '2D4DB32BC1174C7491720C9EBEB56163@AQMBAAA',
      route: 'POST /v3/feeds/items',
    });
    const [req] = walmart.apiRequests;
    expect(req?.url).toBe('/v3/feeds/items?feedType=OMNI_ONLINE_ITEM');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body.toString())).toEqual(feed);
  });

  it('a receipt without feedId is WALMART_BAD_RESPONSE', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { ok: true }));
    await expect(submitFeed(testClient(walmart.url), { feedType: 'MP_ITEM', body: '{}' })).rejects.toMatchObject({ code: 'WALMART_BAD_RESPONSE' });
  });
});

describe('feed status', () => {
  it('parses the reference feed item status and keeps the @ of the feed ID in the path', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, itemStatus));
    const status = await getFeedStatus(testClient(walmart.url), 'F129C19240844B97A3C6AD8F1A2C4997@AU8BAQA', { includeDetails: true });
    expect(status).toMatchObject({ feedStatus: 'PROCESSED', itemsReceived: 1, itemsProcessing: 0 });
    expect(status.itemDetails?.itemIngestionStatus?.[0]).toMatchObject({ wpid: '71ZLHHMKNS6G', ingestionStatus: 'SUCCESS' });
    expect(walmart.apiRequests[0]?.url).toBe('/v3/feeds/F129C19240844B97A3C6AD8F1A2C4997@AU8BAQA?includeDetails=true');
  });

  it('parses the reference list of all feed statuses', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, allStatuses));
    const page = await listFeeds(testClient(walmart.url), { feedStatus: 'PROCESSED' });
    expect(page.totalResults).toBe(115);
    expect(page.results?.feed?.length).toBeGreaterThan(3);
    expect(walmart.apiRequests[0]?.url).toBe('/v3/feeds?feedStatus=PROCESSED');
  });
});

describe('pagination', () => {
  it('items: follows nextCursor until there is none', async () => {
    const pages: Record<string, { skus: string[]; next?: string }> = {
      '': { skus: ['A', 'B', 'C'], next: 'c1' },
      c1: { skus: ['D', 'E', 'F'], next: 'c2' },
      c2: { skus: ['G'] },
    };
    const walmart = await fakeWalmart((req, res) => {
      const page = pages[req.query.get('nextCursor') ?? '']!;
      sendJson(res, 200, { itemResponse: page.skus.map((sku) => ({ sku })), totalItems: 7, ...(page.next === undefined ? {} : { nextCursor: page.next }) });
    });
    const items = await collect(iterateItems(testClient(walmart.url), { publishedStatus: 'PUBLISHED' }));
    expect(items.map((i) => i.sku)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
    expect(walmart.apiRequests.map((r) => r.url)).toEqual([
      '/v3/items?publishedStatus=PUBLISHED',
      '/v3/items?publishedStatus=PUBLISHED&nextCursor=c1',
      '/v3/items?publishedStatus=PUBLISHED&nextCursor=c2',
    ]);
  });

  it('orders: follows purchaseOrdersListMeta.nextCursor, and a marketplace "?..." cursor as a whole query', async () => {
    const walmart = await fakeWalmart((req, res) => {
      if (req.query.get('nextCursor') === null && req.query.get('soIndex') === null) {
        sendJson(res, 200, { purchaseOrdersListMeta: { totalCount: 3, limit: 2, nextCursor: 'n1' }, purchaseOrders: [{ id: 1 }, { id: 2 }] });
      } else if (req.query.get('nextCursor') === 'n1') {
        sendJson(res, 200, { list: { meta: { nextCursor: '?limit=2&soIndex=3&hasMoreElements=true' }, elements: { order: [{ id: 3 }] } } });
      } else {
        sendJson(res, 200, { list: { meta: {}, elements: { order: [{ id: 4 }] } } });
      }
    });
    const orders = await collect(iterateOrders(testClient(walmart.url), { createdAfter: '2024-01-01T00:00:00Z', limit: 2 }));
    expect(orders).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]);
    expect(walmart.apiRequests.map((r) => r.url)).toEqual([
      '/v3/walmartOrders?createdAfter=2024-01-01T00%3A00%3A00Z&limit=2',
      '/v3/walmartOrders?createdAfter=2024-01-01T00%3A00%3A00Z&limit=2&nextCursor=n1',
      '/v3/walmartOrders?limit=2&soIndex=3&hasMoreElements=true',
    ]);
  });

  it('feed list: offset/limit until totalResults', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ feedId: `F${i}`, feedStatus: 'PROCESSED' }));
    const walmart = await fakeWalmart((req, res) => {
      const offset = Number(req.query.get('offset'));
      const limit = Number(req.query.get('limit'));
      sendJson(res, 200, { totalResults: 5, offset, limit, results: { feed: all.slice(offset, offset + limit) } });
    });
    const feeds = await collect(iterateFeeds(testClient(walmart.url), { feedType: 'MP_ITEM', limit: 2 }));
    expect(feeds.map((f) => f.feedId)).toEqual(['F0', 'F1', 'F2', 'F3', 'F4']);
    expect(walmart.apiRequests.map((r) => [r.query.get('offset'), r.query.get('limit'), r.query.get('feedType')])).toEqual([
      ['0', '2', 'MP_ITEM'],
      ['2', '2', 'MP_ITEM'],
      ['4', '2', 'MP_ITEM'],
    ]);
  });

  it('feed item details: offset/limit until itemsReceived', async () => {
    const walmart = await fakeWalmart((req, res) => {
      const offset = Number(req.query.get('offset'));
      const items = Array.from({ length: Math.min(3, 7 - offset) }, (_, i) => ({ sku: `S${offset + i}`, ingestionStatus: 'SUCCESS' }));
      sendJson(res, 200, { feedId: 'F@A', feedStatus: 'PROCESSED', itemsReceived: 7, offset, limit: 3, itemDetails: { itemIngestionStatus: items } });
    });
    const items = await collect(iterateFeedItems(testClient(walmart.url), 'F@A', { limit: 3 }));
    expect(items.map((i) => i.sku)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
    expect(walmart.apiRequests.map((r) => r.url)).toEqual([
      '/v3/feeds/F@A?includeDetails=true&offset=0&limit=3',
      '/v3/feeds/F@A?includeDetails=true&offset=3&limit=3',
      '/v3/feeds/F@A?includeDetails=true&offset=6&limit=3',
    ]);
  });

  it('feed item details: prefers nextCursor when Walmart sends one', async () => {
    const walmart = await fakeWalmart((req, res) => {
      const cursor = req.query.get('nextCursor');
      sendJson(res, 200, {
        feedId: 'F',
        itemsReceived: 1000,
        itemDetails: { itemIngestionStatus: [{ sku: cursor ?? 'first' }] },
        ...(cursor === null ? { nextCursor: 'AoE9MDAw' } : {}),
      });
    });
    const items = await collect(iterateFeedItems(testClient(walmart.url), 'F'));
    expect(items.map((i) => i.sku)).toEqual(['first', 'AoE9MDAw']);
    expect(walmart.apiRequests[1]?.url).toBe('/v3/feeds/F?includeDetails=true&nextCursor=AoE9MDAw&limit=50');
  });

  it('feed item details of a feed under 1,000 records: every page by offset, several at once, in order', async () => {
    const gauge = concurrencyGauge();
    const walmart = await fakeWalmart(async (req, res) => {
      await gauge.hold(20);
      const offset = Number(req.query.get('offset'));
      const items = Array.from({ length: Math.min(50, 420 - offset) }, (_, i) => ({ sku: `S${offset + i}`, ingestionStatus: 'SUCCESS' }));
      sendJson(res, 200, { feedId: 'F@A', feedStatus: 'PROCESSED', itemsReceived: 420, itemDetails: { itemIngestionStatus: items } });
    });
    const items = await readFeedItems(testClient(walmart.url), 'F@A', 420, { concurrency: 4 });
    expect(items.map((i) => i.sku)).toEqual(Array.from({ length: 420 }, (_, i) => `S${i}`));
    expect(walmart.apiRequests.map((r) => r.url).sort()).toEqual(Array.from({ length: 9 }, (_, p) => `/v3/feeds/F@A?includeDetails=true&offset=${p * 50}&limit=50`).sort());
    expect(gauge.most).toBeGreaterThan(1);
    expect(gauge.most).toBeLessThanOrEqual(4);
  });

  it('feed item details of a feed of 1,000 records or more: by cursor, never by offset (Walmart deprecates offsets there)', async () => {
    const walmart = await fakeWalmart((req, res) => {
      const cursor = req.query.get('nextCursor');
      sendJson(res, 200, { feedId: 'F', itemsReceived: 1000, itemDetails: { itemIngestionStatus: [{ sku: cursor ?? 'first' }] }, ...(cursor === null ? { nextCursor: 'C2' } : {}) });
    });
    const items = await readFeedItems(testClient(walmart.url), 'F', 1000);
    expect(items.map((i) => i.sku)).toEqual(['first', 'C2']);
    expect(walmart.apiRequests.every((r) => !(r.url ?? '').includes('offset=') || (r.url ?? '').includes('offset=0'))).toBe(true);
    expect(walmart.apiRequests[1]?.url).toBe('/v3/feeds/F?includeDetails=true&nextCursor=C2&limit=50');
  });

  it('feed item details: offset pages that do not add up to itemsReceived give way to the cursor walk', async () => {
    const walmart = await fakeWalmart((req, res) => {
      const cursor = req.query.get('nextCursor');
      const offset = Number(req.query.get('offset') ?? '0');
      // A server that ignores offsets past the first page: the offset pages come up short, the cursor walk does not.
      const start = cursor === null ? offset : Number(cursor);
      const items = cursor === null && offset > 0 ? [] : Array.from({ length: Math.min(50, 100 - start) }, (_, i) => ({ sku: `S${start + i}`, ingestionStatus: 'SUCCESS' }));
      const next = start + 50 < 100 ? { nextCursor: String(start + 50) } : {};
      sendJson(res, 200, { feedId: 'F', itemsReceived: 100, itemDetails: { itemIngestionStatus: items }, ...next });
    });
    const items = await readFeedItems(testClient(walmart.url), 'F', 100);
    expect(items.map((i) => i.sku)).toEqual(Array.from({ length: 100 }, (_, i) => `S${i}`));
  });

  it('feed item details by cursor: a page that fails after every retry is read again from where the walk stopped, not from the first page', async () => {
    let failing = true;
    const walmart = await fakeWalmart((req, res) => {
      const start = Number(req.query.get('nextCursor') ?? '0');
      if (start === 100 && failing) return sendJson(res, 400, { error: [{ code: 'INVALID_REQUEST', category: 'REQUEST' }] });
      const items = Array.from({ length: 50 }, (_, i) => ({ sku: `S${start + i}`, ingestionStatus: 'SUCCESS' }));
      sendJson(res, 200, { feedId: 'F', itemsReceived: 1_000, itemDetails: { itemIngestionStatus: items }, ...(start + 50 < 200 ? { nextCursor: String(start + 50) } : {}) });
    });
    const reader = new FeedItemsReader(testClient(walmart.url), 'F', 1_000);
    // A 400 on the first walk is Walmart refusing the request: it surfaces, and nothing is restarted.
    await expect(reader.read()).rejects.toBeInstanceOf(WalmartError);
    expect(walmart.apiRequests).toHaveLength(3);
    failing = false;
    const items = await reader.read();
    expect(items.map((i) => i.sku)).toEqual(Array.from({ length: 200 }, (_, i) => `S${i}`));
    expect(walmart.apiRequests.slice(3).map((r) => r.query.get('nextCursor'))).toEqual(['100', '150']);
  });

  it('feed item details by cursor: a kept cursor Walmart no longer takes starts the walk over, once', async () => {
    let expired = false;
    const walmart = await fakeWalmart((req, res) => {
      const cursor = req.query.get('nextCursor');
      if (cursor === 'old-50') {
        if (!expired) return sendJson(res, 503, { error: [{ code: 'SYSTEM_ERROR', category: 'SYSTEM' }] });
        return sendJson(res, 400, { error: [{ code: 'INVALID_CURSOR', category: 'REQUEST' }] });
      }
      const start = cursor === null ? 0 : Number(cursor.slice(4));
      const items = Array.from({ length: 50 }, (_, i) => ({ sku: `S${start + i}` }));
      const prefix = expired ? 'new-' : 'old-';
      sendJson(res, 200, { feedId: 'F', itemsReceived: 1_000, itemDetails: { itemIngestionStatus: items }, ...(start === 0 ? { nextCursor: `${prefix}50` } : {}) });
    });
    const reader = new FeedItemsReader(testClient(walmart.url, { clock: new ManualClock() }), 'F', 1_000);
    await expect(reader.read()).rejects.toMatchObject({ transient: true });
    expired = true;
    expect((await reader.read()).map((i) => i.sku)).toEqual(Array.from({ length: 100 }, (_, i) => `S${i}`));
  });

  it('feed item details by offset: a failed page is the only one read again', async () => {
    let failing = true;
    const walmart = await fakeWalmart((req, res) => {
      const offset = Number(req.query.get('offset'));
      if (offset === 100 && failing) return sendJson(res, 503, { error: [{ code: 'SYSTEM_ERROR', category: 'SYSTEM' }] });
      const items = Array.from({ length: 50 }, (_, i) => ({ sku: `S${offset + i}`, ingestionStatus: 'SUCCESS' }));
      sendJson(res, 200, { feedId: 'F', itemsReceived: 200, itemDetails: { itemIngestionStatus: items } });
    });
    const reader = new FeedItemsReader(testClient(walmart.url, { clock: new ManualClock() }), 'F', 200, { concurrency: 1 });
    await expect(reader.read()).rejects.toMatchObject({ transient: true });
    const before = walmart.apiRequests.length;
    failing = false;
    expect((await reader.read()).map((i) => i.sku)).toEqual(Array.from({ length: 200 }, (_, i) => `S${i}`));
    expect(walmart.apiRequests.slice(before).map((r) => r.query.get('offset'))).toEqual(['100', '150']);
  });

  it('stops with an error instead of looping on a repeated cursor', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [{ sku: 'A' }], nextCursor: 'same' }));
    await expect(collect(iterateItems(testClient(walmart.url)))).rejects.toBeInstanceOf(WalmartResponseError);
    expect(walmart.apiRequests).toHaveLength(2);
  });
});
