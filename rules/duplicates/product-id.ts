// duplicates.product_id (duplicate.product_id): two SKUs in one feed with the same product ID. Walmart matches items
// by GTIN, so one SKU ends up on the other's item or is rejected. IDs are compared as GTIN-14 when valid, so a UPC
// and its padded GTIN-14 count as one.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import { PRODUCT_IDENTIFIERS, PRODUCT_ID, readProductId } from '../identifiers/product-id.js';

interface FirstUse {
  record: number;
  sku: string | undefined;
  /** Every SKU seen with this ID: a repeat of one of them is duplicates.sku's finding, not this rule's. */
  skus: Set<string>;
}

interface ProductIdState {
  /** GTIN-14, or the trimmed raw ID when it is not a valid GTIN -> its first use. */
  first: Map<string, FirstUse>;
  findings: RuleFinding[];
}

export default defineFeedRule<ProductIdState>({
  id: 'duplicates.product_id',
  pack: 'duplicates',
  severity: 'error',
  description: 'Two records with different SKUs must not share a product ID.',
  needs: [PRODUCT_IDENTIFIERS],
  start: () => ({ first: new Map(), findings: [] }),
  visit(state, record) {
    const identifier = readProductId(record);
    if (identifier === undefined) return;
    const gtin14 = identifier.check.ok ? identifier.check.gtin14 : undefined;
    const key = gtin14 ?? identifier.id;
    const sku = record.sku?.trim() ?? '';
    const first = state.first.get(key);
    if (first === undefined) {
      state.first.set(key, { record: record.index, sku: record.sku, skus: new Set(sku === '' ? [] : [sku]) });
      return;
    }
    if (sku !== '' && first.skus.has(sku)) return;
    if (sku !== '') first.skus.add(sku);
    const params: Record<string, unknown> = { productId: identifier.id, firstRecord: first.record, firstSku: first.sku };
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
  message(finding, titleOf) {
    const { productId, gtin14, firstRecord, firstSku } = finding.params;
    const as = typeof gtin14 === 'string' && gtin14 !== productId ? ` (GTIN-14 ${gtin14})` : '';
    const other = typeof firstSku === 'string' && firstSku !== '' ? `record ${String(firstRecord)} (SKU ${firstSku})` : `record ${String(firstRecord)}`;
    return `${titleOf(PRODUCT_IDENTIFIERS)}: Product ID "${String(productId)}"${as} is already used by ${other}; two SKUs cannot share a product ID.`;
  },
  hint(finding) {
    return `Enter this item's own product ID from its barcode; if it is the same product as record ${String(finding.params.firstRecord)}, keep one record and one SKU.`;
  },
});
