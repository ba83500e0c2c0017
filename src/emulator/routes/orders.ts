// Order Management: GET /v3/walmartOrders (the docs' filters, newest first, nextCursor pages of up to
// 100) and GET /v3/walmartOrders/{purchaseOrderId}. createdStartDate/createdEndDate and status are taken
// as aliases of the docs' createdAfter/createdBefore and purchaseOrderStatus.
import type { RequestContext } from '../context.js';
import { badParam, notFound } from '../envelope.js';
import { dateParam, decodeCursor, encodeCursor, intParam, stringParam } from '../query.js';
import type { Reply } from '../reply.js';
import type { Route } from '../router.js';
import type { OrderQuery, PurchaseOrder } from '../stores/orders.js';

const PAGE_MAX = 100;

interface OrdersCursor {
  o: number;
  q: OrderQuery;
}

function summary(o: PurchaseOrder): Record<string, unknown> {
  const { lines: _lines, ...rest } = o;
  return { ...rest, lineCount: o.lines.length };
}

function queryOf(ctx: RequestContext): { value: OrderQuery } | { reply: Reply } {
  const created = {
    after: dateParam(ctx.query, ['createdAfter', 'createdStartDate'], 'GMP_ORDER_API'),
    before: dateParam(ctx.query, ['createdBefore', 'createdEndDate'], 'GMP_ORDER_API'),
    arriveAfter: dateParam(ctx.query, ['mustArriveByDateAfterDate'], 'GMP_ORDER_API'),
    arriveBefore: dateParam(ctx.query, ['mustArriveByDateBeforeDate'], 'GMP_ORDER_API'),
  };
  for (const d of Object.values(created)) if ('reply' in d) return d;
  const value = (p: { value: number | undefined } | { reply: Reply }): number | undefined => ('value' in p ? p.value : undefined);
  return {
    value: {
      supplierId: stringParam(ctx.query, 'supplierId'),
      hostPurchaseOrderId: stringParam(ctx.query, 'hostPurchaseOrderId', 'purchaseOrderId'),
      type: stringParam(ctx.query, 'type'),
      purchaseOrderStatus: stringParam(ctx.query, 'purchaseOrderStatus', 'status'),
      purchaseOrderSupplyChainStatus: stringParam(ctx.query, 'purchaseOrderSupplyChainStatus'),
      sku: stringParam(ctx.query, 'sku'),
      createdAfter: value(created.after),
      createdBefore: value(created.before),
      mustArriveAfter: value(created.arriveAfter),
      mustArriveBefore: value(created.arriveBefore),
    },
  };
}

function listOrders(ctx: RequestContext): Reply {
  const limit = intParam(ctx.query, 'limit', 'GMP_ORDER_API', PAGE_MAX, 1, PAGE_MAX);
  if ('reply' in limit) return limit.reply;
  let offset = 0;
  let query: OrderQuery;
  const raw = stringParam(ctx.query, 'nextCursor');
  if (raw !== undefined) {
    // The cursor carries the first page's filters: the follow-up request need only send it.
    const c = decodeCursor(raw) as Partial<OrdersCursor> | undefined;
    if (typeof c?.o !== 'number' || typeof c.q !== 'object' || c.q === null) return badParam('GMP_ORDER_API', 'nextCursor', 'nextCursor is not one this API returned; pass the value from the previous response.');
    offset = c.o;
    query = c.q;
  } else {
    const q = queryOf(ctx);
    if ('reply' in q) return q.reply;
    query = q.value;
  }
  const all = ctx.state.orders.list(query);
  const page = all.slice(offset, offset + limit.value);
  const meta: Record<string, unknown> = { totalCount: all.length, limit: limit.value };
  if (offset + limit.value < all.length) meta.nextCursor = encodeCursor({ o: offset + limit.value, q: query });
  return { status: 200, body: { purchaseOrdersListMeta: meta, purchaseOrders: page.map(summary) } };
}

function getOrder(ctx: RequestContext): Reply {
  const id = ctx.params.purchaseOrderId ?? '';
  const order = ctx.state.orders.get(id);
  const supplier = stringParam(ctx.query, 'supplierId');
  if (order === undefined || (supplier !== undefined && supplier !== order.supplierId)) return notFound('GMP_ORDER_API', `No purchase order found for ${id}.`);
  return { status: 200, body: order };
}

export const orderRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/v3/walmartOrders', api: 'orders', auth: true, requiredHeaders: ['WM_SVC.NAME'], body: 'small', handler: listOrders },
  { method: 'GET', pattern: '/v3/walmartOrders/{purchaseOrderId}', api: 'orders', auth: true, requiredHeaders: ['WM_SVC.NAME'], body: 'small', handler: getOrder },
];
