// The catalog: GET /v3/items (filters, nextCursor paging) and GET /v4/items/{productId} (one item by
// GTIN by default, or SKU/UPC/EAN/ISBN/ITEM_ID/WIN).
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { paginate } from '../paginate.js';
import { parseShape } from '../response-shape.js';
import { pathSegment } from '../url.js';

export const ITEMS_ROUTE = 'GET /v3/items';
export const ITEM_ROUTE = 'GET /v4/items/{productId}';

export const itemsPageSchema = z.looseObject({
  itemResponse: z.array(z.looseObject({ sku: z.string().optional() })).optional(),
  totalItems: z.coerce.number().optional(),
  nextCursor: z.string().optional(),
});
export type ItemsPage = z.output<typeof itemsPageSchema>;
export type ItemSummary = NonNullable<ItemsPage['itemResponse']>[number];

export interface ListItemsParams {
  sku?: string;
  /** PUBLISHED | UNPUBLISHED | INPROGRESS */
  publishedStatus?: string;
  lifecycleStatus?: string;
  variantGroupId?: string;
  limit?: number;
  nextCursor?: string;
}

export async function listItems(client: WalmartClient, params: ListItemsParams = {}, options: CallOptions = {}): Promise<ItemsPage> {
  const { response, data } = await client.callJson(
    {
      method: 'GET',
      route: ITEMS_ROUTE,
      path: '/v3/items',
      query: {
        sku: params.sku,
        publishedStatus: params.publishedStatus,
        lifecycleStatus: params.lifecycleStatus,
        variantGroupId: params.variantGroupId,
        limit: params.limit,
        nextCursor: params.nextCursor,
      },
    },
    options,
  );
  return parseShape(itemsPageSchema, data, response, ITEMS_ROUTE, 'item list');
}

export async function* iterateItems(
  client: WalmartClient,
  params: Omit<ListItemsParams, 'nextCursor'> = {},
  options: CallOptions = {},
): AsyncGenerator<ItemSummary, void, undefined> {
  const pages = paginate(
    (req) => listItems(client, req !== undefined && 'cursor' in req ? { ...params, nextCursor: req.cursor } : params, options),
    (page) => ({ count: page.itemResponse?.length ?? 0, nextCursor: page.nextCursor, total: page.totalItems }),
    { limit: params.limit ?? 20, offsets: false, route: ITEMS_ROUTE },
  );
  for await (const page of pages) yield* page.itemResponse ?? [];
}

export type ProductIdType = 'GTIN' | 'UPC' | 'EAN' | 'ISBN' | 'ITEM_ID' | 'SKU' | 'WIN';

export interface GetItemParams {
  /** Default GTIN (GTIN-14). */
  productIdType?: ProductIdType;
  /** YES adds walmartOrderableAttributes, itemConfigurations and more. */
  includeFullItemDetails?: boolean;
}

export async function getItem(client: WalmartClient, productId: string, params: GetItemParams = {}, options: CallOptions = {}): Promise<unknown> {
  const full = params.includeFullItemDetails;
  const { data } = await client.callJson(
    {
      method: 'GET',
      route: ITEM_ROUTE,
      path: `/v4/items/${pathSegment(productId)}`,
      query: { productIdType: params.productIdType, includeFullItemDetails: full === undefined ? undefined : full ? 'YES' : 'NO' },
    },
    options,
  );
  return data;
}
