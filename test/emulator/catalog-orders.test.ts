// Catalog (GET /v3/items, GET /v4/items/{productId}) and orders (GET /v3/walmartOrders[/{id}]): cursors,
// filters, lookups by each product ID type, and Walmart's 404 envelope.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { EXAMPLES, readJson } from '../helpers/paths.js';
import { call, emulator, token } from './helpers.js';

interface ItemsPage {
  itemResponse: Array<{ sku: string; gtin?: string; upc?: string; publishedStatus: string; price?: { amount: number; currency: string } }>;
  totalItems: number;
  nextCursor?: string;
}

describe('GET /v3/items', () => {
  it('pages the catalog with nextCursor and filters by sku and publishedStatus', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const skus: string[] = [];
    let cursor = '*';
    for (let guard = 0; guard < 10; guard++) {
      const page = (await call(emu, 'GET', `/v3/items?limit=5&nextCursor=${cursor}`, { token: tok })).json as ItemsPage;
      expect(page.totalItems).toBe(14);
      skus.push(...page.itemResponse.map((i) => i.sku));
      if (page.nextCursor === undefined) break;
      cursor = page.nextCursor;
    }
    expect(skus).toHaveLength(14);
    expect([...skus].sort()).toEqual(skus);
    const one = (await call(emu, 'GET', '/v3/items?sku=NT-TEE-BLA-M', { token: tok })).json as ItemsPage;
    expect(one.itemResponse).toMatchObject([{ sku: 'NT-TEE-BLA-M', gtin: '00812345100013', upc: '812345100013', price: { amount: 14.99, currency: 'USD' }, publishedStatus: 'PUBLISHED' }]);
    emu.state.catalog.setStatus('NT-TEE-BLA-M', 'UNPUBLISHED');
    const unpublished = (await call(emu, 'GET', '/v3/items?publishedStatus=UNPUBLISHED', { token: tok })).json as ItemsPage;
    expect(unpublished.itemResponse.map((i) => i.sku)).toEqual(['NT-TEE-BLA-M']);
    expect((await call(emu, 'GET', '/v3/items?sku=NOPE', { token: tok })).status).toBe(404);
    expect((await call(emu, 'GET', '/v3/items?nextCursor=garbage', { token: tok })).status).toBe(400);
  });
});

describe('GET /v4/items/{productId}', () => {
  it('finds an item by GTIN (any length), SKU, UPC or item ID', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const get = async (path: string): Promise<{ status: number; json: unknown }> => call(emu, 'GET', path, { token: tok });
    const item = emu.state.catalog.bySku('NT-TEE-BLA-M');
    for (const path of ['/v4/items/00812345100013', '/v4/items/812345100013', '/v4/items/NT-TEE-BLA-M?productIdType=SKU', '/v4/items/812345100013?productIdType=UPC', `/v4/items/${item?.itemId ?? ''}?productIdType=ITEM_ID`]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.json).toMatchObject({ itemResponse: { sku: 'NT-TEE-BLA-M', gtin: '00812345100013' } });
    }
    const full = (await get('/v4/items/NT-TEE-BLA-M?productIdType=SKU&includeFullItemDetails=YES')).json as { itemResponse: Record<string, unknown> };
    expect(full.itemResponse).toMatchObject({ variantGroupId: 'NT-TEE-2026', variantGroupInfo: { isPrimary: true }, additionalProductAttributes: { gender: 'Male', clothingSize: 'M' } });
    expect(full.itemResponse.itemConfigurations).toEqual([expect.objectContaining({ walmartItemNumber: item?.itemId })]);
    expect((await get('/v4/items/NT-TEE-BLA-M?productIdType=SKU')).json).not.toHaveProperty('itemResponse.additionalProductAttributes');
    expect((await get('/v4/items/1?productIdType=ASIN')).json).toMatchObject({ error: [{ code: 'INVALID_REQUEST_PARAM.GMP_ITEM_QUERY_API', field: 'productIdType' }] });
  });

  it('answers a missing item with the 404 envelope of Walmart\'s example', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await call(emu, 'GET', '/v4/items/00000000000000', { token: tok });
    expect(r.status).toBe(404);
    const example = readJson<Record<string, { value: unknown }>>(`${EXAMPLES}supplier_get_item_404.example.json`);
    expect(r.json).toEqual(example['Single Item Search - Item Not Found']?.value);
  });
});

