// Runs `orders list|get` through the Walmart client. Orders are read leniently (supplier and marketplace
// shapes differ), so the table and CSV show the fields both have, and --format json the orders as sent.
import { UsageError } from '../core/errors.js';
import { csvField } from '../reports/csv.js';
import { getOrder, iterateOrders } from '../walmart/index.js';
import type { OrderFilters } from '../walmart/index.js';
import { EXIT_OK } from './exit.js';
import { wholeNumberFlag, withWalmartClient } from './walmart-client.js';

export interface OrdersListFlags {
  baseUrl?: string;
  createdStartDate?: string;
  createdEndDate?: string;
  status?: string;
  sku?: string;
  limit?: string;
  format?: 'text' | 'json' | 'csv';
}

export interface OrdersGetFlags {
  baseUrl?: string;
}

const COLUMNS = ['purchaseOrderId', 'createDate', 'status', 'supplyChainStatus', 'mustArriveByDate', 'lines', 'total', 'currency'] as const;

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The columns of one order, from either shape (missing fields stay empty). */
export function orderRow(order: unknown): Record<(typeof COLUMNS)[number], string | undefined> {
  const o = rec(order);
  const total = rec(o.totalCost);
  const lines = Array.isArray(o.lines) ? o.lines.length : Array.isArray(rec(o.orderLines).orderLine) ? (rec(o.orderLines).orderLine as unknown[]).length : o.lineCount;
  return {
    purchaseOrderId: text(o.purchaseOrderId),
    createDate: text(o.createDate) ?? text(o.orderDate),
    status: text(o.purchaseOrderStatus) ?? text(o.status),
    supplyChainStatus: text(o.purchaseOrderSupplyChainStatus),
    mustArriveByDate: text(o.mustArriveByDate) ?? text(o.estimatedDeliveryDate),
    lines: text(lines),
    total: text(total.currencyAmount),
    currency: text(total.currencyUnit),
  };
}

function date(flag: string | undefined, name: string): string | undefined {
  if (flag === undefined) return undefined;
  const ms = Date.parse(flag);
  if (!Number.isFinite(ms)) throw new UsageError(`${name} must be a date such as 2026-11-01 or 2026-11-01T00:00:00Z, not "${flag}"`);
  return new Date(ms).toISOString();
}

export async function runOrdersList(flags: OrdersListFlags): Promise<number> {
  const limit = wholeNumberFlag(flags.limit, '--limit', 100);
  const after = date(flags.createdStartDate, '--created-start-date');
  const before = date(flags.createdEndDate, '--created-end-date');
  const filters: OrderFilters = {
    limit: Math.min(limit, 100),
    ...(after === undefined ? {} : { createdAfter: after }),
    ...(before === undefined ? {} : { createdBefore: before }),
    ...(flags.status === undefined ? {} : { purchaseOrderStatus: flags.status }),
    ...(flags.sku === undefined ? {} : { sku: flags.sku }),
  };
  const orders: unknown[] = [];
  await withWalmartClient(flags, async (client) => {
    for await (const order of iterateOrders(client, filters)) {
      orders.push(order);
      if (orders.length >= limit) break;
    }
  });
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify(orders, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = orders.map(orderRow);
  if (flags.format === 'csv') {
    const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))];
    process.stdout.write(lines.join('\r\n') + '\r\n');
    return EXIT_OK;
  }
  if (rows.length === 0) {
    process.stdout.write('No orders match.\n');
    return EXIT_OK;
  }
  const cells = [COLUMNS.map((c) => c.toUpperCase()), ...rows.map((r) => COLUMNS.map((c) => r[c] ?? '-'))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  process.stdout.write(cells.map((row) => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n') + '\n');
  return EXIT_OK;
}

export async function runOrdersGet(purchaseOrderId: string, flags: OrdersGetFlags): Promise<number> {
  const order = await withWalmartClient(flags, (client) => getOrder(client, purchaseOrderId));
  process.stdout.write(JSON.stringify(order, null, 2) + '\n');
  return EXIT_OK;
}
