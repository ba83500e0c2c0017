// A Product ID that no identifier rule has anything to say about: exactly its digits, the one length its type is
// usually given in, a correct check digit. The identifiers screen asks for every record, and duplicates.product_id
// asks again for the same record to key it by its GTIN-14: the last ID found clean is remembered, so the second
// question is a comparison, not a second pass over the digits.
import { hasGs1CheckDigit } from '../../src/core/gtin.js';

/** The one length per type at which a valid code draws no finding (a GTIN shorter than 14 draws not_gtin14's). */
function cleanLength(type: unknown, length: number): boolean {
  switch (type) {
    case 'GTIN':
      return length === 14;
    case 'UPC':
      return length === 12;
    case 'EAN':
      return length === 13 || length === 8;
    default:
      return false;
  }
}

/** The last ID found clean: texts do not change, so the same text is clean again whatever record it comes from. */
let lastClean: string | undefined;

/**
 * Whether `productId` is a GTIN-14, UPC-A, EAN-13 or EAN-8 given as exactly its digits, with `productIdType` spelt as
 * Walmart lists it and a correct check digit. Such an ID is valid as it stands and its GTIN-14 is its digits padded
 * with zeros (checkProductId's verdict, without the verdict object).
 */
export function isCleanProductId(productIdType: unknown, productId: unknown): productId is string {
  if (typeof productId !== 'string' || !cleanLength(productIdType, productId.length)) return false;
  if (productId === lastClean) return true;
  if (!hasGs1CheckDigit(productId)) return false;
  lastClean = productId;
  return true;
}

/** The GTIN-14 of a clean ID (see isCleanProductId): its digits, padded to 14. */
export function cleanGtin14(productId: string): string {
  return productId.length === 14 ? productId : productId.padStart(14, '0');
}
