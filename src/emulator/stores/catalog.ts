// The seller's catalog: items published by successful feeds (and the seed), looked up by SKU, GTIN-14 or
// Walmart item number, listed in SKU order so a cursor stays valid while feeds publish more items.
import type { ItemFacts } from '../feeds/item-facts.js';
import type { IdGenerator } from '../ids.js';

export type PublishedStatus = 'PUBLISHED' | 'UNPUBLISHED' | 'INPROGRESS';
export type LifecycleStatus = 'ACTIVE' | 'ARCHIVED' | 'RETIRED';

/** What a listing keeps as the feed item gave it. */
type ListedFacts = Pick<
  ItemFacts,
  'productName' | 'brand' | 'price' | 'productType' | 'mainImageUrl' | 'shortDescription' | 'variantGroupId' | 'isPrimaryVariant' | 'orderable' | 'visible'
>;

export interface CatalogItem extends ListedFacts {
  sku: string;
  wpid: string;
  itemId: string;
  gtin: string | undefined;
  productIdType: string | undefined;
  productId: string | undefined;
  publishedStatus: PublishedStatus;
  lifecycleStatus: LifecycleStatus;
  createdAt: number;
  updatedAt: number;
  /** The feed that last changed it; undefined for seeded items. */
  feedId: string | undefined;
}

export interface CatalogQuery {
  publishedStatus?: string | undefined;
  lifecycleStatus?: string | undefined;
  sku?: string | undefined;
  variantGroupId?: string | undefined;
  /** Items after this SKU (the cursor). */
  afterSku?: string | undefined;
  limit: number;
}

export interface CatalogPage {
  items: CatalogItem[];
  total: number;
  /** The last SKU returned, when more items follow. */
  lastSku: string | undefined;
}

export class CatalogStore {
  readonly #bySku = new Map<string, CatalogItem>();
  readonly #byGtin = new Map<string, string>();
  readonly #byItemId = new Map<string, string>();
  readonly #ids: IdGenerator;
  #sorted: CatalogItem[] | undefined;

  constructor(ids: IdGenerator) {
    this.#ids = ids;
  }

  get size(): number {
    return this.#bySku.size;
  }

  bySku(sku: string): CatalogItem | undefined {
    return this.#bySku.get(sku);
  }

  byGtin(gtin14: string): CatalogItem | undefined {
    const sku = this.#byGtin.get(gtin14);
    return sku === undefined ? undefined : this.#bySku.get(sku);
  }

  byItemId(itemId: string): CatalogItem | undefined {
    const sku = this.#byItemId.get(itemId);
    return sku === undefined ? undefined : this.#bySku.get(sku);
  }

  /** Creates or updates the item with this SKU from a record's facts; absent facts keep their old value. */
  publish(facts: ItemFacts & { sku: string }, now: number, feedId: string | undefined): CatalogItem {
    const old = this.#bySku.get(facts.sku);
    const id = facts.productIdentifier;
    const item: CatalogItem = {
      sku: facts.sku,
      wpid: old?.wpid ?? this.#ids.wpid(),
      itemId: old?.itemId ?? facts.walmartItemNumber ?? this.#ids.itemId(),
      gtin: facts.gtin14 ?? old?.gtin,
      productIdType: id?.productIdType ?? old?.productIdType,
      productId: id?.productId ?? old?.productId,
      productName: facts.productName ?? old?.productName,
      brand: facts.brand ?? old?.brand,
      price: facts.price ?? old?.price,
      productType: facts.productType ?? old?.productType,
      mainImageUrl: facts.mainImageUrl ?? old?.mainImageUrl,
      shortDescription: facts.shortDescription ?? old?.shortDescription,
      variantGroupId: facts.variantGroupId ?? old?.variantGroupId,
      isPrimaryVariant: facts.isPrimaryVariant ?? old?.isPrimaryVariant,
      publishedStatus: 'PUBLISHED',
      lifecycleStatus: 'ACTIVE',
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
      feedId: feedId ?? old?.feedId,
      orderable: { ...(old?.orderable ?? {}), ...facts.orderable },
      visible: { ...(old?.visible ?? {}), ...facts.visible },
    };
    if (old?.gtin !== undefined && old.gtin !== item.gtin) this.#byGtin.delete(old.gtin);
    this.#bySku.set(item.sku, item);
    if (item.gtin !== undefined) this.#byGtin.set(item.gtin, item.sku);
    this.#byItemId.set(item.itemId, item.sku);
    if (old === undefined) this.#sorted = undefined;
    else if (this.#sorted !== undefined) this.#sorted = this.#sorted.map((i) => (i.sku === item.sku ? item : i));
    return item;
  }

  /** Sets an item's published status (tests of UNPUBLISHED listings). */
  setStatus(sku: string, publishedStatus: PublishedStatus, lifecycleStatus?: LifecycleStatus): void {
    const old = this.#bySku.get(sku);
    if (old === undefined) return;
    const item = { ...old, publishedStatus, lifecycleStatus: lifecycleStatus ?? old.lifecycleStatus };
    this.#bySku.set(sku, item);
    this.#sorted = undefined;
  }

  all(): CatalogItem[] {
    this.#sorted ??= [...this.#bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    return this.#sorted;
  }

  list(q: CatalogQuery): CatalogPage {
    const eq = (a: string | undefined, b: string | undefined): boolean => b === undefined || (a ?? '').toUpperCase() === b.toUpperCase();
    const matching = this.all().filter(
      (i) => eq(i.publishedStatus, q.publishedStatus) && eq(i.lifecycleStatus, q.lifecycleStatus) && (q.sku === undefined || i.sku === q.sku) && (q.variantGroupId === undefined || i.variantGroupId === q.variantGroupId),
    );
    const start = q.afterSku === undefined ? 0 : matching.findIndex((i) => i.sku > (q.afterSku as string));
    const from = start < 0 ? matching.length : start;
    const items = matching.slice(from, from + q.limit);
    const more = from + q.limit < matching.length;
    return { items, total: matching.length, lastSku: more ? items[items.length - 1]?.sku : undefined };
  }
}
