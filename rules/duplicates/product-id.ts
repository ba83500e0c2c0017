// duplicates.product_id (duplicate.product_id): two SKUs in one feed with the same product ID. Walmart matches items
// by GTIN, so one SKU ends up on the other's item or is rejected. IDs are compared as GTIN-14 when valid, so a UPC
// and its padded GTIN-14 count as one.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule, recordPlace } from '../../src/core/rule.js';
import { PRODUCT_IDENTIFIERS, PRODUCT_ID, readProductId } from '../identifiers/product-id.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { KeyMap } from './key-map.js';
import { NumberTable, exactKeys } from './number-table.js';

// A key of 14 digits (every GTIN-14, and raw IDs that look like one) is kept as its number, exactly, in 12 bytes.
const FOURTEEN_DIGITS = /^\d{14}$/;

/** Every ID is kept to the end of the feed, with the record of its first use; that record's SKU is in the log. */
interface ProductIdState {
  /** GTIN-14 (or a raw ID of 14 digits) as a number -> the record that used it first. */
  byNumber: NumberTable;
  /** Other IDs, trimmed as given (IDs that fail their check: few) -> the record that used it first. */
  byText: KeyMap<number>;
  log: RecordLog;
  /**
   * Every SKU seen with an ID after its first use, by that first record: a repeat of one of them is duplicates.sku's
   * finding, not this rule's. Only IDs used again get a Set.
   */
  laterSkus: Map<number, Set<string>>;
  findings: RuleFinding[];
}

/** Whether the ID first used by this record was already used with this (trimmed, non-empty) SKU. */
function usedWith(state: ProductIdState, first: number, sku: string): boolean {
  return sku === (state.log.skuOf(first)?.trim() ?? '') || (state.laterSkus.get(first)?.has(sku) ?? false);
}

export default defineFeedRule<ProductIdState>({
  id: 'duplicates.product_id',
  pack: 'duplicates',
  severity: 'error',
  description: 'Two records with different SKUs must not share a product ID.',
  needs: [PRODUCT_IDENTIFIERS],
  start: (feed) => ({ byNumber: new NumberTable(exactKeys), byText: new KeyMap(), log: recordLogOf(feed), laterSkus: new Map(), findings: [] }),
  visit(state, record) {
    const identifier = readProductId(record);
    if (identifier === undefined) return;
    state.log.note(record);
    const gtin14 = identifier.check.ok ? identifier.check.gtin14 : undefined;
    const key = gtin14 ?? identifier.id;
    const number = FOURTEEN_DIGITS.test(key) ? Number(key) : undefined;
    const first = number === undefined ? state.byText.get(key) : state.byNumber.find(number);
    if (first === undefined) {
      if (number === undefined) state.byText.set(key, record.index);
      else state.byNumber.add(number, record.index);
      return;
    }
    const sku = record.sku?.trim() ?? '';
    if (sku !== '') {
      if (usedWith(state, first, sku)) return;
      let later = state.laterSkus.get(first);
      if (later === undefined) {
        later = new Set();
        state.laterSkus.set(first, later);
      }
      later.add(sku);
    }
    const params: Record<string, unknown> = { productId: identifier.id, firstRecord: first, firstSku: state.log.skuOf(first) };
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
