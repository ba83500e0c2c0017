// Checks only Walmart's side can make, because they need the catalog: a product ID already listed with a
// very different title or price (ERR_EXT_DATA_0101116), and maintenance of a SKU that does not exist.
// Plus the minimum a record needs when no spec is cached for its feed type (supplier and maintenance feeds).
import { checkProductId } from '../../core/gtin.js';
import type { CatalogStore, CatalogItem } from '../stores/catalog.js';
import type { IngestionError } from '../stores/feeds.js';
import type { ItemFacts } from './item-facts.js';
import { CATALOG_MISMATCH_CODE, UNKNOWN_SKU_CODE, dataError, ingestionCodeFor } from './ingestion-errors.js';

/** Walmart's maintenance feed types (OMNI_MAINTAINANCE is Walmart's own spelling). */
const MAINTENANCE = new Set(['MP_MAINTENANCE', 'OMNI_MAINTENANCE', 'OMNI_MAINTAINANCE']);

export function isMaintenance(feedType: string): boolean {
  return MAINTENANCE.has(feedType.toUpperCase());
}

/** A price more than this far (relative) from the listing's is "significantly different". */
export const PRICE_TOLERANCE = 0.5;
/** Titles sharing fewer words than this (Jaccard) name different products. */
export const TITLE_MIN_OVERLAP = 0.3;

function words(title: string): Set<string> {
  return new Set(title.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

export function titleOverlap(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared);
}

/** The listing a maintenance record refers to: by SKU, else by product ID or Walmart item number. */
export function existingListing(facts: ItemFacts, catalog: CatalogStore): CatalogItem | undefined {
  if (facts.sku !== undefined) return catalog.bySku(facts.sku);
  if (facts.gtin14 !== undefined) return catalog.byGtin(facts.gtin14);
  if (facts.walmartItemNumber !== undefined) return catalog.byItemId(facts.walmartItemNumber);
  return undefined;
}

export function maintenanceErrors(facts: ItemFacts, catalog: CatalogStore): IngestionError[] {
  if (existingListing(facts, catalog) !== undefined) return [];
  const what = facts.sku !== undefined ? `SKU "${facts.sku}"` : facts.productIdentifier !== undefined ? `product ID "${facts.productIdentifier.productId}"` : 'this item (it names no SKU or product ID)';
  return [dataError(UNKNOWN_SKU_CODE, 'sku', `No matching record found for ${what}; a maintenance feed can only update items already in your catalog. Set the item up with an item feed first.`)];
}

export function catalogMismatchErrors(facts: ItemFacts, catalog: CatalogStore): IngestionError[] {
  if (facts.gtin14 === undefined) return [];
  const listed = catalog.byGtin(facts.gtin14);
  if (listed === undefined) return [];
  const errors: IngestionError[] = [];
  const id = facts.productIdentifier?.productId ?? facts.gtin14;
  if (facts.price !== undefined && listed.price !== undefined && listed.price > 0 && Math.abs(facts.price - listed.price) / listed.price > PRICE_TOLERANCE) {
    errors.push(
      dataError(CATALOG_MISMATCH_CODE, 'price', `The price ${facts.price} is significantly different from the existing listing for product ID ${id} (${listed.price}). Confirm the product ID and price; if the data is right, contact Walmart Partner Support to review the listing.`),
    );
  }
  if (facts.productName !== undefined && listed.productName !== undefined && titleOverlap(facts.productName, listed.productName) < TITLE_MIN_OVERLAP) {
    errors.push(
      dataError(CATALOG_MISMATCH_CODE, 'productName', `The title "${facts.productName}" is significantly different from the existing listing for product ID ${id} ("${listed.productName}"). Confirm the product ID and title; if the data is right, contact Walmart Partner Support to review the listing.`),
    );
  }
  return errors;
}

/** For feed types without a cached spec: a record must say which item it is, with a valid product ID. */
export function structuralErrors(facts: ItemFacts, feedType: string): IngestionError[] {
  const errors: IngestionError[] = [];
  const supplier = feedType.toUpperCase().startsWith('OMNI_');
  if (facts.sku === undefined && facts.productIdentifier === undefined && facts.walmartItemNumber === undefined) {
    errors.push(dataError(ingestionCodeFor('schema.required'), supplier ? 'productId' : 'sku', `The item has no ${supplier ? 'productId' : 'sku'}; every item must identify itself.`));
  }
  const id = facts.productIdentifier;
  if (id !== undefined) {
    const check = checkProductId(id.productIdType, id.productId);
    if (!check.ok) errors.push(dataError(ingestionCodeFor(`gtin.${check.problem}`), 'productId', `The product ID "${id.productId}" is not a valid ${id.productIdType} (${check.problem.replace('_', ' ')}).`));
  }
  return errors;
}
