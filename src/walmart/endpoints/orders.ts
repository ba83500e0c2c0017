// Purchase orders: GET /v3/walmartOrders (filters, nextCursor paging) and GET /v3/walmartOrders/{id}.
// Reads both list shapes: the supplier one (purchaseOrdersListMeta + purchaseOrders) and the marketplace
// one (list.meta + list.elements.order), whose nextCursor is a whole query string starting with "?".
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { paginate } from '../paginate.js';
import { parseShape } from '../response-shape.js';
import { pathSegment } from '../url.js';

export const ORDERS_ROUTE = 'GET /v3/walmartOrders';
export const ORDER_ROUTE = 'GET /v3/walmartOrders/{purchaseOrderId}';

const meta = z.looseObject({ totalCount: z.coerce.number().optional(), limit: z.coerce.number().optional(), nextCursor: z.string().optional() });

export const ordersPageSchema = z.looseObject({
  purchaseOrdersListMeta: meta.optional(),
  purchaseOrders: z.array(z.unknown()).optional(),
  list: z.looseObject({ meta: meta.optional(), elements: z.looseObject({ order: z.array(z.unknown()).optional() }).optional() }).optional(),
});
export type OrdersPage = z.output<typeof ordersPageSchema>;

export interface OrderFilters {
  supplierId?: string;
  hostPurchaseOrderId?: string;
  type?: string;
  purchaseOrderStatus?: string;
  purchaseOrderSupplyChainStatus?: string;
  /** ISO 8601. */
  createdAfter?: string;
  createdBefore?: string;
  mustArriveByDateAfterDate?: string;
  mustArriveByDateBeforeDate?: string;
  /** Orders that contain this SKU. */
  sku?: string;
  /** Up to 100. */
  limit?: number;
}

export interface ListOrdersParams extends OrderFilters {
  nextCursor?: string;
}

export function ordersOf(page: OrdersPage): unknown[] {
  return page.purchaseOrders ?? page.list?.elements?.order ?? [];
}

export function nextOrdersCursor(page: OrdersPage): string | undefined {
  return page.purchaseOrdersListMeta?.nextCursor ?? page.list?.meta?.nextCursor;
}

export async function listOrders(client: WalmartClient, params: ListOrdersParams = {}, options: CallOptions = {}): Promise<OrdersPage> {
  const { nextCursor, ...filters } = params;
  // A marketplace cursor is the next page's whole query string and replaces the filters.
  const raw = nextCursor?.startsWith('?') === true;
  const { response, data } = await client.callJson(
    {
      method: 'GET',
      route: ORDERS_ROUTE,
      path: raw ? `/v3/walmartOrders${nextCursor}` : '/v3/walmartOrders',
      ...(raw ? {} : { query: { ...filters, nextCursor } }),
    },
    options,
  );
  return parseShape(ordersPageSchema, data, response, ORDERS_ROUTE, 'order list');
}

export async function* iterateOrders(client: WalmartClient, filters: OrderFilters = {}, options: CallOptions = {}): AsyncGenerator<unknown, void, undefined> {
  const pages = paginate(
    (req) => listOrders(client, req !== undefined && 'cursor' in req ? { ...filters, nextCursor: req.cursor } : filters, options),
    (page) => ({ count: ordersOf(page).length, nextCursor: nextOrdersCursor(page) }),
    { limit: filters.limit ?? 100, offsets: false, route: ORDERS_ROUTE },
  );
  for await (const page of pages) yield* ordersOf(page);
}

export async function getOrder(client: WalmartClient, purchaseOrderId: string, params: { supplierId?: string } = {}, options: CallOptions = {}): Promise<unknown> {
  const { data } = await client.callJson(
    { method: 'GET', route: ORDER_ROUTE, path: `/v3/walmartOrders/${pathSegment(purchaseOrderId)}`, query: { supplierId: params.supplierId } },
    options,
  );
  return data;
}
