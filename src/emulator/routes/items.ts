// The catalog: GET /v3/items (nextCursor pages, sku/publishedStatus/lifecycleStatus filters) and
// GET /v4/items/{productId} (by GTIN by default, or productIdType SKU, UPC, EAN, ISBN, ITEM_ID, WIN),
// in the Supplier API's shape (`itemResponse`, as the Item Management docs show it).
import { isbn10ToIsbn13, toGtin14 } from '../../core/gtin.js';
import type { RequestContext } from '../context.js';
import { badParam, notFound } from '../envelope.js';
import { decodeCursor, encodeCursor, intParam, stringParam } from '../query.js';
import type { Reply } from '../reply.js';
import type { Route } from '../router.js';
import type { CatalogItem, CatalogStore } from '../stores/catalog.js';

const PAGE_DEFAULT = 20;
const PAGE_MAX = 200;
const ID_TYPES = ['GTIN', 'UPC', 'EAN', 'ISBN', 'SKU', 'ITEM_ID', 'WIN'];

interface ItemsCursor {
  after: string;
  publishedStatus?: string;
  lifecycleStatus?: string;
  variantGroupId?: string;
}

function summary(i: CatalogItem): Record<string, unknown> {
  return {
    mart: 'WALMART_US',
    sku: i.sku,
    wpid: i.wpid,
    upc: i.gtin?.startsWith('00') ? i.gtin.slice(2) : undefined,
    gtin: i.gtin,
    productName: i.productName,
    shelf: i.productType,
    productType: i.productType,
    price: i.price === undefined ? undefined : { currency: 'USD', amount: i.price },
    publishedStatus: i.publishedStatus,
    lifecycleStatus: i.lifecycleStatus,
    variantGroupId: i.variantGroupId,
  };
}

function listItems(ctx: RequestContext): Reply {
  const limit = intParam(ctx.query, 'limit', 'GMP_ITEM_QUERY_API', PAGE_DEFAULT, 1, PAGE_MAX);
  if ('reply' in limit) return limit.reply;
  const raw = stringParam(ctx.query, 'nextCursor');
  let cursor: ItemsCursor | undefined;
  if (raw !== undefined && raw !== '*') {
    const c = decodeCursor(raw) as Partial<ItemsCursor> | undefined;
    if (typeof c?.after !== 'string') return badParam('GMP_ITEM_QUERY_API', 'nextCursor', 'nextCursor is not one this API returned; pass the value from the previous response, or "*" to start.');
    cursor = c as ItemsCursor;
  }
  // A cursor carries the filters of the first page, as Walmart's does.
  const filters = {
    publishedStatus: cursor?.publishedStatus ?? stringParam(ctx.query, 'publishedStatus'),
    lifecycleStatus: cursor?.lifecycleStatus ?? stringParam(ctx.query, 'lifecycleStatus'),
    variantGroupId: cursor?.variantGroupId ?? stringParam(ctx.query, 'variantGroupId'),
  };
  const sku = stringParam(ctx.query, 'sku');
  const page = ctx.state.catalog.list({ ...filters, sku, afterSku: cursor?.after, limit: limit.value });
  if (sku !== undefined && page.total === 0) return notFound('GMP_ITEM_QUERY_API', `No item found for SKU ${sku}.`);
  const body: Record<string, unknown> = { itemResponse: page.items.map(summary), totalItems: page.total };
  if (page.lastSku !== undefined) {
    const next: ItemsCursor = { after: page.lastSku };
    if (filters.publishedStatus !== undefined) next.publishedStatus = filters.publishedStatus;
    if (filters.lifecycleStatus !== undefined) next.lifecycleStatus = filters.lifecycleStatus;
    if (filters.variantGroupId !== undefined) next.variantGroupId = filters.variantGroupId;
    body.nextCursor = encodeCursor(next);
  }
  return { status: 200, body };
}

function find(catalog: CatalogStore, productId: string, type: string): CatalogItem | undefined {
  switch (type) {
    case 'SKU':
      return catalog.bySku(productId);
    case 'ITEM_ID':
    case 'WIN':
      return catalog.byItemId(productId);
    case 'ISBN': {
      const isbn13 = productId.length === 10 ? isbn10ToIsbn13(productId) : productId;
      const gtin = isbn13 === undefined ? undefined : toGtin14(isbn13);
      return gtin === undefined ? undefined : catalog.byGtin(gtin);
    }
    default: {
      // GTIN, UPC and EAN all land on the GTIN-14 Walmart stores; a shorter form is zero-padded.
      const gtin = /^\d{8,14}$/.test(productId) ? productId.padStart(14, '0') : undefined;
      return gtin === undefined ? undefined : catalog.byGtin(gtin);
    }
  }
}

