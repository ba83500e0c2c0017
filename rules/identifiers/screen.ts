// The identifiers pack's screen: a record whose product ID is a plain, valid code of the usual length for its type
// gives no identifier rule anything to say, and that is one pass over the ID's characters (RecordScreen).
import type { RecordScreen } from '../../src/core/rule.js';
import identifiers from './index.js';
import { PRODUCT_IDENTIFIERS } from './product-id.js';
import { isCleanProductId } from './clean-id.js';

/**
 * True when no identifier rule can find anything, as readProductId reads the record: no Product Identifiers object
 * or no Product ID (nothing to check), or a GTIN-14, UPC-A, EAN-13 or EAN-8 given as exactly its digits, with the
 * type spelt as Walmart lists it and a correct check digit. Anything else (spaces to trim, a number, another type or
 * length) is left to the rules.
 */
export function cleanProductIdentifiers(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return true;
  const { productIdType, productId } = value as Record<string, unknown>;
  if (productId === undefined) return true;
  return isCleanProductId(productIdType, productId);
}

const screen: RecordScreen = {
  covers: identifiers.map((r) => r.id),
  prepare(readerOf) {
    const read = readerOf(PRODUCT_IDENTIFIERS);
    // Every identifier rule needs the attribute: without it none of them attaches.
    if (read === undefined) return () => true;
    return (item) => cleanProductIdentifiers(read(item));
  },
};

export default screen;
