// Feed submission and processing: the RECEIVED -> INPROGRESS -> PROCESSED lifecycle, item results that
// match catalog-gate's own verdicts, paging, listing, ERROR feeds, 413s, and the checks only Walmart's
// side can make (catalog mismatch, maintenance of unknown SKUs).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock, CATALOG_MISMATCH_CODE, UNKNOWN_SKU_CODE, ingestionCodeFor } from '../../src/emulator/index.js';
import { validate } from '../../src/index.js';
import { EXAMPLES, SAMPLES } from '../helpers/paths.js';
import { call, emulator, submitFeed, token } from './helpers.js';

type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: Array<{ Orderable: Record<string, unknown>; Visible: Record<string, Record<string, unknown>> }> };

const ERRORS_FEED = `${SAMPLES}feeds/clothing-4.3-errors.json`;
const CLEAN_FEED = `${SAMPLES}feeds/clothing-4.3-clean.json`;
const readFeed = (path: string): Feed => JSON.parse(readFileSync(path, 'utf8')) as Feed;

interface ItemDetail {
  sku?: string;
  index: number;
  wpid?: string;
  ingestionStatus: string;
  ingestionErrors?: { ingestionError: Array<{ type: string; code: string; field: string; description: string }> };
}
interface FeedStatusBody {
  feedStatus: string;
  itemsReceived: number;
  itemsSucceeded: number;
  itemsFailed: number;
  itemsProcessing: number;
  offset: number;
  limit: number;
  nextCursor?: string;
  itemDetails?: { itemIngestionStatus: ItemDetail[] };
  ingestionErrors?: { ingestionError: Array<{ code: string; description: string }> };
}

