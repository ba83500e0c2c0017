// duplicates.product_id (duplicate.product_id): two SKUs in one feed with the same product ID. Walmart matches items
// by GTIN, so one SKU ends up on the other's item or is rejected. IDs are compared as GTIN-14 when valid, so a UPC
// and its padded GTIN-14 count as one.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule, recordPlace } from '../../src/core/rule.js';
import { PRODUCT_IDENTIFIERS, PRODUCT_ID, readProductId } from '../identifiers/product-id.js';
import { KeyMap } from './key-map.js';

/**
 * Every ID is kept to the end of the feed, so its first use is kept as two list entries (record and SKU) rather
 * than an object per record.
 */
interface ProductIdState {
  /** GTIN-14, or the trimmed raw ID -> its first use, as a position in `records` and `skus`. */
  first: KeyMap<number>;
  records: number[];
  skus: Array<string | undefined>;
  /**
   * Every SKU seen with an ID after its first use, by that position: a repeat of one of them is duplicates.sku's
   * finding, not this rule's. Only IDs used again get a Set.
   */
  laterSkus: Map<number, Set<string>>;
  findings: RuleFinding[];
}

/** Whether the ID at this position was already used with this (trimmed, non-empty) SKU. */
function usedWith(state: ProductIdState, at: number, sku: string): boolean {
  return sku === (state.skus[at]?.trim() ?? '') || (state.laterSkus.get(at)?.has(sku) ?? false);
}

export default defineFeedRule<ProductIdState>({
  id: 'duplicates.product_id',
  pack: 'duplicates',
  severity: 'error',
  description: 'Two records with different SKUs must not share a product ID.',
  needs: [PRODUCT_IDENTIFIERS],
  start: () => ({ first: new KeyMap(), records: [], skus: [], laterSkus: new Map(), findings: [] }),
  visit(state, record) {
    const identifier = readProductId(record);
    if (identifier === undefined) return;
    const gtin14 = identifier.check.ok ? identifier.check.gtin14 : undefined;
    const key = gtin14 ?? identifier.id;
    const at = state.first.get(key);
    if (at === undefined) {
      state.first.set(key, state.records.length);
      state.records.push(record.index);
      state.skus.push(record.sku);
      return;
    }
    const sku = record.sku?.trim() ?? '';
    if (sku !== '') {
      if (usedWith(state, at, sku)) return;
      let later = state.laterSkus.get(at);
      if (later === undefined) {
        later = new Set();
        state.laterSkus.set(at, later);
      }
      later.add(sku);
    }
    const params: Record<string, unknown> = { productId: identifier.id, firstRecord: state.records[at], firstSku: state.skus[at] };
    if (gtin14 !== undefined) params.gtin14 = gtin14;
    state.findings.push({
      code: 'duplicate.product_id',
      attribute: PRODUCT_IDENTIFIERS,
      subPath: PRODUCT_ID,
      record: record.index,
      sku: record.sku,
      productType: record.productType,
      params,
    });
  },
  finish: (state) => state.findings,
  message(finding, titleOf, placeOf = recordPlace) {
    const { productId, gtin14, firstRecord, firstSku } = finding.params;
    const as = typeof gtin14 === 'string' && gtin14 !== productId ? ` (GTIN-14 ${gtin14})` : '';
    const at = placeOf(Number(firstRecord));
    const other = typeof firstSku === 'string' && firstSku !== '' ? `${at} (SKU ${firstSku})` : at;
    return `${titleOf(PRODUCT_IDENTIFIERS)}: Product ID "${String(productId)}"${as} is already used by ${other}; two SKUs cannot share a product ID.`;
  },
  hint(finding, _titleOf, placeOf = recordPlace) {
    return `Enter this item's own product ID from its barcode; if it is the same product as ${placeOf(Number(finding.params.firstRecord))}, keep one record and one SKU.`;
  },
});