/** The Orderable attributes Walmart's v4 item view reports itself, Yes/No flags in its YES/NO form. */
const ORDERABLE_VIEW = [
  'MinimumAdvertisedPrice',
  'SigningDescription',
  'shopDescription',
  'goods_and_services_type',
  'sustainabilityFeatureCode',
  'flexibleSpendingAccountEligible',
  'stateRestrictions',
  'chemicalAerosolPesticide',
  'electronicsIndicator',
  'batteryTechnologyType',
  'hasFuelContainer',
  'containsPaperWood',
  'containsMercury',
  'isCpscRegulatedInd',
  'multipackIndicator',
  'shipsInOriginalPackaging',
  'packagingMarkedReturnableIndicator',
  'hasRFID',
  'isVarietyInd',
];
const IDENTITY = new Set(['sku', 'productIdentifiers', 'productId', 'productName', 'brand', 'price']);

function orderableView(orderable: Readonly<Record<string, unknown>>): { view: Record<string, unknown>; rest: Record<string, unknown> } {
  const view: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(orderable)) {
    if (IDENTITY.has(k)) continue;
    if (!ORDERABLE_VIEW.includes(k)) rest[k] = v;
    else view[k] = typeof v === 'string' && /^(yes|no)$/i.test(v) ? v.toUpperCase() : v;
  }
  return { view, rest };
}

function detail(i: CatalogItem, full: boolean): Record<string, unknown> {
  const base: Record<string, unknown> = {
    gtin: i.gtin,
    sku: i.sku,
    variantGroupId: i.variantGroupId,
    productName: i.productName,
    brand: i.brand,
    mainImageUrl: i.mainImageUrl,
    shortDescription: i.shortDescription,
    productType: i.productType,
    publishedStatus: i.publishedStatus,
    itemPageURL: `https://www.walmart.com/ip/${i.itemId}`,
    price: i.price === undefined ? undefined : { amount: i.price, currency: 'USD' },
    siteDates: { siteStartDate: new Date(i.createdAt).toISOString(), siteEndDate: '2049-12-31T00:00:00Z' },
  };
  if (!full) return base;
  const { view, rest } = orderableView(i.orderable);
  return {
    ...base,
    walmartOrderableAttributes: view,
    itemConfigurations: [{ walmartItemNumber: i.itemId, channelSold: 'Online', fulfillmentMethod: 'DSV', publishedGTIN: i.gtin, orderableGTIN: i.gtin }],
    variantGroupInfo: i.variantGroupId === undefined ? undefined : { isPrimary: i.isPrimaryVariant ?? false },
    additionalProductAttributes: { ...rest, ...i.visible },
  };
}

function getItem(ctx: RequestContext): Reply {
  const productId = ctx.params.productId ?? '';
  const type = (ctx.query.get('productIdType') ?? 'GTIN').toUpperCase();
  if (!ID_TYPES.includes(type)) return badParam('GMP_ITEM_QUERY_API', 'productIdType', `The query parameter input is not supported; productIdType must be one of ${ID_TYPES.join(', ')}.`);
  const fullRaw = (ctx.query.get('includeFullItemDetails') ?? 'NO').toUpperCase();
  if (fullRaw !== 'YES' && fullRaw !== 'NO') return badParam('GMP_ITEM_QUERY_API', 'includeFullItemDetails', 'includeFullItemDetails must be YES or NO.');
  const item = find(ctx.state.catalog, productId, type);
  if (item === undefined) return notFound('GMP_ITEM_QUERY_API', 'No Items found for the input parameters.');
  return { status: 200, body: { itemResponse: detail(item, fullRaw === 'YES') } };
}

export const itemRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/v3/items', api: 'items', auth: true, body: 'small', handler: listItems },
  { method: 'GET', pattern: '/v4/items/{productId}', api: 'item', auth: true, body: 'small', handler: getItem },
];
