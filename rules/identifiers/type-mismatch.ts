// identifiers.type_mismatch (gtin.type_mismatch): a valid code of another type than Product ID Type says, such as a
// 13-digit EAN marked UPC. Walmart may reject it or read it as another product, so it is worth a warning.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { PRODUCT_IDENTIFIERS, describe, problemParams, productIdFinding, readProductId, seen, text } from './product-id.js';

export default defineRecordRule({
  id: 'identifiers.type_mismatch',
  pack: 'identifiers',
  severity: 'warning',
  description: 'Product ID Type must match the product ID: 12 digits for UPC, 13 for EAN, 14 for GTIN, 10 or 13 for ISBN.',
  needs: [PRODUCT_IDENTIFIERS],
  check(record) {
    const identifier = readProductId(record);
    if (identifier === undefined) return NO_FINDINGS;
    const params = problemParams(identifier, 'type_mismatch');
    return params ? [productIdFinding('gtin.type_mismatch', identifier, params)] : NO_FINDINGS;
  },
  message(finding, titleOf) {
    const { format, productIdType } = finding.params;
    return `${seen(finding, titleOf)} is ${describe(text(format))}, but Product ID Type is "${text(productIdType)}".`;
  },
  hint(finding) {
    const { actual, format, productId, productIdType, gtin14 } = finding.params;
    const id = text(productId);
    const stored = typeof gtin14 === 'string' ? ` Walmart stores it as GTIN-14 ${gtin14}.` : '';
    // A UPC padded to 13 digits is still the UPC: dropping the zero keeps the type the merchandiser chose.
    if (text(productIdType).toUpperCase() === 'UPC' && format === 'GTIN-13' && id.startsWith('0')) {
      return `Drop the leading 0 to give the 12-digit UPC ${id.slice(1)}, or set Product ID Type to EAN.${stored}`;
    }
    return `Set Product ID Type to ${text(actual)}.${stored}`;
  },
});
