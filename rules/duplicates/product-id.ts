// duplicates.product_id (duplicate.product_id): two SKUs in one feed with the same product ID. Walmart matches items
// by GTIN, so one SKU ends up on the other's item or is rejected. IDs are compared as GTIN-14 when valid, so a UPC
// and its padded GTIN-14 count as one.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, recordPlace, tuplesOf } from '../../src/core/rule.js';
import { REPEATS, type KeyedTuples, type TupleField } from '../../src/core/keyed-tuples.js';
import { FeedTypes } from '../feed-types.js';
import { PRODUCT_IDENTIFIERS, PRODUCT_ID, readProductId } from '../identifiers/product-id.js';
import { cleanGtin14, isCleanProductId } from '../identifiers/clean-id.js';

/**
 * Each record with a product ID, keyed by its GTIN-14 when the ID passes its check (else the ID trimmed as given):
 * its SKU as given, the ID as given (see ID_FIELD) and its product type when it is not the feed's first (FeedTypes).
 * The usual tuple, a valid ID given as its GTIN-14, is its SKU alone.
 */
interface ProductIdState {
  tuples: KeyedTuples;
  types: FeedTypes;
  /** The usual tuple's one field, one array for every record: the store copies it. */
  skuOnly: TupleField[];
}

const SKU_FIELD = 0;
/**
 * The ID as given, when it is not the key (a UPC padded to its GTIN-14: the key is then a GTIN-14); NOT_GTIN when the
 * key is the ID as given and no GTIN-14 (an ID that fails its check); undefined when the key is both the ID as given
 * and its GTIN-14.
 */
const ID_FIELD = 1;
const NOT_GTIN = 0;
const TYPE_FIELD = 2;

export default defineFeedRule<ProductIdState>({
  id: 'duplicates.product_id',
  pack: 'duplicates',
  severity: 'error',
  description: 'Two records with different SKUs must not share a product ID.',
  needs: [PRODUCT_IDENTIFIERS],
  start: (feed) => ({ tuples: tuplesOf(feed), types: new FeedTypes(), skuOnly: [undefined] }),
  visit(state, record) {
    let id: string;
    let gtin14: string | undefined;
    const value = record.get(PRODUCT_IDENTIFIERS);
    const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
    // The usual ID, which the identifiers screen has just found clean: its GTIN-14 without a verdict to build.
    if (given !== undefined && !Array.isArray(given) && isCleanProductId(given.productIdType, given.productId)) {
      id = given.productId;
      gtin14 = cleanGtin14(id);
    } else {
      const identifier = readProductId(record);
      if (identifier === undefined) return;
      id = identifier.id;
      gtin14 = identifier.check.ok ? identifier.check.gtin14 : undefined;
    }
    const key = gtin14 ?? id;
    const idField = gtin14 === undefined ? NOT_GTIN : id === key ? undefined : id;
    const type = state.types.pack(record.productType);
    if (idField === undefined && type === undefined) {
      const fields = state.skuOnly;
      fields[SKU_FIELD] = record.sku;
      state.tuples.append(key, record.index, fields);
    } else state.tuples.append(key, record.index, [record.sku, idField, type]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    // Only repeated keys: the feed's many keys of one tuple make no call.
    state.tuples.forEachGroup((group) => {
      const first = group.record(0);
      const firstSku = group.text(0, SKU_FIELD);
      const firstTrimmed = firstSku?.trim() ?? '';
      // Every SKU seen with the ID after its first use: a repeat of one of them is duplicates.sku's finding.
      const laterSkus = new Set<string>();
      for (let m = 1; m < group.size; m++) {
        const sku = group.text(m, SKU_FIELD);
        const trimmed = sku?.trim() ?? '';
        if (trimmed !== '') {
          if (trimmed === firstTrimmed || laterSkus.has(trimmed)) continue;
          laterSkus.add(trimmed);
        }
        const given = group.field(m, ID_FIELD);
        const params: Record<string, unknown> = { productId: typeof given === 'string' ? given : group.key, firstRecord: first, firstSku };
        if (given !== NOT_GTIN) params.gtin14 = group.key;
        findings.push({
          code: 'duplicate.product_id',
          attribute: PRODUCT_IDENTIFIERS,
          subPath: PRODUCT_ID,
          record: group.record(m),
          sku,
          productType: state.types.unpack(group.field(m, TYPE_FIELD)),
          params,
        });
      }
    }, REPEATS);
    return byRecord(findings);
  },
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
