// Purchase orders for the Order Management API: a deterministic set seeded from the catalog's SKUs, with
// the filters Walmart's docs list. Orders never change after seeding; the emulator has no shipping flow.
import { pick, randomInt } from '../prng.js';
import type { Random } from '../prng.js';

export interface OrderLine {
  lineNumber: number;
  itemNumber: string;
  sku: string;
  gtin: string | undefined;
  description: string;
  orderedQuantity: { unitOfMeasure: string; measurementValue: number };
  unitCost: { currencyUnit: string; currencyAmount: number };
  lineStatus: string;
}

export interface PurchaseOrder {
  purchaseOrderId: string;
  hostPurchaseOrderId: string;
  supplierId: string;
  createDate: string;
  type: string;
  purchaseOrderStatus: string;
  purchaseOrderSupplyChainStatus: string;
  mustArriveByDate: string;
  shipToNode: string;
  totalCost: { currencyUnit: string; currencyAmount: number };
  lines: OrderLine[];
}

/** What an order line can be made of. */
export interface OrderableSku {
  sku: string;
  itemNumber: string;
  gtin: string | undefined;
  description: string;
  price: number;
}

export interface OrderQuery {
  supplierId?: string | undefined;
  hostPurchaseOrderId?: string | undefined;
  type?: string | undefined;
  purchaseOrderStatus?: string | undefined;
  purchaseOrderSupplyChainStatus?: string | undefined;
  sku?: string | undefined;
  createdAfter?: number | undefined;
  createdBefore?: number | undefined;
  mustArriveAfter?: number | undefined;
  mustArriveBefore?: number | undefined;
}

const DAY = 86_400_000;

// Shares loosely like a supplier's PO book: mostly open or received, a few cancelled.
const STATUSES: ReadonlyArray<[string, string]> = [
  ['open', 'ordered'],
  ['open', 'inTransit'],
  ['open', 'inTransit'],
  ['closed', 'received'],
  ['closed', 'received'],
  ['cancelled', 'cancelled'],
];
const TYPES = ['03', '03', '03', '20', '33'];
const NODES = ['DC-6094', 'DC-7026', 'STORE-1843', 'DC-6020'];

const FALLBACK_SKUS: readonly OrderableSku[] = [
  { sku: 'SAMPLE-SKU-1', itemNumber: '550000001', gtin: '00812345999990', description: 'Sample item 1', price: 9.99 },
  { sku: 'SAMPLE-SKU-2', itemNumber: '550000002', gtin: undefined, description: 'Sample item 2', price: 24.5 },
];

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `count` orders created over the 30 days before `anchor`, newest first. */
export function seedOrders(rand: Random, count: number, anchor: number, supplierId: string, skus: readonly OrderableSku[]): PurchaseOrder[] {
  const pool = skus.length > 0 ? skus : FALLBACK_SKUS;
  const orders: PurchaseOrder[] = [];
  const used = new Set<string>();
  for (let n = 0; n < count; n++) {
    let id: string;
    do id = String(4_500_000_000 + randomInt(rand, 0, 99_999_999));
    while (used.has(id));
    used.add(id);
    const created = anchor - Math.floor(rand() * 30 * DAY);
    const [status, chain] = pick(rand, STATUSES);
    const lines: OrderLine[] = [];
    const lineCount = randomInt(rand, 1, Math.min(3, pool.length));
    for (let l = 1; l <= lineCount; l++) {
      const s = pick(rand, pool);
      lines.push({
        lineNumber: l,
        itemNumber: s.itemNumber,
        sku: s.sku,
        gtin: s.gtin,
        description: s.description,
        orderedQuantity: { unitOfMeasure: 'EA', measurementValue: randomInt(rand, 1, 48) },
        // A supplier's cost is below the shelf price.
        unitCost: { currencyUnit: 'USD', currencyAmount: round2(s.price * 0.55) },
        lineStatus: status,
      });
    }
    const total = lines.reduce((sum, l) => sum + l.unitCost.currencyAmount * l.orderedQuantity.measurementValue, 0);
    orders.push({
      purchaseOrderId: id,
      hostPurchaseOrderId: id,
      supplierId,
      createDate: new Date(created).toISOString(),
      type: pick(rand, TYPES),
      purchaseOrderStatus: status,
      purchaseOrderSupplyChainStatus: chain,
      mustArriveByDate: new Date(created + randomInt(rand, 7, 14) * DAY).toISOString(),
      shipToNode: pick(rand, NODES),
      totalCost: { currencyUnit: 'USD', currencyAmount: round2(total) },
      lines,
    });
  }
  return orders.sort((a, b) => (a.createDate < b.createDate ? 1 : a.createDate > b.createDate ? -1 : 0));
}

export class OrderStore {
  readonly #orders: PurchaseOrder[];
  readonly #byId: Map<string, PurchaseOrder>;

  constructor(orders: PurchaseOrder[]) {
    this.#orders = orders;
    this.#byId = new Map(orders.map((o) => [o.purchaseOrderId, o]));
  }

  get size(): number {
    return this.#orders.length;
  }

  get(id: string): PurchaseOrder | undefined {
    return this.#byId.get(id);
  }

  all(): readonly PurchaseOrder[] {
    return this.#orders;
  }

  /** Matching orders, newest first. */
  list(q: OrderQuery): PurchaseOrder[] {
    const eqi = (a: string, b: string | undefined): boolean => b === undefined || a.toLowerCase() === b.toLowerCase();
    return this.#orders.filter((o) => {
      const created = Date.parse(o.createDate);
      const arrive = Date.parse(o.mustArriveByDate);
      return (
        eqi(o.supplierId, q.supplierId) &&
        eqi(o.hostPurchaseOrderId, q.hostPurchaseOrderId) &&
        eqi(o.type, q.type) &&
        eqi(o.purchaseOrderStatus, q.purchaseOrderStatus) &&
        eqi(o.purchaseOrderSupplyChainStatus, q.purchaseOrderSupplyChainStatus) &&
        (q.sku === undefined || o.lines.some((l) => l.sku === q.sku)) &&
        (q.createdAfter === undefined || created >= q.createdAfter) &&
        (q.createdBefore === undefined || created <= q.createdBefore) &&
        (q.mustArriveAfter === undefined || arrive >= q.mustArriveAfter) &&
        (q.mustArriveBefore === undefined || arrive <= q.mustArriveBefore)
      );
    });
  }
}