describe('GET /v3/walmartOrders', () => {
  interface OrderList {
    purchaseOrdersListMeta: { totalCount: number; limit: number; nextCursor?: string };
    purchaseOrders: Array<{ purchaseOrderId: string; createDate: string; purchaseOrderStatus: string; lines?: unknown }>;
  }
  const svc = { 'WM_SVC.NAME': 'Walmart Service Name' };
  const list = async (emu: Emulator, tok: string, q: string): Promise<OrderList> => (await call(emu, 'GET', `/v3/walmartOrders${q}`, { token: tok, headers: svc })).json as OrderList;
  const anchor = Date.UTC(2026, 5, 1);

  it('seeds a deterministic set of orders over the catalog\'s SKUs, newest first', async () => {
    const a = await emulator({ seed: 3, ordersAnchor: anchor });
    const b = await emulator({ seed: 3, ordersAnchor: anchor });
    expect(a.state.orders.all()).toEqual(b.state.orders.all());
    const tok = await token(a);
    const all = await list(a, tok, '');
    expect(all.purchaseOrdersListMeta).toEqual({ totalCount: 25, limit: 100 });
    const dates = all.purchaseOrders.map((o) => o.createDate);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(all.purchaseOrders[0]?.lines).toBeUndefined();
    const skus = new Set(a.state.catalog.all().map((i) => i.sku));
    for (const o of a.state.orders.all()) for (const l of o.lines) expect(skus.has(l.sku)).toBe(true);
    expect((await emulator({ orders: 3 })).state.orders.size).toBe(3);
  });

  it('filters by status, SKU and creation dates, and pages with nextCursor', async () => {
    const emu = await emulator({ seed: 3, ordersAnchor: anchor });
    const tok = await token(emu);
    const orders = emu.state.orders.all();
    const open = await list(emu, tok, '?status=open');
    expect(open.purchaseOrders.length).toBe(orders.filter((o) => o.purchaseOrderStatus === 'open').length);
    expect(open.purchaseOrders.every((o) => o.purchaseOrderStatus === 'open')).toBe(true);
    const sku = orders[0]?.lines[0]?.sku ?? '';
    expect((await list(emu, tok, `?sku=${sku}`)).purchaseOrders.length).toBe(orders.filter((o) => o.lines.some((l) => l.sku === sku)).length);
    const since = new Date(anchor - 7 * 86_400_000).toISOString();
    const recent = await list(emu, tok, `?createdStartDate=${since}&createdEndDate=${new Date(anchor).toISOString()}`);
    expect(recent.purchaseOrders.length).toBe(orders.filter((o) => o.createDate >= since).length);
    expect((await list(emu, tok, `?createdAfter=${since}`)).purchaseOrders.length).toBe(recent.purchaseOrders.length);

    const seen: string[] = [];
    let page = await list(emu, tok, '?limit=10&status=open');
    seen.push(...page.purchaseOrders.map((o) => o.purchaseOrderId));
    while (page.purchaseOrdersListMeta.nextCursor !== undefined) {
      page = await list(emu, tok, `?limit=10&nextCursor=${page.purchaseOrdersListMeta.nextCursor}`);
      seen.push(...page.purchaseOrders.map((o) => o.purchaseOrderId));
    }
    expect(seen).toEqual(open.purchaseOrders.map((o) => o.purchaseOrderId));
    expect((await call(emu, 'GET', '/v3/walmartOrders?createdStartDate=yesterday', { token: tok, headers: svc })).status).toBe(400);
  });

  it('returns one order with its lines, or the 404 envelope', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const first = emu.state.orders.all()[0];
    const r = await call(emu, 'GET', `/v3/walmartOrders/${first?.purchaseOrderId ?? ''}`, { token: tok, headers: svc });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ purchaseOrderId: first?.purchaseOrderId, lines: [expect.objectContaining({ lineNumber: 1, orderedQuantity: expect.objectContaining({ unitOfMeasure: 'EA' }) as unknown })] });
    const missing = await call(emu, 'GET', '/v3/walmartOrders/1', { token: tok, headers: svc });
    expect(missing.json).toMatchObject({ error: [{ code: 'CONTENT_NOT_FOUND.GMP_ORDER_API' }] });
  });
});
