// The few facts the emulator needs from an item of any Walmart feed shape (MPItem {Orderable, Visible},
// MP_ITEM_MATCH {Item}, SupplierItem, maintenance {SupplyChain}): its SKU, product ID, name, price...
// Looked up by attribute name in the item's blocks, since each spec nests them differently.
import { checkProductId } from '../../core/gtin.js';
import { isPlainObject } from '../../sources/feed-document.js';

export interface ProductIdentifier {
  productIdType: string;
  productId: string;
}

export interface ItemFacts {
  sku: string | undefined;
  productIdentifier: ProductIdentifier | undefined;
  /** The GTIN-14 the product ID stands for, when it is a valid GS1 (or ISBN) ID. */
  gtin14: string | undefined;
  productName: string | undefined;
  brand: string | undefined;
  price: number | undefined;
  productType: string | undefined;
  mainImageUrl: string | undefined;
  shortDescription: string | undefined;
  variantGroupId: string | undefined;
  isPrimaryVariant: boolean | undefined;
  /** Walmart's item number, which supplier maintenance feeds identify items by. */
  walmartItemNumber: string | undefined;
  /** Orderable-level attributes (Orderable, Item, SupplyChain blocks), for the full item view. */
  orderable: Record<string, unknown>;
  /** The product type's attributes. */
  visible: Record<string, unknown>;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  // A price sent as "49.50" is still a price for the catalog comparison; "$49.50" is not.
  if (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The blocks attributes live in, most specific first. */
function blocks(item: Record<string, unknown>): { orderable: Record<string, unknown>; visible: Record<string, unknown>; productType: string | undefined; all: Record<string, unknown>[] } {
  const orderable: Record<string, unknown> = {};
  const all: Record<string, unknown>[] = [];
  for (const key of ['Orderable', 'Item', 'TradeItem']) {
    const b = item[key];
    if (isPlainObject(b)) {
      Object.assign(orderable, b);
      all.push(b);
    }
  }
  const supply = item.SupplyChain;
  if (isPlainObject(supply)) {
    for (const b of Object.values(supply)) {
      if (isPlainObject(b)) {
        Object.assign(orderable, b);
        all.push(b);
      }
    }
  }
  let visible: Record<string, unknown> = {};
  let productType: string | undefined;
  const vis = item.Visible;
  if (isPlainObject(vis)) {
    const first = Object.entries(vis).find(([, v]) => isPlainObject(v));
    if (first !== undefined) {
      productType = first[0];
      visible = first[1] as Record<string, unknown>;
      all.push(visible);
    }
  }
  all.push(item);
  return { orderable, visible, productType, all };
}

function lookup(all: readonly Record<string, unknown>[], name: string): unknown {
  for (const b of all) if (b[name] !== undefined) return b[name];
  return undefined;
}

function identifierOf(all: readonly Record<string, unknown>[]): ProductIdentifier | undefined {
  const ids = lookup(all, 'productIdentifiers');
  const one: unknown = Array.isArray(ids) ? (ids as unknown[])[0] : ids;
  if (isPlainObject(one)) {
    const productId = str(one.productId);
    if (productId !== undefined) return { productIdType: str(one.productIdType) ?? 'GTIN', productId };
  }
  // Supplier items carry a bare productId (a GTIN-14) and no type.
  const bare = str(lookup(all, 'productId'));
  return bare === undefined ? undefined : { productIdType: str(lookup(all, 'productIdType')) ?? 'GTIN', productId: bare };
}

export function gtin14Of(id: ProductIdentifier | undefined): string | undefined {
  if (id === undefined) return undefined;
  const check = checkProductId(id.productIdType, id.productId);
  return check.ok ? check.gtin14 : undefined;
}

export function itemFacts(item: unknown): ItemFacts {
  const obj = isPlainObject(item) ? item : {};
  const { orderable, visible, productType, all } = blocks(obj);
  const productIdentifier = identifierOf(all);
  const primary = str(lookup(all, 'isPrimaryVariant'));
  return {
    sku: str(lookup(all, 'sku')),
    productIdentifier,
    gtin14: gtin14Of(productIdentifier),
    productName: str(lookup(all, 'productName')),
    brand: str(lookup(all, 'brand')),
    price: num(lookup(all, 'price')),
    productType,
    mainImageUrl: str(lookup(all, 'mainImageUrl')),
    shortDescription: str(lookup(all, 'shortDescription')),
    variantGroupId: str(lookup(all, 'variantGroupId')),
    isPrimaryVariant: primary === undefined ? undefined : primary.toLowerCase() === 'yes',
    walmartItemNumber: str(lookup(all, 'walmartItemNumber')),
    orderable,
    visible,
  };
}