describe('feed lifecycle', () => {
  it('goes RECEIVED -> INPROGRESS -> PROCESSED, with item results matching the engine on clothing-4.3-errors', async () => {
    const clock = new ManualClock();
    const emu = await emulator({ clock, processingMs: 1000 });
    const tok = await token(emu);
    const id = await submitFeed(emu, tok, readFileSync(ERRORS_FEED, 'utf8'));
    const status = async (): Promise<FeedStatusBody> => (await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(id)}?includeDetails=true`, { token: tok })).json as FeedStatusBody;

    const received = await status();
    expect(received).toMatchObject({ feedStatus: 'RECEIVED', itemsReceived: 0, itemsProcessing: 0 });
    expect(received.itemDetails).toBeUndefined();

    clock.advance(500);
    const inProgress = await status();
    expect(inProgress).toMatchObject({ feedStatus: 'INPROGRESS', itemsReceived: 7, itemsSucceeded: 0, itemsFailed: 0, itemsProcessing: 7 });
    expect(inProgress.itemDetails?.itemIngestionStatus.map((i) => i.ingestionStatus)).toEqual(Array(7).fill('INPROGRESS'));

    await emu.state.processor.idle();
    expect((await status()).feedStatus).toBe('INPROGRESS');
    clock.advance(500);
    await emu.state.feeds.settled(id);
    const done = await status();
    expect(done).toMatchObject({ feedStatus: 'PROCESSED', itemsReceived: 7, itemsSucceeded: 1, itemsFailed: 6, itemsProcessing: 0 });

    const engine = await validate(readFeed(ERRORS_FEED), { feedType: 'MP_ITEM' });
    const engineErrors = engine.issues.filter((i) => i.severity === 'error');
    const items = done.itemDetails?.itemIngestionStatus ?? [];
    // Records 2-7 fail, record 1 succeeds: the engine's verdicts, item by item.
    expect(items.map((i) => [i.index + 1, i.ingestionStatus])).toEqual([
      [1, 'SUCCESS'],
      [2, 'DATA_ERROR'],
      [3, 'DATA_ERROR'],
      [4, 'DATA_ERROR'],
      [5, 'DATA_ERROR'],
      [6, 'DATA_ERROR'],
      [7, 'DATA_ERROR'],
    ]);
    expect(new Set(engineErrors.map((i) => i.record))).toEqual(new Set([2, 3, 4, 5, 6, 7]));
    for (const item of items.slice(1)) {
      const expected = engineErrors.filter((i) => i.record === item.index + 1).map((i) => ({ type: 'DATA_ERROR', code: ingestionCodeFor(i.code), field: i.field }));
      expect(item.ingestionErrors?.ingestionError.map(({ type, code, field }) => ({ type, code, field }))).toEqual(expected);
    }
    expect(items[1]?.ingestionErrors?.ingestionError[0]?.description).toContain('Did you mean "Male"?');
    // The warning on record 5 (http image) does not fail it by itself; its missing shortDescription does.
    expect(items[4]?.ingestionErrors?.ingestionError.map((e) => e.field)).toEqual(['shortDescription']);
    expect(items[0]?.wpid).toMatch(/^[0-9A-Z]{12}$/);
  });

  it('pages item details by offset/limit (capped at 50) and by nextCursor', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const id = await submitFeed(emu, tok, readFileSync(ERRORS_FEED, 'utf8'));
    await emu.state.feeds.settled(id);
    const get = async (q: string): Promise<FeedStatusBody> => (await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(id)}?${q}`, { token: tok })).json as FeedStatusBody;

    const page = await get('includeDetails=true&offset=2&limit=3');
    expect(page).toMatchObject({ offset: 2, limit: 3 });
    expect(page.itemDetails?.itemIngestionStatus.map((i) => i.index)).toEqual([2, 3, 4]);
    expect((await get('limit=100')).limit).toBe(50);
    expect((await get('includeDetails=false')).itemDetails).toBeUndefined();

    const seen: number[] = [];
    let q = 'limit=2';
    for (;;) {
      const p = await get(q);
      seen.push(...(p.itemDetails?.itemIngestionStatus ?? []).map((i) => i.index));
      if (p.nextCursor === undefined) break;
      q = `limit=2&nextCursor=${p.nextCursor}`;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const bad = await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(id)}?offset=-1`, { token: tok });
    expect(bad.status).toBe(400);
    const missing = await call(emu, 'GET', '/v3/feeds/NOPE@AAAAAAA', { token: tok });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ error: [{ code: 'CONTENT_NOT_FOUND.GMP_FEED_API', severity: 'INFO', category: 'APPLICATION' }] });
  });

  it('lists feeds newest first with feedId, feedType and feedStatus filters', async () => {
    const emu = await emulator({ processingMs: 0 });
    const tok = await token(emu);
    const a = await submitFeed(emu, tok, readFileSync(CLEAN_FEED, 'utf8'));
    const b = await submitFeed(emu, tok, '{ not json', 'MP_ITEM');
    const c = await submitFeed(emu, tok, JSON.parse(readFileSync(`${EXAMPLES}supplier_omni_online_item_feed.example.json`, 'utf8')), 'OMNI_ONLINE_ITEM', '/v3/feeds/items');
    await Promise.all([a, b, c].map((id) => emu.state.feeds.settled(id)));
    const list = async (q: string): Promise<{ totalResults: number; results: { feed: Array<{ feedId: string; feedStatus: string; feedType: string; feedSource: string }> } }> =>
      (await call(emu, 'GET', `/v3/feeds?${q}`, { token: tok })).json as never;

    expect((await list('')).results.feed.map((f) => f.feedId)).toEqual([c, b, a]);
    expect((await list('feedStatus=ERROR')).results.feed.map((f) => f.feedId)).toEqual([b]);
    expect((await list('feedType=OMNI_ONLINE_ITEM')).results.feed).toMatchObject([{ feedId: c, feedSource: 'SUPPLIER', feedStatus: 'PROCESSED' }]);
    expect((await list(`feedId=${encodeURIComponent(a)}`)).results.feed.map((f) => f.feedId)).toEqual([a]);
    const paged = await list('offset=1&limit=1');
    expect(paged).toMatchObject({ totalResults: 3, offset: 1, limit: 1 });
    expect(paged.results.feed.map((f) => f.feedId)).toEqual([b]);
    expect((await call(emu, 'GET', '/v3/feeds?feedStatus=DONE', { token: tok })).status).toBe(400);
  });
});

describe('feed outcomes', () => {
  it('ends an unparseable file in ERROR with ERR_PDI_0001 and nothing processed', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const id = await submitFeed(emu, tok, '{"MPItemFeedHeader": {"version": "1.3"}, "MPItem": [');
    await emu.state.feeds.settled(id);
    const r = (await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(id)}`, { token: tok })).json as FeedStatusBody;
    expect(r).toMatchObject({ feedStatus: 'ERROR', itemsReceived: 0, itemsSucceeded: 0, itemsFailed: 0 });
    expect(r.ingestionErrors?.ingestionError[0]?.code).toBe('ERR_PDI_0001');
    expect(r.itemDetails).toBeUndefined();
  });

  it('ends a feed whose header is invalid in ERROR (ERR_PDI_0034), publishing nothing', async () => {
    const emu = await emulator({ catalog: 'empty' });
    const tok = await token(emu);
    const feed = readFeed(CLEAN_FEED);
    feed.MPItemFeedHeader.locale = 'fr';
    const id = await submitFeed(emu, tok, feed);
    const settled = await emu.state.feeds.settled(id);
    expect(settled.status).toBe('ERROR');
    expect(settled.itemsReceived).toBe(6);
    expect(settled.feedErrors.map((e) => [e.code, e.field])).toEqual([['ERR_PDI_0034', 'locale']]);
    expect(emu.state.catalog.size).toBe(0);
  });

  it('publishes successful items to the catalog', async () => {
    const emu = await emulator({ catalog: 'empty' });
    const tok = await token(emu);
    const id = await submitFeed(emu, tok, readFileSync(CLEAN_FEED, 'utf8'));
    const feed = await emu.state.feeds.settled(id);
    expect(feed).toMatchObject({ status: 'PROCESSED', itemsSucceeded: 6, itemsFailed: 0 });
    const items = (await call(emu, 'GET', '/v3/items', { token: tok })).json as { totalItems: number; itemResponse: Array<{ sku: string; publishedStatus: string }> };
    expect(items.totalItems).toBe(6);
    const one = await call(emu, 'GET', '/v4/items/00812345100013', { token: tok });
    expect(one.json).toMatchObject({ itemResponse: { sku: 'NT-TEE-BLA-M', gtin: '00812345100013', productName: "North Trail Men's Crew Tee, Black, M", price: { amount: 14.99, currency: 'USD' }, publishedStatus: 'PUBLISHED' } });
    expect(feed.items[0]?.wpid).toBe(emu.state.catalog.bySku('NT-TEE-BLA-M')?.wpid);
  });

  it('rejects a product ID already listed with a very different price or title (ERR_EXT_DATA_0101116)', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const feed = readFeed(CLEAN_FEED);
    const [first, second] = feed.MPItem;
    if (first === undefined || second === undefined) throw new Error('sample feed changed');
    first.Orderable.sku = 'OTHER-SELLER-1';
    first.Orderable.price = 44.99;
    second.Orderable.sku = 'OTHER-SELLER-2';
    second.Orderable.productName = 'Cordless drill driver 20V kit';
    feed.MPItem = [first, second];
    const id = await submitFeed(emu, tok, feed);
    const done = await emu.state.feeds.settled(id);
    expect(done.items.map((i) => [i.ingestionStatus, i.ingestionErrors.map((e) => [e.code, e.field])])).toEqual([
      ['DATA_ERROR', [[CATALOG_MISMATCH_CODE, 'price']]],
      ['DATA_ERROR', [[CATALOG_MISMATCH_CODE, 'productName']]],
    ]);
    expect(emu.state.catalog.bySku('OTHER-SELLER-1')).toBeUndefined();
  });

  it('fails maintenance of SKUs not in the catalog and updates the ones that are', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const feed = JSON.parse(readFileSync(`${EXAMPLES}mp_maintenance_4.8_feed.example.json`, 'utf8')) as Feed;
    const unknown = feed.MPItem[0];
    if (unknown === undefined) throw new Error('example changed');
    const known = structuredClone(unknown);
    known.Orderable.sku = 'NT-TEE-BLA-M';
    known.Orderable.price = 15.49;
    feed.MPItem = [unknown, known];
    const id = await submitFeed(emu, tok, feed, 'MP_MAINTENANCE');
    const done = await emu.state.feeds.settled(id);
    expect(done.items.map((i) => i.ingestionStatus)).toEqual(['DATA_ERROR', 'SUCCESS']);
    expect(done.items[0]?.ingestionErrors[0]).toMatchObject({ type: 'DATA_ERROR', code: UNKNOWN_SKU_CODE, field: 'sku' });
    expect(emu.state.catalog.bySku('NT-TEE-BLA-M')?.price).toBe(15.49);
  });

  it('takes supplier feeds on /v3/feeds/items, as multipart too, checking identifiers where no spec is cached', async () => {
    const emu = await emulator({ catalog: 'empty' });
    const tok = await token(emu);
    const feed = JSON.parse(readFileSync(`${EXAMPLES}supplier_omni_online_item_feed.example.json`, 'utf8')) as { SupplierItem: Array<{ Orderable: Record<string, unknown> }> };
    const copy = structuredClone(feed.SupplierItem[0]);
    if (copy === undefined) throw new Error('example changed');
    copy.Orderable.productId = '06248911077086';
    feed.SupplierItem.push(copy);
    const form = new FormData();
    form.append('file', new Blob([JSON.stringify(feed)], { type: 'application/json' }), 'supplier-items.json');
    const r = await call(emu, 'POST', '/v3/feeds/items?feedType=OMNI_ONLINE_ITEM', { token: tok, body: form });
    expect(r.status).toBe(200);
    const id = (r.json as { feedId: string }).feedId;
    const done = await emu.state.feeds.settled(id);
    expect(done).toMatchObject({ status: 'PROCESSED', fileName: 'supplier-items.json', feedType: 'OMNI_ONLINE_ITEM', source: 'supplier' });
    const n = feed.SupplierItem.length;
    expect(done.items.map((i) => i.ingestionStatus)).toEqual([...Array<string>(n - 1).fill('SUCCESS'), 'DATA_ERROR']);
    expect(done.items[n - 1]?.ingestionErrors[0]).toMatchObject({ field: 'productId', code: ingestionCodeFor('gtin.check_digit') });
  });

  it('answers bad submissions with 400s and oversized ones with 413s', async () => {
    const emu = await emulator({ maxFeedItems: 3, maxFeedBytes: 20_000 });
    const tok = await token(emu);
    const body = readFileSync(CLEAN_FEED, 'utf8');
    const post = (path: string, b: string): ReturnType<typeof call> => call(emu, 'POST', path, { token: tok, contentType: 'application/json', body: b });
    expect((await post('/v3/feeds', body)).json).toMatchObject({ error: [{ code: 'MISSING_REQUEST_PARAM.GMP_FEED_API', field: 'feedType' }] });
    expect((await post('/v3/feeds?feedType=inventory', body)).status).toBe(400);
    expect((await post('/v3/feeds/items?feedType=MP_ITEM_X', body)).status).toBe(400);
    expect((await post('/v3/feeds?feedType=MP_ITEM', '')).status).toBe(400);
    const tooMany = await post('/v3/feeds?feedType=MP_ITEM', body);
    expect(tooMany.status).toBe(413);
    expect(tooMany.json).toMatchObject({ error: [{ code: 'REQUEST_ENTITY_TOO_LARGE.GMP_FEED_API' }] });
    const big = await post('/v3/feeds?feedType=MP_ITEM', JSON.stringify({ MPItem: [{ pad: 'x'.repeat(100_000) }] }));
    expect(big.status).toBe(413);
    expect(emu.state.feeds.size).toBe(0);
  });
});
